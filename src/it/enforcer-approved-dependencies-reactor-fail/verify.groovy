def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log =~ /(?m)^\[INFO\] Using the MultiThreadedBuilder implementation with a thread count of 2$/
// Each module ran the rule it inherited from the parent; module-b and module-c, which bring commons-lang3, failed.
assert log =~ /(?m)^\[INFO\] approved-reactor \.+ SUCCESS/
assert log =~ /(?m)^\[INFO\] module-a \.+ SUCCESS/
assert log =~ /(?m)^\[INFO\] module-b \.+ FAILURE/
assert log =~ /(?m)^\[INFO\] module-c \.+ FAILURE/
assert (log =~ /(?m)^\[INFO\] Rule 0: dev\.securebuild\.enforcer\.ApprovedDependencies passed$/).count == 2
// The [ERROR] lines only: the stack traces (-e) repeat the messages without the prefix.
assert (log =~ /(?m)^\[ERROR\] Rule 0: dev\.securebuild\.enforcer\.ApprovedDependencies failed with message:$/).count == 2
assert !log.contains('component(s) of it.securebuild.enforcer:module-a')
assert !log.contains('component(s) of it.securebuild.enforcer:approved-reactor')

// The two modules run in parallel: whichever got there first describes the offender with its module and path ...
def full = log =~ /(?m)^\[ERROR\] 1 component\(s\) of it\.securebuild\.enforcer:(module-[bc]):pom:1\.0 not approved by the allow-lists:\n\[ERROR\] org\.apache\.commons:commons-lang3:3\.14\.0 \(compile\) is named by no entry of the allow-lists \(list 1\)\n\[ERROR\]   path: it\.securebuild\.enforcer:\1:1\.0 -> org\.apache\.commons:commons-text:1\.12\.0 -> org\.apache\.commons:commons-lang3:3\.14\.0\n\[ERROR\]   to request an approval, add to the approved list:$/
assert full.find(): 'no full report of commons-lang3 with its module and path'
String first = full.group(1)
assert !full.find(): 'commons-lang3 is described in full twice'
// ... and the other module says, in one line, where it was reported.
String other = first == 'module-b' ? 'module-c' : 'module-b'
assert log.contains("""[ERROR] 1 component(s) of it.securebuild.enforcer:${other}:pom:1.0 not approved by the allow-lists:
[ERROR] org.apache.commons:commons-lang3:3.14.0 (compile): already reported for it.securebuild.enforcer:${first}:pom:1.0
""")
assert (log =~ /(?m)^\[ERROR\]   path: /).count == 1
// module-c depends on module-a: a module of the build is not decided, nor is the parent in the reactor.
assert !log.contains('module-a:1.0 (compile) is') && !log.contains('module-a:1.0 (compile): already')
assert !log.contains('approved-reactor:1.0 is')
return true
