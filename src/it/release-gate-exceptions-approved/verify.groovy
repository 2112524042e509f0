import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2
String build = invocations[1]

File gate = new File(basedir, 'target/secure-build/release-gate')
Map report = new JsonSlurper().parse(new File(gate, 'release-gate.json')) as Map
assert report.decision == 'GO-WITH-EXCEPTIONS'
assert report.blocked == false
assert report.approval == [required: true, ticket: 'SEC-123', approvedBy: 'octocat (GITHUB_ACTOR)', status: 'approved']
assert report.reasons == ['it.securebuild.gate:exceptions-approved: findings passed with 1 exception(s): CVE-2020-36518']
assert report.exceptions*.id == ['CVE-2020-36518']
String md = new File(gate, 'release-gate.md').getText('UTF-8')
assert md.startsWith('## ⚠️ Release gate: GO-WITH-EXCEPTIONS, approved by octocat (GITHUB_ACTOR) (SEC-123)')
assert md.contains('Approval: approved (ticket SEC-123, by octocat (GITHUB_ACTOR))')
assert md.contains('| 2099-12-31 |')
assert build.contains('Release gate: GO-WITH-EXCEPTIONS, approved by octocat (GITHUB_ACTOR) (SEC-123)')
assert build.contains('BUILD SUCCESS')

// Deployed, with the signatures and the provenance.
File deployed = new File(basedir, 'target/remote-repository/it/securebuild/gate/exceptions-approved/1.0')
assert new File(deployed, 'exceptions-approved-1.0.pom').isFile()
assert new File(deployed, 'exceptions-approved-1.0.pom.asc').isFile()
assert new File(deployed, 'exceptions-approved-1.0.intoto.jsonl').isFile()

// The approval, in the security event log: who and which ticket.
File events = new File(basedir, 'target/secure-build/security-events.jsonl')
List<Map> gateEvents = events.readLines('UTF-8').collect { new JsonSlurper().parseText(it) as Map }.findAll { it.type.startsWith('release.') }
assert gateEvents.size() == 1
Map approved = gateEvents[0]
assert approved.type == 'release.approved'
assert approved.ticket == 'SEC-123'
assert approved.approvedBy == 'octocat (GITHUB_ACTOR)'
assert approved.decision == 'GO-WITH-EXCEPTIONS'
assert approved.exceptions == 1
assert approved.version == '1.0'
assert approved.project == 'it.securebuild.gate:exceptions-approved'
assert approved.message.startsWith('Release with exceptions approved by octocat (GITHUB_ACTOR) under SEC-123')
return true
