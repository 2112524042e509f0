def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 2

String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
assert invocations[0].contains("Generated throwaway ED25519 key $fingerprint")
// gpg agrees that the key expired on 2020-01-02 (expires = created + 1 day).
String packets = support.gpgListPackets(new File(basedir, 'key/public-key.asc'))
assert packets.contains('created 1577836800'): packets
assert packets.contains('key expires after 1d0h0m'): packets

String failed = invocations[1]
assert failed.contains('BUILD FAILURE')
assert failed.contains("key $fingerprint expired on 2020-01-02T00:00:00Z"): "no expiry message naming the key and date"
assert !failed.contains('Signed and hashed')
File signDir = new File(basedir, 'target/secure-build/sign')
assert !signDir.exists() || signDir.list().length == 0
return true
