def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
// The file, the position and what went wrong: never "no findings".
assert log =~ /reports[\\\/]trivy\.json at line 21, column \d+: not valid JSON \(Unexpected end-of-input/
assert !new File(basedir, 'target/secure-build/findings/findings.json').exists()
assert !log.contains('PASS:')
