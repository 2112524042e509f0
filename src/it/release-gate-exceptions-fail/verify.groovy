import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2
String build = invocations[1]

// check-findings passed thanks to the exception, and listed it in its result.
Map findings = new JsonSlurper().parse(new File(basedir, 'target/secure-build/results/check-findings.json')) as Map
assert findings.verdict == 'pass'
assert findings.exceptions == [[id: 'CVE-2020-36518', reason: 'Only our own configuration files are deserialized; no untrusted JSON reaches jackson-databind.',
                                approvedBy: 'security-team@example.com', expires: '2099-12-31']]
assert findings.details.endsWith('findings.json')

File gate = new File(basedir, 'target/secure-build/release-gate')
Map report = new JsonSlurper().parse(new File(gate, 'release-gate.json')) as Map
assert report.decision == 'GO-WITH-EXCEPTIONS'
assert report.blocked == true
assert report.approval == [required: true, ticket: null, approvedBy: null, status: 'missing']
assert report.reasons == ['it.securebuild.gate:exceptions-fail: findings passed with 1 exception(s): CVE-2020-36518',
                          'the policy requires an approval of a release with exceptions, and none was given (-Dsecure-build.approval=<ticket>)']
assert report.exceptions == [[module: 'it.securebuild.gate:exceptions-fail', check: 'findings', id: 'CVE-2020-36518',
                              reason: 'Only our own configuration files are deserialized; no untrusted JSON reaches jackson-databind.',
                              approvedBy: 'security-team@example.com', expires: '2099-12-31']]
String md = new File(gate, 'release-gate.md').getText('UTF-8')
assert md.startsWith('## ⛔ Release gate: GO-WITH-EXCEPTIONS, blocked: the policy requires an approval')
assert md.contains('| `it.securebuild.gate:exceptions-fail` | findings | CVE-2020-36518 | Only our own configuration files are deserialized; no untrusted JSON reaches jackson-databind. | security-team@example.com | 2099-12-31 |')
assert md.contains('Approval: missing')
assert build.contains('[ERROR] Release gate: GO-WITH-EXCEPTIONS, blocked')
assert build.contains('BUILD FAILURE')

// Nothing deployed.
File repository = new File(basedir, 'target/remote-repository')
assert !repository.exists(): "deployed although blocked: ${repository.list()}"

File events = new File(basedir, 'target/secure-build/security-events.jsonl')
List<Map> lines = events.readLines('UTF-8').collect { new JsonSlurper().parseText(it) as Map }
List<Map> gateEvents = lines.findAll { it.type.startsWith('release.') }
assert gateEvents.size() == 1
assert gateEvents[0].type == 'release.blocked'
assert gateEvents[0].decision == 'GO-WITH-EXCEPTIONS'
assert gateEvents[0].approvalRequired == true
assert gateEvents[0].project == 'it.securebuild.gate:exceptions-fail'
return true
