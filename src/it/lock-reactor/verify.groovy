import groovy.json.JsonSlurper
import java.security.MessageDigest

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 4

// 1. The lock: one file at the top, every kind of use, the reactor's own module by coordinates only.
File lockFile = new File(basedir, 'secure-build.lock.json')
Map lock = new JsonSlurper().parse(lockFile) as Map
assert lock.format == 'secure-build-lock/1'
assert invocations[0] =~ /Locked \d+ artifact\(s\) of 3 module\(s\) in \S+secure-build\.lock\.json: review its changes, then commit it/
Map a = lock.modules['it.securebuild.lock:module-a'] as Map
Map b = lock.modules['it.securebuild.lock:module-b'] as Map
assert a.uses.any { it.kind == 'dependency' && it.artifact == 'commons-io:commons-io:jar:2.16.1' && it.scope == 'compile' && it.by == null }
assert a.uses.any { it.kind == 'parent' && it.artifact == 'org.apache:apache:pom:33' }
assert a.uses.any { it.kind == 'bom' && it.artifact == 'org.junit:junit-bom:pom:5.10.2' }
assert a.uses.any { it.kind == 'plugin' && it.artifact == 'org.apache.maven.plugins:maven-enforcer-plugin:jar:3.5.0' }
assert a.uses.any { it.kind == 'plugin-dependency' && it.artifact.startsWith('dev.securebuild:secure-build-enforcer-rules:jar:')
        && it.by == 'org.apache.maven.plugins:maven-enforcer-plugin:jar:3.5.0' }
assert !a.uses.any { it.artifact.startsWith('it.securebuild.lock:') }: 'the parent of this reactor is not a locked artifact'
assert b.reactor == ['it.securebuild.lock:module-a:1.0', 'it.securebuild.lock:reactor:1.0']: 'a module and the parent of this reactor, by coordinates'
assert b.uses.any { it.kind == 'dependency' && it.artifact == 'commons-io:commons-io:jar:2.16.1' && it.by == 'it.securebuild.lock:module-a:jar:1.0' }
assert b.uses.any { it.kind == 'dependency' && it.artifact == 'org.junit.jupiter:junit-jupiter-api:jar:5.10.2' && it.scope == 'test' }
// The digests are those of the file in the local repository, and the repository it came from is recorded.
File jar = new File(localRepositoryPath as String, 'commons-io/commons-io/2.16.1/commons-io-2.16.1.jar')
Map commonsIo = lock.artifacts['commons-io:commons-io:jar:2.16.1'] as Map
assert commonsIo.sha256 == MessageDigest.getInstance('SHA-256').digest(jar.bytes).encodeHex().toString()
assert commonsIo.sha512 == MessageDigest.getInstance('SHA-512').digest(jar.bytes).encodeHex().toString()
assert commonsIo.repository == 'local.central'
// Without a time, sorted: the same build locks to the same bytes (3).
assert !(lockFile.text =~ /\d{4}-\d\d-\d\dT\d\d:/)
assert new File(basedir, 'target/again.lock.json').bytes == lockFile.bytes

// 2. Two threads, every module held to the lock: it passes, and says so for the release gate (module-b's result; 4
//    rewrote module-a's).
assert invocations[1].contains('BUILD SUCCESS') && !invocations[1].contains('violation')
Map passed = new JsonSlurper().parse(new File(basedir, 'module-b/target/secure-build/results/lock.json')) as Map
assert passed.check == 'lock' && passed.verdict == 'pass' && passed.goal == 'enforce (requireLockedDependencies)'
assert passed.summary ==~ /\d+ use\(s\) of \d+ artifact\(s\) checked against \S+secure-build\.lock\.json: 0 violation\(s\)/

// 4. A version that moved: named with the path that brought it in and the command that accepts it.
String moved = invocations[3]
assert moved.contains('BUILD FAILURE')
assert moved.contains('dependency commons-io:commons-io:jar moved from 2.16.1 to 2.17.0 in it.securebuild.lock:module-a')
assert moved.contains('path: it.securebuild.lock:module-a -> commons-io:commons-io:jar:2.17.0')
assert moved.contains('review the change, then accept it with mvn secure-build:lock')
Map failed = new JsonSlurper().parse(new File(basedir, 'module-a/target/secure-build/results/lock.json')) as Map
assert failed.verdict == 'fail'
def events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
assert events.any { it.type == 'lock.failed' && it.project == 'it.securebuild.lock:module-a' && it.kinds == 'VERSION_MOVED' }
return true
