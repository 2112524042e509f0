def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD SUCCESS')
assert !log.contains('ApprovedDependencies failed')
assert !(log =~ /(?m)^\[WARNING\].*approv/): 'no warning about approvals expected'
return true
