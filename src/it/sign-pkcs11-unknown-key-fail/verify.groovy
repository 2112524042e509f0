import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert support.invocations(log).size() == 1
assert log.contains('BUILD FAILURE')
// Logged in (the PIN is right), then: the label asked for, the token, and the labels of the private keys it has.
assert log =~ /No private key labelled 'no-such-key' on token 'it-release-token' of \S+libsofthsm2\.so; its private keys are: ('release-rsa' \(id 01\), 'release-ec' \(id 02\)|'release-ec' \(id 02\), 'release-rsa' \(id 01\)) \(secure-build\.pkcs11\.keyLabel, secure-build\.pkcs11\.keyId\)/
assert !log.contains('Signed and hashed')
File events = new File(basedir, 'target/secure-build/security-events.jsonl')
assert events.isFile(): 'no security event log'
List<Map> recorded = events.readLines('UTF-8').findAll { it }.collect { new JsonSlurper().parseText(it) as Map }
assert recorded*.type == ['key.load-failed']
['2718-it-pin-Vw8', 'it-pin-Vw8', '3141-it-so-pin'].each { assert !log.contains(it): "build.log contains '$it'" }
return true
