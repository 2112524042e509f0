import groovy.json.JsonSlurper
import java.security.MessageDigest

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 3

File jar = new File(localRepositoryPath as String, 'org/apache/commons/commons-csv/1.10.0/commons-csv-1.10.0.jar')
File lockFile = new File(basedir, 'secure-build.lock.json')
Map lock = new JsonSlurper().parse(lockFile) as Map
Map locked = lock.artifacts['org.apache.commons:commons-csv:jar:1.10.0'] as Map
String now = MessageDigest.getInstance('SHA-256').digest(jar.bytes).encodeHex().toString()
assert locked.sha256 != now: 'the jar was changed after it was locked'

// 1. Compared with Maven Central's checksum before it was locked: only a SHA-1 is published, which is said.
assert locked.remoteChecksum == 'sha1'
assert invocations[0] =~ /\[WARNING\] \d+ artifact\(s\) were compared with the SHA-1 their repository publishes, as it publishes no SHA-256 or SHA-512 of them; SHA-1 is not collision resistant: [^\n]*org\.apache\.commons:commons-csv:jar:1\.10\.0/

// 2. One violation, the changed jar: the file, both digests, the repositories.
String failed = invocations[1]
assert failed.contains('BUILD FAILURE')
assert failed.contains('1 violation(s) of the lock ')
assert failed.contains("org.apache.commons:commons-csv:jar:1.10.0: the bytes of ${jar.canonicalPath} are not the ones locked")
        || failed.contains("org.apache.commons:commons-csv:jar:1.10.0: the bytes of ${jar.absolutePath} are not the ones locked")
assert failed.contains("sha256 ${now}, locked ${locked.sha256}")
assert failed =~ /from repository (\S+), locked from \1\b/
assert failed.contains('a tampered file, a changed mirror or a re-released version: find out which before accepting it with mvn secure-build:lock')
// In GitHub Actions: one annotation at the <dependency> of pom.xml that brings the jar in (line 14), on a line of its own,
// the message's newlines shown as \n; and the result in the job summary.
List<String> annotations = failed.readLines().findAll { it.startsWith('::error ') }
assert annotations.size() == 1
assert annotations[0].startsWith('::error file=pom.xml,line=14,title=secure-build requireLockedDependencies%3A org.apache.commons%3Acommons-csv%3Ajar%3A1.10.0::org.apache.commons:commons-csv:jar:1.10.0: the bytes of ')
assert annotations[0].contains(' are not the ones locked\\n  sha256 ')
assert new File(basedir, 'step-summary.md').text.contains('**enforce (requireLockedDependencies)** `it.securebuild.lock:tampered`: FAIL · ')

// 3. Locking the changed jar is refused: it is not what the repository publishes (Maven Central, or the tests' own
//    repository when the build's local repository holds the .sha1 Maven 3.8 stores beside a download); the lock is
//    left as it was.
String relock = invocations[2]
assert relock.contains('BUILD FAILURE')
assert relock.contains('lock: 1 file(s) in the local repository are not what their repository publishes; the lock was not written')
String sha1 = MessageDigest.getInstance('SHA-1').digest(jar.bytes).encodeHex().toString()
assert relock =~ /org\.apache\.commons:commons-csv:jar:1\.10\.0: the bytes of \S+commons-csv-1\.10\.0\.jar are not the ones repository (central|local\.central) publishes: sha1 ${sha1}, published [0-9a-f]{40} \(org\.apache\.commons:commons-csv:jar:1\.10\.0\.sha1\)/
assert (new JsonSlurper().parse(lockFile) as Map).artifacts['org.apache.commons:commons-csv:jar:1.10.0'].sha256 == locked.sha256

def events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
assert events*.type == ['lock.failed', 'lock.failed']
assert events*.kinds == ['DIGEST_MISMATCH', 'REMOTE_CHECKSUM_MISMATCH']
assert events[1].project == 'it.securebuild.lock:tampered' && events[1].violations == 1
return true
