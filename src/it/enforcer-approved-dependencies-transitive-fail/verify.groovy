def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log.contains('Rule 0: dev.securebuild.enforcer.ApprovedDependencies failed with message:')
assert log.contains('1 component(s) of it.securebuild.enforcer:approved-transitive:pom:1.0 not approved by the allow-lists:')
// commons-text 1.12.0 depends on commons-lang3 3.14.0 (its POM): the path from the project to it.
assert log.contains('org.apache.commons:commons-lang3:3.14.0 (compile) is named by no entry of the allow-lists (list 1)')
assert log.contains('  path: it.securebuild.enforcer:approved-transitive:1.0 -> org.apache.commons:commons-text:1.12.0 -> org.apache.commons:commons-lang3:3.14.0')
assert log.contains('''  to request an approval, add to the approved list:
    - groupId: "org.apache.commons"
      artifactId: "commons-lang3"
      versions: "3.14.0"
      scopes: [compile]
      reason: "TODO"
      owner: "TODO"''')
// The approved commons-text and the plugins are not reported.
assert !log.contains('commons-text:1.12.0 (compile) is')
// The failure is a security event of the project, naming the offender.
def events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new groovy.json.JsonSlurper().parseText(it) }
assert events*.type == ['allowlist.failed']
assert events[0].offenders == 1 && events[0].failsBuild == true && events[0].project == 'it.securebuild.enforcer:approved-transitive'
assert events[0].message == '1 component(s) not approved: org.apache.commons:commons-lang3:3.14.0 (compile)'
return true
