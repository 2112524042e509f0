import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert support.invocations(log).size() == 1
assert log.contains('BUILD SUCCESS')
assert log.contains("Logged in to the PKCS#11 token for key 'release-ec' on token 'it-release-token'")
def wrote = (log =~ /Wrote the OpenPGP certificate of key ([0-9A-F]{40}) to /)
assert wrote.find(): 'export-public-key wrote no certificate'
String fingerprint = wrote.group(1)

// The provenance: signed by the token key, verified by verify-provenance trusting only the exported OpenPGP key.
File target = new File(basedir, 'target')
File provenance = new File(target, 'demo-1.0.intoto.jsonl')
assert provenance.isFile()
// pom.xml as demo-1.0.pom; on Maven 4 the consumer POM as demo-1.0.pom and pom.xml as demo-1.0-build.pom.
Map<String, File> produced = support.pomFiles(binding, basedir, new File(basedir, 'pom.xml'), 'it.securebuild.pkcs11.provenance', 'demo', '1.0') +
        ['demo-1.0.jar': new File(target, 'demo-1.0.jar'), 'demo-1.0-sources.jar': new File(target, 'demo-1.0-sources.jar')]
assert log =~ /Wrote provenance for ${produced.size()} files \(.*signed with key $fingerprint: \S+demo-1\.0\.intoto\.jsonl/
assert log =~ /Provenance \S+demo-1\.0\.intoto\.jsonl verified: signed by $fingerprint, ${produced.size()} subject\(s\) match their files/
String text = provenance.getText('UTF-8')
assert text.endsWith('\n') && text.count('\n') == 1
Map envelope = new JsonSlurper().parseText(text) as Map
assert envelope.payloadType == 'application/vnd.in-toto+json'
assert envelope.signatures.size() == 1 && envelope.signatures[0].keyid == fingerprint
Map statement = new JsonSlurper().parse(envelope.payload.decodeBase64()) as Map
assert statement.predicateType == 'https://slsa.dev/provenance/v1'
// In the order of the project's files: the POM, the jar, the attached ones (Maven 4 attaches its consumer POM first).
assert statement.subject*.name == (support.makesConsumerPom(binding)
        ? ['demo-1.0-build.pom', 'demo-1.0.jar', 'demo-1.0.pom', 'demo-1.0-sources.jar'] : produced.keySet() as List)
statement.subject.each { subject ->
    assert subject.digest.sha256 == support.hex(produced[subject.name], 'SHA-256'): "sha256 of ${subject.name}"
}

// sign, with the same token key, signed the envelope too: checked by GnuPG (the exported key imported), Sequoia and RNP.
assert log =~ /Signed and hashed ${produced.size() + 1} files \(SHA-256, SHA-512\) with key $fingerprint/
File publicKey = new File(target, 'secure-build/public-key.asc')
support.verifiers(publicKey, fingerprint).withCloseable { verifiers ->
    verifiers.verify(new File(target, 'secure-build/sign/demo-1.0.intoto.jsonl.asc'), provenance)
}
['2718-it-pin-Vw8', 'it-pin-Vw8', '3141-it-so-pin'].each { assert !log.contains(it): "build.log contains '$it'" }
assert !new File(target, 'secure-build/security-events.jsonl').exists(): 'nothing failed, so no security event'
return true
