import java.util.zip.ZipFile

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 3
String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
// The POMs: pom.xml as demo-1.0.pom; on Maven 4 the consumer POM as demo-1.0.pom and pom.xml as demo-1.0-build.pom.
Map<String, File> poms = support.pomFiles(binding, basedir, new File(basedir, 'pom.xml'), 'it.securebuild.tampered', 'demo', '1.0')
Map<String, String> pomsOk = poms.collectEntries { name, file -> [name, 'OK'] }
int files = poms.size() + 1

// 2. signed and verified the original files.
assert invocations[1] =~ /Signed and hashed $files files \(SHA-256, SHA-512\) with key $fingerprint/
assert support.verificationLines(invocations[1]) == pomsOk + ['demo-1.0.jar': 'OK']

// 3. the jar was really rebuilt with other content ...
File jar = new File(basedir, 'target/demo-1.0.jar')
new ZipFile(jar).withCloseable { zip ->
    assert zip.getInputStream(zip.getEntry('stamp.properties')).text.trim() == 'build.stamp=tampered'
}
// ... so its signature and checksums no longer match: BAD, naming the file and the reasons; the POM is still OK.
String failed = invocations[2]
assert !failed.contains('Signed and hashed')
assert support.verificationLines(failed) == pomsOk + ['demo-1.0.jar': 'BAD']
def bad = (failed =~ /(?m)^\[ERROR\] BAD\s+demo-1\.0\.jar: (.*)$/)
assert bad.find()
String reason = bad.group(1)
assert reason.contains('signature')
assert reason.contains('SHA-256 is ' + support.hex(jar, 'SHA-256'))
assert reason.contains('SHA-512 is ' + support.hex(jar, 'SHA-512'))
assert failed.contains("1 of $files files failed verification")
assert failed.contains('BUILD FAILURE')

// GnuPG agrees.
File signDir = new File(basedir, 'target/secure-build/sign')
support.verifiers(new File(basedir, 'key/public-key.asc'), fingerprint).withCloseable { verifiers ->
    verifiers.assertGpgRejects(new File(signDir, 'demo-1.0.jar.asc'), jar)
    poms.each { name, file -> verifiers.verify(new File(signDir, "${name}.asc"), file) }
}
// One security event per file that failed: the jar, not the POM.
def events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new groovy.json.JsonSlurper().parseText(it) }
assert events.size() == 1
assert events[0].type == 'artifact.verification-failed'
assert events[0].file == 'demo-1.0.jar' && events[0].status == 'BAD'
assert events[0].message.contains('SHA-256 is ' + support.hex(jar, 'SHA-256'))
return true
