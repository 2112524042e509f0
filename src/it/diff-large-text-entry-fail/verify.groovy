def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
assert !log.contains('OutOfMemoryError') && !log.contains('Java heap space')
// Every line is 58 bytes; 654320 come before the changed one, which differs at its 30th byte ('value' against 'other').
long offset = 654_320L * 58 + 29
assert log.contains('[WARNING]   - binary content data/events.log: binary content differs, same size (43.1 MiB); text too large to diff line by line')
assert log.contains("compared byte by byte; first difference at byte $offset (line 654321)")
Map report = support.diffReport(new File(basedir, 'target/secure-build/diff'))
Map difference = report.artifacts[0].differences[0]
assert difference.facts.firstDifferenceOffset == "$offset"
assert difference.facts.firstDifferenceLine == '654321'
return true
