import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD SUCCESS')

// findings is required; the parent and the docs module are waived by pattern, the app passes on its own result.
assert log.contains('[INFO] it.securebuild.waiver:parent: findings=waived')
assert log.contains('[INFO] it.securebuild.waiver:app: findings=pass')
assert log.contains('[INFO] it.securebuild.waiver:user-docs: findings=waived')
assert log.contains('[INFO] Waived findings for it.securebuild.waiver:parent, it.securebuild.waiver:user-docs: No code: nothing a scanner could read')
// The waiver that covers no module is said, as a warning.
assert log.contains("[WARNING] The gate policy's waiver #2 of findings (modules it.securebuild.waiver:legacy-*) covers none of the gated modules "
        + '(it.securebuild.waiver:parent, it.securebuild.waiver:app, it.securebuild.waiver:user-docs): correct its modules or remove it')
// The modules it does not decide for are named, so that their absence from the table is not read as a pass.
assert log.contains('[INFO] Not gated: it.securebuild.waiver:samples (skips the goal (secure-build.skip)), '
        + 'it.securebuild.waiver:tools (has no release-gate execution)')
assert log.contains('[INFO] Release gate: GO. Reports: ')
assert !log.contains('[ERROR]')

File folder = new File(basedir, 'target/secure-build/release-gate')
Map gate = new JsonSlurper().parse(new File(folder, 'release-gate.json')) as Map
assert gate.decision == 'GO' && gate.reasons == []
assert gate.warnings.size() == 1 && gate.warnings[0].startsWith("The gate policy's waiver #2 of findings")
Map<String, Map> findings = gate.modules.collectEntries { [(it.module): it.checks.find { c -> c.check == 'findings' }] }
assert findings['it.securebuild.waiver:parent'].status == 'waived'
assert findings['it.securebuild.waiver:parent'].waiver == 'No code: nothing a scanner could read'
assert findings['it.securebuild.waiver:app'].status == 'pass' && findings['it.securebuild.waiver:app'].waiver == null
assert findings['it.securebuild.waiver:user-docs'].status == 'waived'
assert gate.modules*.module == ['it.securebuild.waiver:parent', 'it.securebuild.waiver:app', 'it.securebuild.waiver:user-docs']
assert gate.notGated == [[module: 'it.securebuild.waiver:samples', why: 'skips the goal (secure-build.skip)'],
                         [module: 'it.securebuild.waiver:tools', why: 'has no release-gate execution']]
String md = new File(folder, 'release-gate.md').getText('UTF-8')
assert md.contains('Not gated: it.securebuild.waiver:samples (skips the goal (secure-build.skip)), it.securebuild.waiver:tools (has no release-gate execution)')
assert md.contains('| `it.securebuild.waiver:user-docs` | findings | No code: nothing a scanner could read |')
assert md.contains('### Policy warnings')
assert new File(folder, 'release-gate.html').getText('UTF-8').contains('waived: No code: nothing a scanner could read')
return true
