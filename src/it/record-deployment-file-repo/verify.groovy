import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 5: "expected 5 Maven invocations, found ${invocations.size()}"
String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()

File ledger = new File(basedir, 'deployments.jsonl')
byte[] bytes = ledger.bytes
assert bytes[bytes.length - 1] == ('\n' as char) as byte
List<String> lines = ledger.getText('UTF-8').split('\n', -1).toList()
assert lines.size() == 3 && lines[2] == '': "two records, each ending with a line end: ${lines.size() - 1} lines"
def records = lines.take(2).collect { new JsonSlurper().parseText(it) }

// 2 and 4: deploy uploaded first, then the deployment was recorded, once per build (one module).
[invocations[1], invocations[3]].eachWithIndex { String build, int i ->
    // Maven 4 prints no transfers when it detects CI (CI=true): then the deploy execution's header marks the upload.
    int uploaded = Math.max(build.lastIndexOf('Uploaded to local'), build.indexOf(':deploy (default-deploy) @ demo ---'))
    int recorded = build.indexOf("Recorded deployment #${i + 1} (1 module(s), ")
    assert uploaded > 0 && recorded > uploaded: 'maven-deploy-plugin ran, then record-deployment'
    assert build.contains("in the ledger ${ledger.canonicalPath}, signed by $fingerprint; record SHA-256 ")
}

File repo = new File(basedir, 'target/repo/it/securebuild/ledger/demo/1.0')
records.eachWithIndex { record, int i ->
    assert record.schema == 'secure-build-ledger/1'
    assert record.sequence == i + 1
    assert record.time ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
    assert record.who.name && record.who.source in ['GITHUB_ACTOR', 'GITLAB_USER_LOGIN', 'BUILD_USER_ID', 'BUILD_USER', 'user.name']
    assert record.where == [repositoryId: 'local', url: 'file:target/repo']
    assert record.what.modules.size() == 1
    def module = record.what.modules[0]
    assert [module.groupId, module.artifactId, module.version, module.packaging] == ['it.securebuild.ledger', 'demo', '1.0', 'jar']
    assert module.signingKey == fingerprint
    assert module.provenance == null
    // Every file deploy uploaded (but the resolver's own .md5/.sha1 and metadata), each as it is in the repository.
    List<String> names = module.files*.name
    // On Maven 4 the consumer POM as demo-1.0.pom and pom.xml as demo-1.0-build.pom.
    List<String> deployedNames = support.pomNames(binding, 'demo', '1.0') + ['demo-1.0.jar']
    assert names.toSet() == deployedNames.collectMany { [it, "${it}.asc", "${it}.sha256", "${it}.sha512"] }*.toString().toSet()
    module.files.each { file ->
        File deployed = new File(repo, file.name)
        if (i == 0 && file.name.endsWith('.asc')) {
            // Build 4 deployed the same version again: the jar and POM are reproducible, the signatures (their time) are not.
            return
        }
        assert deployed.isFile(): "not deployed: $deployed"
        assert file.size == deployed.length()
        assert file.sha256 == support.hex(deployed, 'SHA-256')
        assert file.sha512 == support.hex(deployed, 'SHA-512')
    }
    assert record.verdicts == [findings: 'not run', signatures: "signed (${deployedNames.size()} files)".toString(), allowlist: 'not run',
                               reproducible: 'not run']
    assert record.configuration.profiles.contains('it-repo')
    assert record.signature.keyid == fingerprint
    assert record.signature.scheme == 'ed25519'
    List<String> fields = record.keySet().toList()
    assert fields == ['schema', 'sequence', 'time', 'who', 'where', 'what', 'configuration', 'verdicts', 'previous', 'signature']
}
// The chain: the first has no previous, the second holds the SHA-256 of the first line's exact bytes.
assert records[0].previous == null
assert records[1].previous == java.security.MessageDigest.getInstance('SHA-256').digest(lines[0].getBytes('UTF-8')).encodeHex().toString()

// 3 and 5: verify-ledger passed, without a project and with one.
assert invocations[2] =~ /The ledger \S+deployments\.jsonl verifies: 1 record\(s\), numbered in order, each chained to the one before and signed by a trusted key \($fingerprint\)/
assert invocations[4] =~ /The ledger \S+deployments\.jsonl verifies: 2 record\(s\)/
assert invocations[4].contains('SHA-256 of the last record ' + java.security.MessageDigest.getInstance('SHA-256').digest(lines[1].getBytes('UTF-8')).encodeHex())

// Secrets: the names are recorded with [redacted], the values nowhere; unnamed variables not at all.
records.each { record ->
    assert record.configuration.userProperties['deploy.password'] == '[redacted]'
    assert record.configuration.userProperties['altDeploymentRepository'] == '[redacted]': 'not in publicProperties: its name only'
    assert record.configuration.environment == [DEPLOY_TOKEN: '[redacted]', LEDGER_IT_NOTE: 'pushed with [redacted]', LEDGER_IT_NOT_SET: null]
}
File events = new File(basedir, 'target/secure-build/security-events.jsonl')
File noProjectEvents = new File(basedir, 'no-project/target/secure-build/security-events.jsonl')
List<String> eventTypes = (events.readLines() + noProjectEvents.readLines()).collect { new JsonSlurper().parseText(it).type }
assert eventTypes.sort() == ['ledger.recorded', 'ledger.recorded', 'ledger.verified', 'ledger.verified']
['Hunter2-user-property-secret-7731', 's3cr3t-environment-value-5521', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
 'not-named-so-never-recorded', 'LEDGER_IT_UNNAMED'].each { secret ->
    [ledger, events, noProjectEvents, new File(basedir, 'build.log')].each { File file ->
        assert !file.getText('UTF-8').contains(secret): "$file holds $secret"
    }
}
return true
