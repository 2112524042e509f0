def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2

String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
assert invocations[0].contains("Generated throwaway ED25519 key $fingerprint")
assert support.gpgListPackets(new File(basedir, 'key/secret-key.asc')).contains('iter+salt S2K')

String failed = invocations[1]
assert failed.contains('BUILD FAILURE')
assert failed =~ /Cannot unlock key $fingerprint from key file \S*secret-key\.asc: the passphrase is wrong, or the key is damaged/
assert !failed.contains('Signed and hashed') && !failed.contains('Unlocked signing key')
File signDir = new File(basedir, 'target/secure-build/sign')
assert !signDir.exists() || signDir.list().length == 0

// Neither passphrase, nor a recognisable part of one, is anywhere in the log.
['right-passphrase-Xq7-correct', 'wrong-passphrase-Zr4-incorrect', 'Xq7-correct', 'Zr4-incorrect'].each {
    assert !log.contains(it): "build.log contains '$it'"
}
// One security event, in the file and (mavenLog=true) as one line of the Maven log; no passphrase in either.
def events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new groovy.json.JsonSlurper().parseText(it) }
assert events.size() == 1
assert events[0].keySet() as List == ['time', 'type', 'goal', 'project', 'message']
assert events[0].type == 'key.load-failed' && events[0].goal == 'sign' && events[0].project == 'it.securebuild.wrongpassphrase:demo'
assert events[0].message =~ /Cannot unlock key $fingerprint/
assert failed =~ /(?m)^\[WARNING\] secure-build-event \{"time":"[^"]+","type":"key\.load-failed","goal":"sign","project":"it\.securebuild\.wrongpassphrase:demo",/
['right-passphrase-Xq7-correct', 'wrong-passphrase-Zr4-incorrect'].each {
    assert !new File(basedir, 'target/secure-build/security-events.jsonl').text.contains(it)
}
return true
