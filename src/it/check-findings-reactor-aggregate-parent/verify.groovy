import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD SUCCESS')

// The modules without code add no report, and say why; the app adds its report; the last module checks the reactor, once.
assert log.contains('[INFO] Nothing to scan in it.securebuild.aggregate:parent (packaging pom): 1 of the 1 configured report(s) not found, '
        + 'so check-findings does not apply to it')
assert log.contains('[INFO] Recorded 0 report(s) of parent for the reactor\'s check (2 module(s) still to come)')
assert log.contains('[INFO] Recorded 1 report(s) of app for the reactor\'s check (1 module(s) still to come)')
assert log.contains('[INFO] Nothing to scan in it.securebuild.aggregate:assembly (no compiled class in target/classes and no source file in '
        + 'src/main/java)')
assert (log =~ /Read \d+ finding\(s\)/).size() == 1
assert log.contains('[INFO] Read 1 finding(s) from 1 report(s), 1 after merging the same issue seen by several tools; policy: security-policy.yaml')
assert log.contains('[INFO] PASS: 0 blocking, 0 warning(s), 1 cleared')
assert !log.contains('no such report file')

// One result and one set of outputs, the parent's; none in the modules.
List<File> results = []
basedir.eachFileRecurse(groovy.io.FileType.FILES) { if (it.name == 'check-findings.json') results << it }
assert results == [new File(basedir, 'target/secure-build/results/check-findings.json')]: "expected the parent's result only: $results"
Map result = new JsonSlurper().parse(results[0]) as Map
assert result.verdict == 'pass'
assert result.modules == ['it.securebuild.aggregate:parent', 'it.securebuild.aggregate:app', 'it.securebuild.aggregate:assembly']
// The exception cleared a finding of the app's report: it names the app, and no other module.
assert result.exceptions.size() == 1
assert result.exceptions[0].id == 'dice-random' && result.exceptions[0].modules == ['it.securebuild.aggregate:app']
Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.reports*.path == ['app/target/spotbugsSarif.json']
['app', 'assembly'].each { assert !new File(basedir, "$it/target/secure-build").exists(): "$it has secure-build outputs" }

// The release gate lists the exception against the app alone, at INFO: an approved exception is no error.
assert log.contains('[INFO] it.securebuild.aggregate:parent: findings=pass')
assert log.contains('[INFO] it.securebuild.aggregate:app: findings=exceptions')
assert log.contains('[INFO] it.securebuild.aggregate:assembly: findings=pass')
assert log.contains('[WARNING] it.securebuild.aggregate:app: findings passed with 1 exception(s): dice-random')
assert (log =~ /Exception dice-random \(/).size() == 1
assert log.contains('[INFO] Exception dice-random (it.securebuild.aggregate:app, findings): approved by security-team@example.com, expires 2099-12-31')
assert log.contains('[INFO] Release gate: GO-WITH-EXCEPTIONS. Reports: ')
Map gate = new JsonSlurper().parse(new File(basedir, 'target/secure-build/release-gate/release-gate.json')) as Map
assert gate.decision == 'GO-WITH-EXCEPTIONS' && !gate.blocked
assert gate.exceptions*.module == ['it.securebuild.aggregate:app']
return true
