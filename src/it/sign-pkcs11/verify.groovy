def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 4

// 1. The wrong PIN: a clear error, recorded as a security event; no PIN anywhere in the log.
String wrongPin = invocations[0]
assert wrongPin.contains('BUILD FAILURE')
assert wrongPin =~ /Cannot log in to token 'it-release-token' of \S+libsofthsm2\.so: the token rejected the PIN \(CKR_PIN_INCORRECT/
assert wrongPin =~ /secure-build-event \{"time":"[^"]+","type":"key\.load-failed","goal":"(export-public-key|sign)"/
['9911-wrong-pin-Kq3', 'wrong-pin-Kq3', '2718-it-pin-Vw8', 'it-pin-Vw8', '3141-it-so-pin'].each {
    assert !log.contains(it): "build.log contains '$it'"
}

// 2. A key label that is not on the token: the labels that are.
assert invocations[1].contains('BUILD FAILURE')
assert invocations[1] =~ /No private key labelled 'no-such-key' on token 'it-release-token' of \S+; its private keys are: ('release-rsa', 'release-ec'|'release-ec', 'release-rsa')/

// 3 and 4. Signed by the token, the exported key trusted by verify-signatures: every file OK.
[2: 'release-rsa', 3: 'release-ec'].each { index, label ->
    String run = invocations[index]
    assert run.contains('BUILD SUCCESS'): "invocation ${index + 1} ($label) failed"
    assert run.contains("Logged in to the PKCS#11 token for key '$label' on token 'it-release-token'")
    def wrote = (run =~ /Wrote the OpenPGP certificate of key ([0-9A-F]{40}) to /)
    assert wrote.find(): "no certificate written for $label"
    String fingerprint = wrote.group(1)
    assert run =~ /Signed and hashed 3 files \(SHA-256, SHA-512\) with key $fingerprint, every signature verified in /
    Map<String, String> lines = support.verificationLines(run)
    assert lines == ['demo-1.0.pom': 'OK', 'demo-1.0.jar': 'OK', 'demo-1.0-sources.jar': 'OK']: "verify-signatures: $lines"
}
String rsaFingerprint = (invocations[2] =~ /Wrote the OpenPGP certificate of key ([0-9A-F]{40})/)[0][1]
String ecFingerprint = (invocations[3] =~ /Wrote the OpenPGP certificate of key ([0-9A-F]{40})/)[0][1]
assert rsaFingerprint != ecFingerprint

// The last run's signatures (the ECDSA key), checked by GnuPG, Sequoia and RNP with the exported certificate.
File target = new File(basedir, 'target')
File signDir = new File(target, 'secure-build/sign')
File publicKey = new File(target, 'secure-build/public-key.asc')
assert publicKey.text.startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----')
assert support.gpgListPackets(publicKey).contains('IT Releases (TEST-ONLY token key) <it-releases@secure-build.invalid>')
support.verifiers(publicKey, ecFingerprint).withCloseable { verifiers ->
    ['demo-1.0.pom': new File(basedir, 'pom.xml'), 'demo-1.0.jar': new File(target, 'demo-1.0.jar'),
     'demo-1.0-sources.jar': new File(target, 'demo-1.0-sources.jar')].each { name, file ->
        verifiers.verify(new File(signDir, "${name}.asc"), file)
    }
    assert verifiers.verified == 3
}
return true
