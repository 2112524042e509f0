def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log.contains('No signing key is configured')
// ... and the ways to configure one.
assert log.contains('SECURE_BUILD_SIGNING_KEY')
assert log.contains('-Dsecure-build.keyFile=PATH')
assert log.contains('-Dsecure-build.serverId=ID')
// Failed in sign, after package.
assert log =~ /Failed to execute goal dev\.securebuild:secure-build-maven-plugin:[^:]+:sign \(sign\)/
assert new File(basedir, 'target/demo-1.0.jar').isFile()
File signDir = new File(basedir, 'target/secure-build/sign')
assert !signDir.exists() || signDir.list().length == 0
return true
