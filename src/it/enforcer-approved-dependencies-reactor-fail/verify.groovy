def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log =~ /(?m)^\[INFO\] Using the MultiThreadedBuilder implementation with a thread count of 2$/
// Each module ran the rule it inherited from the parent; only module-b failed.
assert log =~ /(?m)^\[INFO\] approved-reactor \.+ SUCCESS/
assert log =~ /(?m)^\[INFO\] module-a \.+ SUCCESS/
assert log =~ /(?m)^\[INFO\] module-b \.+ FAILURE/
assert (log =~ /(?m)^\[INFO\] Rule 0: dev\.securebuild\.enforcer\.ApprovedDependencies passed$/).count == 2
// Once: the stack traces (-e) repeat the message without the [ERROR] prefix.
assert (log =~ /(?m)^\[ERROR\] Rule 0: dev\.securebuild\.enforcer\.ApprovedDependencies failed with message:$/).count == 1
// The offender with its module and its path from that module.
assert log.contains('1 component(s) of it.securebuild.enforcer:module-b:pom:1.0 not approved by the allow-lists:')
assert log.contains('org.apache.commons:commons-lang3:3.14.0 (compile) is named by no entry of the allow-lists (list 1)')
assert log.contains('  path: it.securebuild.enforcer:module-b:1.0 -> org.apache.commons:commons-text:1.12.0 -> org.apache.commons:commons-lang3:3.14.0')
assert !log.contains('component(s) of it.securebuild.enforcer:module-a')
assert !log.contains('component(s) of it.securebuild.enforcer:approved-reactor')
return true
