def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
String team = new File(basedir, 'config/team.yaml').absolutePath
// The range of line 5 of the second list; the build stops before any dependency is decided.
assert log =~ /\Q${team}\E at line 5, column \d+: approved #1\.versions: expected a Maven version range/
assert !log.contains('not approved by the allow-lists')
return true
