import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert support.invocations(log).size() == 1
assert log.contains('BUILD FAILURE')
// Found and logged in, then refused before any file is read: the key, the token, why, and how to make a key that may sign.
assert log =~ /key 'decrypt-only' on token 'it-release-token' of \S+libsofthsm2\.so may not sign \(its CKA_SIGN is false\): create the key with the sign usage \(pkcs11-tool --usage-sign\)/
assert !log.contains('Signed and hashed')
File events = new File(basedir, 'target/secure-build/security-events.jsonl')
assert events.isFile(): 'no security event log'
List<Map> recorded = events.readLines('UTF-8').findAll { it }.collect { new JsonSlurper().parseText(it) as Map }
assert recorded*.type == ['key.load-failed']
['2718-it-pin-Vw8', 'it-pin-Vw8', '3141-it-so-pin'].each { assert !log.contains(it): "build.log contains '$it'" }
return true
