def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
// The short table: id, severity, where, which tools, why it blocks.
assert log =~ /\[ERROR\] id\s+severity\s+where\s+tools\s+why it blocks/
assert log =~ /\[ERROR\] CVE-2020-36518\s+high\s+com\.fasterxml\.jackson\.core:jackson-databind:2\.12\.6\s+Trivy\s+severity HIGH is at or above the failing threshold high/
// The medium one is listed as a warning, not hidden.
assert log =~ /\[WARNING\] CVE-2023-6378\s+medium\s+ch\.qos\.logback:logback-classic:1\.4\.11\s+Trivy\s+severity MEDIUM is below/
assert log.contains('[ERROR] FAIL: 1 blocking, 1 warning(s), 0 cleared')
assert log =~ /The scanner gate failed: 1 finding\(s\) block\. Details: \S+report\.html/

Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.verdict == 'fail'
assert findings.summary.raw == 2 && findings.summary.merged == 2 && findings.summary.blocking == 1
Map high = findings.findings.find { it.id == 'CVE-2020-36518' }
assert high.outcome == 'blocking' && high.severity == 'high'
assert high.cvss.version.startsWith('3') && high.cvss.score == 7.5
Map blocking = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/secure-build/findings/blocking.sarif')) as Map
assert blocking.runs[0].results*.ruleId == ['CVE-2020-36518']
assert blocking.runs[0].results[0].level == 'error'
// The failed check is a security event, with its counts and where the details are.
def events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new groovy.json.JsonSlurper().parseText(it) }
def failedEvents = events.findAll { it.type == 'policy.failed' }
assert failedEvents.size() == 1
assert failedEvents[0].blocking == 1 && failedEvents[0].merged == 2 && failedEvents[0].violations == 0
assert failedEvents[0].report.endsWith('findings.json')
assert failedEvents[0].message == 'The scanner gate failed: 1 finding(s) block'
// The result for the release gate: fail, written before the build failed.
Map result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/secure-build/results/check-findings.json')) as Map
assert result.check == 'findings' && result.verdict == 'fail'
assert result.summary == 'The scanner gate failed: 1 finding(s) block'
assert result.details.endsWith('findings.json')
return true
