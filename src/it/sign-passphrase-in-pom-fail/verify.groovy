def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2
assert invocations[0].contains('Generated throwaway ED25519 key')

String failed = invocations[1]
assert failed.contains('BUILD FAILURE')
// The advice: where a passphrase belongs instead.
assert failed.contains("A passphrase was given as parameter 'passphrase'")
assert failed.contains('it was not used')
assert failed.contains('SECURE_BUILD_SIGNING_PASSPHRASE')
assert failed.contains('mvn --encrypt-password')
// Package ran; sign refused before signing anything.
assert new File(basedir, 'target/demo-1.0.jar').isFile()
assert !failed.contains('Signed and hashed') && !failed.contains('Unlocked signing key')
File signDir = new File(basedir, 'target/secure-build/sign')
assert !signDir.exists() || signDir.list().length == 0
// The value itself is nowhere in the log.
assert !log.contains('pom-passphrase-in-plain-sight-77')
return true
