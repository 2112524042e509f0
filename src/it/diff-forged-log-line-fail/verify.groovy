def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
File logFile = new File(basedir, 'build.log')
String raw = logFile.getText('UTF-8')
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
// No line of the log, or of report.txt, is one that the inputs made up.
List<String> lines = log.readLines()
assert !lines.any { it.trim() == '[INFO] BUILD SUCCESS' || it.startsWith('[INFO] BUILD SUCCESS') }: 'a forged line'
assert !lines.any { it.startsWith('[ERROR] forged') }
assert !raw.contains('\u001b[31mALERT') && !raw.contains('\u001b[2J'): 'an escape sequence from an input reached the log'
// The names are shown escaped, so they still name the entries.
assert log.contains('x\\n[INFO] BUILD SUCCESS')
assert log.contains('red\\u001b[31mALERT\\u001b[0m.txt')
assert log.contains('only-left\\n[ERROR] forged')
String text = new File(basedir, 'target/secure-build/diff/report.txt').getText('UTF-8')
assert !text.readLines().any { it.startsWith('[INFO] BUILD SUCCESS') || it.startsWith('[ERROR] forged') }
assert !text.contains('\u001b')
assert text.contains('x\\n[INFO] BUILD SUCCESS')
// The changed text line is shown escaped in the diff too.
assert text.contains('        +fine\\r[INFO] BUILD SUCCESS\\u001b[2J'): text
// JSON keeps the real name (its encoder escapes it), for machines.
Map report = support.diffReport(new File(basedir, 'target/secure-build/diff'))
assert report.artifacts[0].differences.any { it.location == 'demo-1.0.jar!/x\n[INFO] BUILD SUCCESS' }
String html = new File(basedir, 'target/secure-build/diff/report.html').getText('UTF-8')
assert !html.contains('\u001b')
return true
