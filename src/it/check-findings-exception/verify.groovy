def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD SUCCESS')
assert log.contains('policy: security-policy.yaml')
assert log.contains('[INFO] PASS: 0 blocking, 1 warning(s), 1 cleared')

Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.verdict == 'pass'
assert findings.summary.blocking == 0 && findings.summary.excepted == 1
Map excepted = findings.findings.find { it.id == 'CVE-2020-36518' }
assert excepted.outcome == 'excepted' && excepted.exception == 'CVE-2020-36518'
Map exception = findings.exceptions.find { it.id == 'CVE-2020-36518' }
assert exception.state == 'used' && exception.matched == 1 && exception.expires == '2099-12-31'
assert exception.approvedBy == 'security-team@example.com'

// findings.sarif keeps the excepted finding with an accepted suppression and its justification; blocking.sarif has nothing.
Map sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/secure-build/findings/findings.sarif')) as Map
Map result = sarif.runs[0].results.find { it.ruleId == 'CVE-2020-36518' }
assert result.suppressions[0].status == 'accepted'
assert result.suppressions[0].justification.contains('Only our own configuration files are deserialized')

// Each use of an exception is a line of the security event log.
List lines = new File(basedir, 'target/secure-build/security-events.jsonl').readLines()
assert lines.size() == 1
Map event = new groovy.json.JsonSlurper().parseText(lines[0]) as Map
assert event.type == 'exception.used' && event.exception == 'CVE-2020-36518' && event.matched == 1
assert event.project == 'it.securebuild.findings:check-findings-exception'
assert event.time ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/

// The log names the exception that cleared the finding.
assert log.contains('[INFO] Exception CVE-2020-36518 cleared 1 finding(s): in force until 2099-12-31, approved by security-team@example.com (vulnerable_code_not_in_execute_path)')
