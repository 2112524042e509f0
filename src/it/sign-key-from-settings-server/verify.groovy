def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 3

String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
File publicKey = new File(basedir, 'key/public-key.asc')
// 1. made a key protected by a passphrase: gpg sees an encrypted secret key (S2K protection).
assert invocations[0].contains("Generated throwaway ED25519 key $fingerprint")
String packets = support.gpgListPackets(new File(basedir, 'key/secret-key.asc'))
assert packets.contains('iter+salt S2K') && packets.contains('protected]'): "the secret key is not protected:\n$packets"

// 2. without the master password: fails on decrypting the server's passphrase, before signing anything.
assert invocations[1].contains('BUILD FAILURE')
assert invocations[1].contains("Cannot decrypt the passphrase of settings.xml server 'it-signing'")
assert !invocations[1].contains('Signed and hashed')

// 3. signed with the server's key, the passphrase decrypted with the master password, and verified.
assert invocations[2] =~ /Unlocked signing key $fingerprint from key file \S+[\\\/]key[\\\/]secret-key\.asc from settings\.xml server 'it-signing'/
assert invocations[2] =~ /Signed and hashed 2 files \(SHA-256, SHA-512\) with key $fingerprint, every signature verified in /
assert support.verificationLines(invocations[2]) == ['demo-1.0.pom': 'OK', 'demo-1.0.jar': 'OK']
assert invocations[2].contains('BUILD SUCCESS')
File signDir = new File(basedir, 'target/secure-build/sign')
support.verifiers(publicKey, fingerprint).withCloseable { verifiers ->
    verifiers.verify(new File(signDir, 'demo-1.0.pom.asc'), new File(basedir, 'pom.xml'))
    verifiers.verify(new File(signDir, 'demo-1.0.jar.asc'), new File(basedir, 'target/demo-1.0.jar'))
}

// The passphrase, in clear, is in no log.
assert !log.contains('test-only-settings-passphrase-0815')
return true
