import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2
String build = invocations[1]
String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
final String USER_SECRET = 'hunter2-IT-user-property-secret'
final String ENV_SECRET = 'ghp_ITenvironmentSecretValue0123456789abcd'

File target = new File(basedir, 'target')
File provenance = new File(target, 'demo-1.0.intoto.jsonl')
assert provenance.isFile()
assert build.contains("Wrote provenance for 3 files (")
assert build =~ /signed with key $fingerprint: \S+demo-1\.0\.intoto\.jsonl \(attached as demo-1\.0\.intoto\.jsonl\)/
assert build =~ /Provenance \S+demo-1\.0\.intoto\.jsonl verified: signed by $fingerprint, 3 subject\(s\) match their files/
// sign ran after provenance: it signed the envelope file as well (4 files: POM, jar, sources, envelope).
assert build.contains('Signed and hashed 4 files')

// JSON Lines: exactly one line, one envelope.
String text = provenance.getText('UTF-8')
assert text.endsWith('\n') && text.count('\n') == 1
Map envelope = new JsonSlurper().parseText(text) as Map
assert envelope.keySet() == ['payload', 'payloadType', 'signatures'] as Set
assert envelope.payloadType == 'application/vnd.in-toto+json'
assert envelope.signatures.size() == 1 && envelope.signatures[0].keyid == fingerprint
Map statement = new JsonSlurper().parse(envelope.payload.decodeBase64()) as Map
assert statement._type == 'https://in-toto.io/Statement/v1'
assert statement.predicateType == 'https://slsa.dev/provenance/v1'

// Subjects: the files as deployed, with digests of the files.
Map<String, File> produced = [
        'demo-1.0.pom'        : new File(basedir, 'pom.xml'),
        'demo-1.0.jar'        : new File(target, 'demo-1.0.jar'),
        'demo-1.0-sources.jar': new File(target, 'demo-1.0-sources.jar'),
]
assert statement.subject*.name == produced.keySet() as List
statement.subject.each { subject ->
    File file = produced[subject.name]
    assert subject.digest.sha256 == support.hex(file, 'SHA-256'): "sha256 of ${subject.name}"
    assert subject.digest.sha512 == support.hex(file, 'SHA-512'): "sha512 of ${subject.name}"
}

Map definition = statement.predicate.buildDefinition
assert definition.buildType == 'https://securebuild.dev/provenance/maven/v1'
assert definition.externalParameters.goals == ['install']
assert definition.externalParameters.userProperties['deploy.password'] == '[redacted]'
// Default deny: a property not listed in publicProperties is recorded by its name only.
assert definition.externalParameters.userProperties['greeting'] == '[redacted]'
assert definition.externalParameters.source.uri == 'git+https://github.com/example/demo@refs/heads/main'
assert definition.externalParameters.source.digest.gitCommit == '0123456789abcdef0123456789abcdef01234567'
assert definition.internalParameters.mavenVersion == mavenVersion
assert definition.internalParameters.javaVersion == support.javaVersion(basedir)

// Every resolved dependency and build plugin, as a package URL with the digest of the file resolved.
Map<String, Map> byUri = definition.resolvedDependencies.collectEntries { [(it.uri): it] }
Map commonsIo = byUri['pkg:maven/commons-io/commons-io@2.16.1?type=jar']
assert commonsIo != null: "commons-io missing from ${byUri.keySet()}"
assert commonsIo.name == 'commons-io:commons-io:jar:2.16.1'
assert commonsIo.annotations == [kind: 'dependency', scope: 'compile']
assert commonsIo.digest.sha256 == support.hex(new File(localRepositoryPath, 'commons-io/commons-io/2.16.1/commons-io-2.16.1.jar'), 'SHA-256')
Map jarPlugin = byUri['pkg:maven/org.apache.maven.plugins/maven-jar-plugin@3.4.2?type=jar']
assert jarPlugin?.annotations?.kind == 'plugin'
assert jarPlugin.digest.sha256 == support.hex(new File(localRepositoryPath,
        'org/apache/maven/plugins/maven-jar-plugin/3.4.2/maven-jar-plugin-3.4.2.jar'), 'SHA-256')
assert byUri.keySet().any { it.startsWith('pkg:maven/dev.securebuild/secure-build-maven-plugin@') }

Map run = statement.predicate.runDetails
assert run.builder.id == 'https://github.com/example/demo/.github/workflows/release.yml@refs/heads/main'
assert run.metadata.invocationId == 'https://github.com/example/demo/actions/runs/4711/attempts/2'
assert run.metadata.startedOn ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
assert run.metadata.finishedOn >= run.metadata.startedOn

// Attached: installed under its repository name, with the signature sign made of it.
File installed = new File(localRepositoryPath, 'it/securebuild/provenance/demo/1.0')
assert new File(installed, 'demo-1.0.intoto.jsonl').bytes == provenance.bytes
assert new File(installed, 'demo-1.0.intoto.jsonl.asc').isFile()
support.verifiers(new File(basedir, 'key/public-key.asc'), fingerprint).withCloseable { verifiers ->
    verifiers.verify(new File(installed, 'demo-1.0.intoto.jsonl.asc'), provenance)
}

// The secrets reach neither the envelope (nor its payload), nor the log, nor the event log.
String payload = new String(envelope.payload.decodeBase64(), 'UTF-8')
File events = new File(target, 'secure-build/security-events.jsonl')
[text, payload, log, events.isFile() ? events.text : ''].each { String output ->
    assert !output.contains(USER_SECRET)
    assert !output.contains(ENV_SECRET)
}
assert !events.exists(): 'nothing failed, so no security event'
// No warning at all (Maven 3.9 also validates the plugin and would warn here).
assert !log.contains('[WARNING]'): 'the build printed warnings'
return true
