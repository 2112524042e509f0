def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD SUCCESS')
assert !log.contains('ApprovedDependencies failed')
// Reading the POMs of commons-io and its parents is silent: no warning, no error, no stack trace.
assert !(log =~ /(?m)^\[(WARNING|ERROR)\]/): 'no warning or error expected'
assert !log.contains('Exception')
return true
