def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
assert log =~ /\[ERROR\] Failed to execute goal dev.securebuild:secure-build-maven-plugin:[^:]+:diff \(default-cli\)[^:]*: demo-1.0.jar: not a readable zip archive \(.+\); expected a zip, jar, war or ear with a valid central directory/
// A corrupt input is never taken for "no difference": no report is written.
assert !new File(basedir, 'target/secure-build/diff/report.json').exists()
return true
