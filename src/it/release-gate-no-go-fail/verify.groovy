import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2
String build = invocations[1]

// module-b ran no provenance: its results lack it; module-a's and the parent's have it.
assert new File(basedir, 'module-a/target/secure-build/results/provenance.json').isFile()
assert !new File(basedir, 'module-b/target/secure-build/results/provenance.json').exists()
assert new File(basedir, 'module-b/target/secure-build/results/sign.json').isFile()

// The gate decided once, for the reactor, with the reason.
File gate = new File(basedir, 'target/secure-build/release-gate')
Map report = new JsonSlurper().parse(new File(gate, 'release-gate.json')) as Map
assert report.decision == 'NO-GO'
assert report.blocked == true
assert report.project == 'it.securebuild.gate:no-go'
assert report.modules*.module == ['it.securebuild.gate:no-go', 'it.securebuild.gate:module-a', 'it.securebuild.gate:module-b']
assert report.reasons == ['it.securebuild.gate:module-b: required check provenance did not run: no result in target/secure-build/results']
Map b = report.modules[2]
assert b.checks.find { it.check == 'provenance' }.status == 'missing'
assert b.checks.find { it.check == 'sign' }.status == 'pass'
assert report.modules[1].checks*.status == ['pass', 'pass', 'pass']
String md = new File(gate, 'release-gate.md').getText('UTF-8')
assert md.startsWith('## ⛔ Release gate: NO-GO')
assert md.contains('- it.securebuild.gate:module-b: required check provenance did not run')
assert md.contains('| `it.securebuild.gate:module-b` | ✅ pass | ✅ pass | ❌ missing |')
assert (build =~ /Release gate: NO-GO/).size() >= 1
assert (build =~ /Recorded \S+ for the release gate; it decides after the last module/).size() == 2
assert build.contains('BUILD FAILURE')

// The deploy did not happen: not one file reached the repository.
File repository = new File(basedir, 'target/remote-repository')
assert !repository.exists() || repository.listFiles().length == 0: "deployed despite NO-GO: ${repository.list()}"
assert build.contains('[INFO] BUILD FAILURE')

// One release.blocked event, in the file and (secure-build.eventLog.mavenLog) in the Maven log.
File events = new File(basedir, 'target/secure-build/security-events.jsonl')
List<Map> lines = events.readLines('UTF-8').collect { new JsonSlurper().parseText(it) as Map }
assert lines.size() == 1
Map event = lines[0]
assert event.type == 'release.blocked'
assert event.project == 'it.securebuild.gate:no-go'
assert event.decision == 'NO-GO'
assert event.reasons == 1
assert event.approvalRequired == false
assert event.report.endsWith('release-gate.json')
assert event.time ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
assert event.message.contains('module-b: required check provenance did not run')
assert build.contains('secure-build-event {"time":')
return true
