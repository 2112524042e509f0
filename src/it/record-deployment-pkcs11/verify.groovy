import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2: "expected 2 Maven invocations, found ${invocations.size()}"
String slot = new File(basedir, 'target/softhsm/slot.txt').text.trim()

// Two tokens share the label; the slot from .mvn/maven.config chose the one with the key, and the token was logged in once.
String deploy = invocations[0]
assert deploy.contains('BUILD SUCCESS')
assert deploy.count("Logged in to the PKCS#11 token for key 'release-rsa' on token 'it-release-token' in slot $slot of ") == 1
def wrote = (deploy =~ /Wrote the OpenPGP certificate of key ([0-9A-F]{40}) to /)
assert wrote.find(): 'export-public-key wrote no certificate'
String fingerprint = wrote.group(1)
assert deploy =~ /Signed and hashed 2 files \(SHA-256, SHA-512\) with key $fingerprint/
int uploaded = deploy.lastIndexOf('Uploaded to local')
int recorded = deploy.indexOf('Recorded deployment #1 (1 module(s), ')
assert uploaded > 0 && recorded > uploaded: 'maven-deploy-plugin ran, then record-deployment'

// The record: signed by the token's RSA key (the same key as the artifacts), naming that key for every module.
File ledger = new File(basedir, 'deployments.jsonl')
List<String> lines = ledger.getText('UTF-8').split('\n', -1).toList()
assert lines.size() == 2 && lines[1] == '': 'one record, ending with a line end'
Map record = new JsonSlurper().parseText(lines[0]) as Map
assert record.sequence == 1 && record.previous == null
assert record.signature.keyid == fingerprint
assert record.signature.scheme == 'rsa-pkcs1v15-sha256'
assert record.what.modules.size() == 1 && record.what.modules[0].signingKey == fingerprint
assert record.verdicts.signatures == 'signed (2 files)'
File repo = new File(basedir, 'target/repo/it/securebuild/pkcs11/ledger/demo/1.0')
record.what.modules[0].files.each { file ->
    File deployed = new File(repo, file.name)
    assert deployed.isFile(): "not deployed: $deployed"
    assert file.sha256 == support.hex(deployed, 'SHA-256')
}

// verify-ledger checked the record's chain and signature against the exported key alone.
assert invocations[1] =~ /The ledger \S+deployments\.jsonl verifies: 1 record\(s\), numbered in order, each chained to the one before and signed by a trusted key \($fingerprint\)/

// The artifacts' signatures, by GnuPG, Sequoia and RNP with the exported key.
File target = new File(basedir, 'target')
support.verifiers(new File(target, 'secure-build/public-key.asc'), fingerprint).withCloseable { verifiers ->
    verifiers.verify(new File(repo, 'demo-1.0.jar.asc'), new File(repo, 'demo-1.0.jar'))
    verifiers.verify(new File(repo, 'demo-1.0.pom.asc'), new File(repo, 'demo-1.0.pom'))
}
['2718-it-pin-Vw8', 'it-pin-Vw8', '3141-it-so-pin', '1111-decoy'].each { secret ->
    [new File(basedir, 'build.log'), ledger].each { File file -> assert !file.getText('UTF-8').contains(secret): "$file contains '$secret'" }
}
return true
