def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD SUCCESS')
assert log.contains('Read 2 finding(s) from 3 report(s), 1 after merging')
assert log.contains('[INFO] PASS: 0 blocking, 0 warning(s), 1 cleared')

Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.verdict == 'pass' && findings.summary.notAffected == 1
Map log4shell = findings.findings[0]
assert log4shell.id == 'CVE-2021-44228' && log4shell.outcome == 'not_affected'
assert log4shell.reason.contains('vulnerable_code_not_in_execute_path')
assert findings.reports.find { it.path == 'vex/log4j.openvex.json' }.vexStatements == 1
