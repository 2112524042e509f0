def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
// The finding blocks again, and the table says why: the exception expired, and when.
assert log =~ /\[ERROR\] CVE-2020-36518\s+high\s+com\.fasterxml\.jackson\.core:jackson-databind:2\.12\.6\s+Trivy\s+exception CVE-2020-36518 expired on 2026-01-31/
// The expired exception is a violation of its own, with its date and age.
assert log =~ /\[ERROR\] Policy violation: exception CVE-2020-36518 .*expired on 2026-01-31 \(\d+ days ago\)/
assert log.contains('1 finding(s) block and 1 policy violation(s)')

Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.verdict == 'fail'
assert findings.exceptions.find { it.id == 'CVE-2020-36518' }.state == 'expired'
assert findings.violations.any { it.contains('expired on 2026-01-31') }

Map event = new groovy.json.JsonSlurper().parseText(new File(basedir, 'target/secure-build/security-events.jsonl').readLines()[0]) as Map
assert event.type == 'exception.expired' && event.violation == true && event.expires == '2026-01-31'
