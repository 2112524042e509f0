import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 3: "expected 3 Maven invocations, found ${invocations.size()}"
String release = invocations[1]
String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
boolean consumer = support.makesConsumerPom(binding)
println "Maven $mavenVersion makes a consumer POM: $consumer"

// What was deployed: on Maven 4 the consumer POM as demo-1.0.pom, the POM file as demo-1.0-build.pom.
File repo = new File(basedir, 'target/repo/it/securebuild/consumer/demo/1.0')
List<String> poms = support.pomNames(binding, 'demo', '1.0')
List<String> outputs = poms + ['demo-1.0.jar']
List<String> deployed = outputs + ['demo-1.0.intoto.jsonl']
File pom = new File(repo, 'demo-1.0.pom')
String pomFile = new File(basedir, 'pom.xml').getText('UTF-8')
if (consumer) {
    assert new File(repo, 'demo-1.0-build.pom').getText('UTF-8') == pomFile: 'the POM file is deployed as demo-1.0-build.pom'
    String consumerPom = pom.getText('UTF-8')
    assert consumerPom != pomFile && consumerPom.contains('<artifactId>demo</artifactId>') && !consumerPom.contains('<build>'):
            "demo-1.0.pom is the consumer POM, without the build:\n$consumerPom"
    assert !new File(repo, 'demo-1.0-consumer.pom').exists()
} else {
    assert pom.getText('UTF-8') == pomFile
    assert !new File(repo, 'demo-1.0-build.pom').exists()
}

// Signed and hashed, each under its name in the repository: the signature and sidecars deployed beside each file are its own.
support.verifiers(new File(basedir, 'key/public-key.asc'), fingerprint).withCloseable { verifiers ->
    deployed.each { String name ->
        File file = new File(repo, name)
        verifiers.verify(new File(repo, "${name}.asc"), file)
        support.assertSidecars(file, repo, name, ['sha256', 'sha512'])
    }
}
Map<String, String> verified = support.verificationLines(release)
assert verified == deployed.collectEntries { [it, 'OK'] }: "verify-signatures checked $verified"

// The provenance names every file deployed (but itself), with the digests of the files in the repository.
Map envelope = new JsonSlurper().parse(new File(repo, 'demo-1.0.intoto.jsonl')) as Map
Map statement = new JsonSlurper().parse(envelope.payload.decodeBase64()) as Map
assert statement.subject*.name.toSet() == outputs.toSet()
statement.subject.each { subject ->
    assert subject.digest.sha256 == support.hex(new File(repo, subject.name), 'SHA-256'): "sha256 of ${subject.name}"
}
assert release =~ /Provenance \S+demo-1\.0\.intoto\.jsonl verified: signed by $fingerprint, ${outputs.size()} subject\(s\) match their files/

// Rebuilt and compared: on Maven 4 this build's consumer POM with the rebuild's.
Map report = new JsonSlurper().parse(new File(basedir, 'target/secure-build/reproducible/report.json')) as Map
assert report.artifacts.collectEntries { [it.name, it.status] } == outputs.collectEntries { [it, 'OK'] }
assert !release.contains('did not start from a clean target/'): "Maven 4's consumer POM is not a leftover"

// Recorded in the ledger as deployed, each signature checked.
Map record = new JsonSlurper().parseText(new File(basedir, 'deployments.jsonl').readLines()[0]) as Map
def module = record.what.modules[0]
assert module.files*.name.toSet() == deployed.collectMany { [it, "${it}.asc", "${it}.sha256", "${it}.sha512"] }*.toString().toSet()
module.files.each { file ->
    File inRepo = new File(repo, file.name)
    assert file.sha256 == support.hex(inRepo, 'SHA-256'): "the ledger's sha256 of ${file.name}"
}
assert record.verdicts.signatures == "signed (${deployed.size()} files)".toString()

// help lists the goals.
assert invocations[2].contains('secure-build:verify-reproducible') && invocations[2].contains('secure-build:record-deployment')
return true
