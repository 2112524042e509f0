import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD SUCCESS')

// The parent (packaging pom) and the assembly module (no class, no source) have no report and nothing to scan: said
// once each, at INFO, not failed and not passed.
assert log.contains('[INFO] Nothing to scan in it.securebuild.nothing:parent (packaging pom): 1 of the 1 configured report(s) not found, '
        + 'so check-findings does not apply to it')
assert log.contains('[INFO] Nothing to scan in it.securebuild.nothing:assembly (no compiled class in target/classes and no source file in '
        + 'src/main/java): 1 of the 1 configured report(s) not found, so check-findings does not apply to it')
assert !log.contains('no such report file')
// The app has code and its report: checked as ever.
assert log.contains('[WARNING] PREDICTABLE_RANDOM  medium    demo/App.java:8  SpotBugs  severity MEDIUM is below the failing threshold high')
assert log.contains('[INFO] PASS: 0 blocking, 1 warning(s), 0 cleared')

Map verdicts = [:]
['': 'parent', 'app/': 'app', 'assembly/': 'assembly'].each { folder, module ->
    Map result = new JsonSlurper().parse(new File(basedir, "${folder}target/secure-build/results/check-findings.json")) as Map
    assert result.check == 'findings' && result.modules == ["it.securebuild.nothing:$module"]
    verdicts[module] = result.verdict
    if (result.verdict == 'not-applicable') {
        assert result.summary.startsWith('Not applicable: nothing to scan (') && result.details == null
    }
}
assert verdicts == [parent: 'not-applicable', app: 'pass', assembly: 'not-applicable']
// No findings outputs where nothing was read.
assert !new File(basedir, 'target/secure-build/findings').exists()
assert !new File(basedir, 'assembly/target/secure-build/findings').exists()
assert new File(basedir, 'app/target/secure-build/findings/findings.json').isFile()

// The release gate requires findings: not applicable satisfies it.
assert log.contains('[INFO] it.securebuild.nothing:parent: findings=not-applicable')
assert log.contains('[INFO] it.securebuild.nothing:app: findings=pass')
assert log.contains('[INFO] it.securebuild.nothing:assembly: findings=not-applicable')
assert log.contains('[INFO] Release gate: GO. Reports: ')
Map gate = new JsonSlurper().parse(new File(basedir, 'target/secure-build/release-gate/release-gate.json')) as Map
assert gate.decision == 'GO' && gate.reasons == [] && gate.warnings == []
assert gate.modules*.checks*.get(0)*.status == ['not-applicable', 'pass', 'not-applicable']
String md = new File(basedir, 'target/secure-build/release-gate/release-gate.md').getText('UTF-8')
assert md.contains('| `it.securebuild.nothing:parent` | ⚪ not-applicable |')
assert !new File(basedir, 'target/secure-build/security-events.jsonl').exists(): 'GO and not applicable record no security event'
return true
