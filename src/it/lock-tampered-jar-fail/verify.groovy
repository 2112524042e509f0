import groovy.json.JsonSlurper
import java.security.MessageDigest

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 2

File jar = new File(localRepositoryPath as String, 'commons-io/commons-io/2.15.1/commons-io-2.15.1.jar')
Map lock = new JsonSlurper().parse(new File(basedir, 'secure-build.lock.json')) as Map
String locked = lock.artifacts['commons-io:commons-io:jar:2.15.1'].sha256
String now = MessageDigest.getInstance('SHA-256').digest(jar.bytes).encodeHex().toString()
assert locked != now: 'the jar was changed after it was locked'

// One violation, the changed jar: the file, both digests, the repositories.
String failed = invocations[1]
assert failed.contains('BUILD FAILURE')
assert failed.contains('1 violation(s) of the lock ')
assert failed.contains("commons-io:commons-io:jar:2.15.1: the bytes of ${jar.canonicalPath} are not the ones locked")
        || failed.contains("commons-io:commons-io:jar:2.15.1: the bytes of ${jar.absolutePath} are not the ones locked")
assert failed.contains("sha256 ${now}, locked ${locked}")
assert failed =~ /from repository (\S+), locked from \1\b/
assert failed.contains('a tampered file, a changed mirror or a re-released version: find out which before accepting it with mvn secure-build:lock')
def events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
assert events*.type == ['lock.failed'] && events[0].kinds == 'DIGEST_MISMATCH'
return true
