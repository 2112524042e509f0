import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2
String build = invocations[1]

// Each deciding goal left its result for the gate.
File results = new File(basedir, 'target/secure-build/results')
assert results.list().sort() == ['check-findings.json', 'provenance.json', 'sign.json']
['sign.json': 'sign', 'check-findings.json': 'findings', 'provenance.json': 'provenance'].each { name, check ->
    Map result = new JsonSlurper().parse(new File(results, name)) as Map
    assert result.format == 'secure-build-result/1'
    assert result.check == check
    assert result.project == 'it.securebuild.gate:go'
    assert result.modules == ['it.securebuild.gate:go']
    assert result.version == '1.0'
    assert result.verdict == 'pass': "$name: ${result.summary}"
    assert result.exceptions == []
    assert result.time ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/
}

File gate = new File(basedir, 'target/secure-build/release-gate')
Map report = new JsonSlurper().parse(new File(gate, 'release-gate.json')) as Map
assert report.format == 'secure-build-release-gate/1'
assert report.decision == 'GO'
assert report.blocked == false
assert report.reasons == []
assert report.approval.status == 'not-needed'
assert report.policy.endsWith('release-gate.yaml')
assert report.modules.size() == 1 && report.modules[0].module == 'it.securebuild.gate:go'
Map<String, Map> checks = report.modules[0].checks.collectEntries { [(it.check): it] }
assert checks.keySet() == ['sign', 'findings', 'allowlist', 'provenance', 'reproducible'] as Set
assert checks.sign.status == 'pass' && checks.findings.status == 'pass' && checks.provenance.status == 'pass'
assert checks.reproducible.status == 'waived' && checks.reproducible.waiver == 'The rebuild runs in the nightly job, not in the release job'
assert checks.allowlist.status == 'waived'

String md = new File(gate, 'release-gate.md').getText('UTF-8')
assert md.startsWith('## ✅ Release gate: GO')
assert md.contains('| `it.securebuild.gate:go` | ✅ pass | ✅ pass | ➖ waived | ✅ pass | ➖ waived |')
assert md.contains('| `it.securebuild.gate:go` | reproducible | The rebuild runs in the nightly job, not in the release job |')
String html = new File(gate, 'release-gate.html').getText('UTF-8')
assert html.contains('Release gate: GO') && html.contains("default-src 'none'") && !html.contains('http://') && !html.contains('https://')

assert build =~ /it\.securebuild\.gate:go: sign=pass findings=pass allowlist=waived provenance=pass reproducible=waived/
assert build.contains('Release gate: GO. Reports: ')
assert !new File(basedir, 'target/secure-build/security-events.jsonl').exists(): 'GO writes no security event'
assert build.contains('BUILD SUCCESS')
return true
