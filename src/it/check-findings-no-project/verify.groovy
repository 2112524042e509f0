def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD SUCCESS')
// Three reports from one comma-separated property, one of them a glob.
assert log.contains('Read 3 finding(s) from 3 report(s), 3 after merging')
assert log.contains('[INFO] PASS: 0 blocking, 2 warning(s), 1 cleared')

// The outputs go to target/ of the current folder.
Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.verdict == 'pass'
assert findings.reports*.path == ['scans/codeql.sarif', 'scans/trivy.json', 'scans/log4j.openvex.json']
assert findings.findings.find { it.id == 'CVE-2021-44228' }.outcome == 'not_affected'
