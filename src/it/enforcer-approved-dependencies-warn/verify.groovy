def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD SUCCESS')
// At level WARN the Enforcer logs the rule's message as a warning and goes on.
assert log =~ /(?m)^\[WARNING\] Rule 0: dev.securebuild.enforcer.ApprovedDependencies (warned|failed) with message:/
assert log.contains('commons-io:commons-io:2.16.1 (compile) is not covered by any approval of the allow-lists (list 1)')
assert log.contains('  nearly matched: version 2.16.1 is outside [2.17.0,3.0)')
return true
