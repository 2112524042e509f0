def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log.contains('Rule 0: dev.securebuild.enforcer.ApprovedDependencies failed with message:')
// The license found in commons-io's parent chain (org.apache:apache writes "Apache-2.0"), against the list's [MIT].
def offender = log.readLines().find { it.contains('commons-io:commons-io:2.16.1 (compile)') && it.contains('settings.allowLicenses') }
assert offender != null: 'a line naming commons-io and settings.allowLicenses expected'
assert offender.contains('Apache-2.0') && offender.contains('MIT'): offender
assert !offender.contains('unknown'): offender
return true
