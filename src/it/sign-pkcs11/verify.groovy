def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2

// Each key: signed by the token, its exported OpenPGP key trusted by verify-signatures (every file OK), and each
// signature checked by GnuPG (gpg --import of the exported key, then gpg --verify), Sequoia and RNP.
Map<String, String> fingerprints = [:]
[[label: 'release-rsa', target: 'target', algorithm: '1'], [label: 'release-ec', target: 'target-ec', algorithm: '19']]
        .eachWithIndex { Map key, int index ->
    String run = invocations[index]
    assert run.contains('BUILD SUCCESS'): "invocation ${index + 1} (${key.label}) failed"
    assert run.contains("Logged in to the PKCS#11 token for key '${key.label}' on token 'it-release-token'")
    def wrote = (run =~ /Wrote the OpenPGP certificate of key ([0-9A-F]{40}) to /)
    assert wrote.find(): "no certificate written for ${key.label}"
    String fingerprint = wrote.group(1)
    fingerprints[key.label] = fingerprint
    assert run =~ /Signed and hashed 3 files \(SHA-256, SHA-512\) with key $fingerprint, every signature verified in /
    Map<String, String> lines = support.verificationLines(run)
    assert lines == ['demo-1.0.pom': 'OK', 'demo-1.0.jar': 'OK', 'demo-1.0-sources.jar': 'OK']: "verify-signatures: $lines"

    File target = new File(basedir, key.target)
    File signDir = new File(target, 'secure-build/sign')
    File publicKey = new File(target, 'secure-build/public-key.asc')
    assert publicKey.text.startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----')
    String packets = support.gpgListPackets(publicKey)
    assert packets.contains('IT Releases (TEST-ONLY token key) <it-releases@secure-build.invalid>')
    // The key's creation time is the configured secure-build.pkcs11.keyCreated (2026-01-15T10:00:00Z), its algorithm
    // RSA (1) or ECDSA (19).
    assert packets =~ /(?m)^:public key packet:\n\s+version 4, algo ${key.algorithm}, created 1768471200,/
    support.verifiers(publicKey, fingerprint).withCloseable { verifiers ->
        ['demo-1.0.pom': new File(basedir, 'pom.xml'), 'demo-1.0.jar': new File(target, 'demo-1.0.jar'),
         'demo-1.0-sources.jar': new File(target, 'demo-1.0-sources.jar')].each { name, file ->
            verifiers.verify(new File(signDir, "${name}.asc"), file)
        }
        assert verifiers.verified == 3
        // And gpg tells a changed file from the signed one.
        File changed = new File(target, 'changed.pom')
        changed.text = new File(basedir, 'pom.xml').text + '\n'
        verifiers.assertGpgRejects(new File(signDir, 'demo-1.0.pom.asc'), changed)
    }
}
assert fingerprints['release-rsa'] != fingerprints['release-ec']
// The token's PIN reaches no log.
['2718-it-pin-Vw8', 'it-pin-Vw8', '3141-it-so-pin'].each { assert !log.contains(it): "build.log contains '$it'" }
assert !new File(basedir, 'target/secure-build/security-events.jsonl').exists(): 'nothing failed, so no security event'
return true
