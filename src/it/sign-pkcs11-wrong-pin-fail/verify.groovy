import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert support.invocations(log).size() == 1
assert log.contains('BUILD FAILURE')

// A clear error: which token of which module, that the PIN was rejected, where the PIN comes from.
assert log =~ /Cannot log in to token 'it-release-token' of \S+libsofthsm2\.so: the token rejected the PIN \(CKR_PIN_INCORRECT; the PIN comes from environment SECURE_BUILD_PKCS11_PIN or the settings.xml server\)/
assert !log.contains('Signed and hashed')

// One security event, key.load-failed by sign, in the event log and (eventLog.mavenLog) in the Maven log.
File events = new File(basedir, 'target/secure-build/security-events.jsonl')
assert events.isFile(): 'no security event log'
String eventText = events.getText('UTF-8')
List<String> lines = eventText.readLines().findAll { it }
assert lines.size() == 1: "expected one security event, found: $eventText"
Map event = new JsonSlurper().parseText(lines[0]) as Map
assert event.type == 'key.load-failed'
assert event.goal == 'sign'
assert log =~ /secure-build-event \{"time":"[^"]+","type":"key\.load-failed","goal":"sign"/

// No PIN (the wrong one given, nor the token's, nor a piece of one) in the log or the event log.
['9911-wrong-pin-Kq3', 'wrong-pin-Kq3', '9911-wrong', '2718-it-pin-Vw8', 'it-pin-Vw8', '3141-it-so-pin'].each { String pin ->
    assert !log.contains(pin): "build.log contains '$pin'"
    assert !eventText.contains(pin): "the event log contains '$pin'"
}
return true
