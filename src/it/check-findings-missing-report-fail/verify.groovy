def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log =~ /check-findings-missing-report-fail[\\\/]target[\\\/]dependency-check-report\.json: no such report file \(configured as "target\/dependency-check-report\.json"\)/
assert log.contains('a scanner that did not run is not a scanner that found nothing')
// Nothing that could pass for a verdict is written.
assert !new File(basedir, 'target/secure-build/findings/findings.json').exists()
