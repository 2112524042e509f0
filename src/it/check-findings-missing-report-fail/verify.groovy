def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log =~ /check-findings-missing-report-fail[\\\/]target[\\\/]dependency-check-report\.json: no such report file \(configured as "target\/dependency-check-report\.json"\)/
assert log.contains('a scanner that did not run is not a scanner that found nothing')
assert !log.contains('Nothing to scan'): 'the module has code: a missing report is no reason to skip the check'
// Nothing that could pass for a verdict is written; the release gate reads a failure.
assert !new File(basedir, 'target/secure-build/findings/findings.json').exists()
Map result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/secure-build/results/check-findings.json')) as Map
assert result.verdict == 'fail' && result.summary.contains('no such report file')
