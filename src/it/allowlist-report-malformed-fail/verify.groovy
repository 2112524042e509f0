def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
String list = new File(basedir, 'allowlist.yaml').absolutePath
assert log =~ /(?m)^\[ERROR\] Failed to execute goal \S+:allowlist-report \(default-cli\) on project report-malformed: \Q${list}\E at line 5, column \d+: approved #1\.versions: expected a Maven version range/
assert !new File(basedir, 'target/secure-build/allowlist/allowlist-report.json').exists()
return true
