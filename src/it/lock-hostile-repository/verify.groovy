import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
Map hostile = System.properties.remove('it.hostile.' + basedir.canonicalPath) as Map
hostile.server.stop(0)
hostile.server.executor.shutdownNow()

// The lock is written; the payload is recorded as not compared, and the warning says why.
assert log.contains('BUILD SUCCESS')
Map lock = new JsonSlurper().parse(new File(basedir, 'secure-build.lock.json')) as Map
assert lock.artifacts['it.hostile:payload:jar:1.0'].remoteChecksum == 'unreachable'
assert log =~ /\[WARNING\] 1 artifact\(s\) could not be compared with their repository's checksum, which it did not serve \([^\n]*a checksum file of more than 1024 bytes\); recorded as "unreachable" in the lock: lock again when the repository answers: it\.hostile:payload:jar:1\.0/
// The flood was asked for (the .sha256; the .sha512 is not asked once a repository failed) and not kept: no file of
// it is left, and the lock holds the digests of the payload itself. (Maven's transport reads the rest of the response
// to end the connection, as it does for any download of the build: the server could send it all.)
assert hostile.floods.get() >= 1
println "the hostile repository sent ${hostile.sent.get()} bytes of 64 MB"
assert !new File(basedir, 'target/secure-build').listFiles().any { it.name.startsWith('checksums-') }
File payload = new File(localRepositoryPath as String, 'it/hostile/payload/1.0/payload-1.0.jar')
assert lock.artifacts['it.hostile:payload:jar:1.0'].sha256 == java.security.MessageDigest.getInstance('SHA-256').digest(payload.bytes).encodeHex().toString()
return true
