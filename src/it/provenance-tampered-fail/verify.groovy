import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 3
String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
final List<String> SECRETS = ['hunter2-IT-tampered-secret', 'ghp_ITtamperedEnvironmentSecret0123456789']

// 2. provenance written and verified for the original files.
assert invocations[1] =~ /Wrote provenance for 2 files .* signed with key $fingerprint/
assert invocations[1] =~ /Provenance \S+ verified: signed by $fingerprint, 2 subject\(s\) match their files/

// 3. the jar was really rebuilt with other content ...
File jar = new File(basedir, 'target/demo-1.0.jar')
new ZipFile(jar).withCloseable { zip ->
    assert zip.getInputStream(zip.getEntry('stamp.properties')).text.trim() == 'build.stamp=tampered'
}
// ... so verify-provenance fails, naming the file and both digests (the provenance's and the file's); the POM is OK.
File provenance = new File(basedir, 'target/demo-1.0.intoto.jsonl')
Map envelope = new JsonSlurper().parse(provenance) as Map
Map statement = new JsonSlurper().parse(envelope.payload.decodeBase64()) as Map
Map recorded = statement.subject.find { it.name == 'demo-1.0.jar' }.digest
String actual256 = support.hex(jar, 'SHA-256')
String actual512 = support.hex(jar, 'SHA-512')
assert recorded.sha256 != actual256

String failed = invocations[2]
assert !failed.contains('Wrote provenance')
assert failed =~ /(?m)^\[INFO\] OK   demo-1\.0\.pom$/
assert failed =~ /(?m)^\[ERROR\] BAD  demo-1\.0\.jar: SHA-256 of \S+demo-1\.0\.jar is $actual256, the provenance says ${recorded.sha256}$/
assert failed =~ /(?m)^\[ERROR\] BAD  demo-1\.0\.jar: SHA-512 of \S+demo-1\.0\.jar is $actual512, the provenance says ${recorded.sha512}$/
assert failed.contains('failed verification (2 problems)')
assert failed.contains('BUILD FAILURE')

// One security event per failure, with the documented fields.
File events = new File(basedir, 'target/secure-build/security-events.jsonl')
assert events.isFile()
List<Map> lines = events.readLines('UTF-8').collect { new JsonSlurper().parseText(it) as Map }
assert lines.size() == 2
lines.each { event ->
    assert event.keySet() as List == ['time', 'type', 'provenance', 'file', 'check', 'expected', 'actual', 'project', 'message']
    assert event.type == 'provenance.verification-failed'
    assert event.time ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
    assert event.provenance == 'demo-1.0.intoto.jsonl'
    assert event.file == 'demo-1.0.jar'
    assert event.check == 'digest'
    assert event.project == 'it.securebuild.provenance.tampered:demo'
}
assert lines*.expected == [recorded.sha256, recorded.sha512]
assert lines*.actual == [actual256, actual512]

// The secrets reach neither the provenance, nor the log, nor the event log.
String payload = new String(envelope.payload.decodeBase64(), 'UTF-8')
[provenance.text, payload, log, events.text].each { String output ->
    SECRETS.each { assert !output.contains(it) }
}
assert statement.predicate.buildDefinition.externalParameters.userProperties['deploy.password'] == '[redacted]'
// The release gate's result files: the provenance was written and verified in invocation 2, and the verification
// of invocation 3 failed (written before the build failed); no secret in them either.
File results = new File(basedir, 'target/secure-build/results')
Map written = new JsonSlurper().parse(new File(results, 'provenance.json')) as Map
assert written.check == 'provenance' && written.verdict == 'pass'
Map verified = new JsonSlurper().parse(new File(results, 'verify-provenance.json')) as Map
assert verified.check == 'verify-provenance' && verified.verdict == 'fail'
assert verified.summary.startsWith('The provenance ') && verified.summary.contains('failed verification')
results.listFiles().each { File f -> SECRETS.each { assert !f.text.contains(it) } }
return true
