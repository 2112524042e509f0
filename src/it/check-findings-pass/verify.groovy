def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD SUCCESS')
assert log.contains('Read 2 finding(s) from 1 report(s), 2 after merging')
assert log.contains('policy: the default policy (fail on critical and high, warn on the rest)')
// Findings below the threshold are listed, never hidden.
assert log =~ /\[WARNING\] java\/weak-cryptographic-algorithm\s+medium\s+src\/main\/java\/demo\/Crypto\.java:21\s+CodeQL\s+severity MEDIUM is below the failing threshold high/
assert log =~ /\[WARNING\] java\/unused-parameter\s+low\s+src\/main\/java\/demo\/Slug\.java:9\s+CodeQL\s+/
assert log.contains('[INFO] PASS: 0 blocking, 2 warning(s), 0 cleared')

Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.verdict == 'pass'
assert findings.summary.raw == 2 && findings.summary.merged == 2 && findings.summary.blocking == 0 && findings.summary.warnings == 2
assert findings.reports.size() == 1 && findings.reports[0].format == 'SARIF 2.1.0' && findings.reports[0].tool == 'CodeQL'
assert findings.findings*.outcome as Set == ['warning'] as Set
