import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 3: "expected 3 Maven invocations, found ${invocations.size()}"
final String CANARY = 'CanaryP-7f3a9c21-do-not-publish'
String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
String build = invocations[1]

// The build did its job: provenance signed and verified, files signed, the scan read, deployed, recorded, verified.
assert build =~ /Provenance \S+demo-1\.0\.intoto\.jsonl verified: signed by $fingerprint/
assert build.contains('Signed and hashed ')
assert build.contains('Read 1 finding(s)')
assert build.contains('Uploaded to canary-deploy')
assert build.contains('Recorded deployment #1 (1 module(s), ')
assert invocations[2] =~ /The ledger \S+deployments\.jsonl verifies: 1 record\(s\)/
assert build.contains('secure-build-event {'): 'events are echoed to the Maven log'

// Where the canary went in, its name stays and its value is [redacted].
File target = new File(basedir, 'target')
Map envelope = new JsonSlurper().parse(new File(target, 'demo-1.0.intoto.jsonl')) as Map
Map statement = new JsonSlurper().parse(envelope.payload.decodeBase64()) as Map
Map provenanceProperties = statement.predicate.buildDefinition.externalParameters.userProperties
File ledger = new File(basedir, 'deployments.jsonl')
Map record = new JsonSlurper().parseText(ledger.readLines('UTF-8')[0]) as Map
[provenanceProperties, record.configuration.userProperties].each { Map properties ->
    ['sign.pass', 'sonar.login', 'innocuous.value', 'altDeploymentRepository'].each { name ->
        assert properties[name] == '[redacted]': "$name: ${properties[name]}"
    }
}
assert record.configuration.environment == [CANARY_TOKEN: '[redacted]', SECURE_BUILD_PKCS11_PIN: '[redacted]']
Map finding = new JsonSlurper().parse(new File(target, 'secure-build/findings/findings.json')) as Map
assert groovy.json.JsonOutput.toJson(finding).contains('The token [redacted] is in the build configuration.')

// What CI shows: the finding as an annotation at its file and as a Code Quality issue, each with the canary redacted;
// the job summary (target/step-summary.md) is among the files checked below.
List<String> annotations = build.readLines().findAll { it.startsWith('::') }
assert annotations.any { it.startsWith('::warning file=src/main/resources/demo.properties,line=1,title=hardcoded-token') &&
        it.contains('The token [redacted] is in the build configuration.') }: annotations
List codeQuality = new JsonSlurper().parse(new File(target, 'secure-build/findings/gl-code-quality-report.json')) as List
assert codeQuality.size() == 1
assert codeQuality[0].location.path == 'src/main/resources/demo.properties'
assert codeQuality[0].description.contains('The token [redacted] is in the build configuration.')
assert new File(target, 'step-summary.md').getText('UTF-8').contains('**check-findings** `it.securebuild.canary:demo`')

// Nowhere: every file under target/ (the deployed repository, reports, results, the event log), the ledger, build.log.
List<File> files = [ledger, new File(basedir, 'build.log')]
target.eachFileRecurse(groovy.io.FileType.FILES) { files << it }
assert files.any { it.path.contains('target/repo/') } && files.any { it.name == 'security-events.jsonl' }
List<String> leaks = files.findAll { it.bytes.length > 0 && new String(it.bytes, 'ISO-8859-1').contains(CANARY) }*.path
assert leaks.isEmpty(): "the canary is in: $leaks"
return true
