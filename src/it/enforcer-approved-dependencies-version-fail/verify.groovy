def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log.contains('Rule 0: dev.securebuild.enforcer.ApprovedDependencies failed with message:')
assert log.contains('commons-io:commons-io:2.16.1 (compile) is not covered by any approval of the allow-lists (list 1)')
assert log.contains('  path: it.securebuild.enforcer:approved-version:1.0 -> commons-io:commons-io:2.16.1')
String list = new File(basedir, 'allowlist.yaml').absolutePath
assert log.contains("  nearly matched: version 2.16.1 is outside [2.17.0,3.0) of entry ${list}:3 (list 1)")
assert log.contains('      versions: "2.16.1"')
return true
