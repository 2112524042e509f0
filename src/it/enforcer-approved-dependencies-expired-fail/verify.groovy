def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log.contains('Rule 0: dev.securebuild.enforcer.ApprovedDependencies failed with message:')
assert log.contains('1 component(s) of it.securebuild.enforcer:approved-expired-fail:pom:1.0 not approved by the allow-lists:')
String list = new File(basedir, 'allowlist.yaml').absolutePath
assert log.contains("commons-io:commons-io:2.17.0 (compile) was approved by list 1, entry ${list}:3, until 2026-01-31:"
        + ' the approval has expired; renew it (owner platform-team@example.com) or remove the dependency')
assert log.contains('  path: it.securebuild.enforcer:approved-expired-fail:1.0 -> commons-io:commons-io:2.17.0')
assert log.contains('  to request an approval, add to the approved list:')
return true
