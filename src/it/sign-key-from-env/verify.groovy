def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2

String fingerprint = new File(basedir, 'fingerprint.txt').text.trim()
File publicKey = new File(basedir, 'public-key.asc')
File signDir = new File(basedir, 'target/secure-build/sign')
Map<String, File> produced = ['demo-1.0.pom': new File(basedir, 'pom.xml'),
                              'demo-1.0.jar': new File(basedir, 'target/demo-1.0.jar')]

// Both forms of the key (1. base64, 2. armored) were read from the environment and unlocked with the passphrase from
// there; verify-signatures trusted that key without being told about it.
invocations.each { String invocation ->
    assert invocation =~ /Unlocked signing key $fingerprint from environment SECURE_BUILD_SIGNING_KEY/
    assert invocation =~ /Signed and hashed 2 files \(SHA-256, SHA-512\) with key $fingerprint, every signature verified in /
    assert support.verificationLines(invocation) == ['demo-1.0.pom': 'OK', 'demo-1.0.jar': 'OK']
    assert invocation =~ /OK\s+demo-1\.0\.jar: good signature by $fingerprint, checksums SHA-256, SHA-512 match/
    assert invocation.contains('All 2 files verified')
}

// Invocation 2: the environment key won over the configured key file, which was never read, and the log says so.
assert !invocations[0].contains('takes precedence')
assert invocations[1] =~ /\[WARNING\] Environment SECURE_BUILD_SIGNING_KEY is set and takes precedence over the configured keyFile \S*no-such-key\.asc/

// What invocation 2 wrote verifies with the committed certificate, in GnuPG, Sequoia and RNP.
support.verifiers(publicKey, fingerprint).withCloseable { verifiers ->
    produced.each { name, file ->
        verifiers.verify(new File(signDir, "${name}.asc"), file)
        support.assertSidecars(file, signDir, name, ['sha256', 'sha512'])
    }
}

// Neither secret shows up in the log.
Properties props = new Properties()
new File(basedir, 'invoker.properties').withInputStream { props.load(it) }
String base64 = props.getProperty('invoker.environmentVariables.SECURE_BUILD_SIGNING_KEY.1')
String armored = props.getProperty('invoker.environmentVariables.SECURE_BUILD_SIGNING_KEY.2')
String passphrase = props.getProperty('invoker.environmentVariables.SECURE_BUILD_SIGNING_PASSPHRASE')
assert base64.length() > 500 && armored.contains('PRIVATE KEY BLOCK') && passphrase
assert !log.contains(passphrase)
assert !log.contains(base64.substring(0, 60)) && !log.contains(base64.substring(base64.length() - 60))
armored.readLines().findAll { it.length() > 20 }.each { assert !log.contains(it) }
return true
