import groovy.json.JsonSlurper
import java.security.MessageDigest

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 5

// 1. The lock: one file at the top, every kind of use, the reactor's own module by coordinates only.
File lockFile = new File(basedir, 'secure-build.lock.json')
Map lock = new JsonSlurper().parse(lockFile) as Map
assert lock.format == 'secure-build-lock/2'
assert invocations[0] =~ /Locked \d+ artifact\(s\) of 3 module\(s\) in \S+secure-build\.lock\.json: review its changes, then commit it/
// A module's uses: those of its build (parents, BOMs, plugins, extensions, written once for the modules that share
// them), then its dependencies; each "<kind> [<scope>] <artifact> [by <artifact>]".
Closure usesOf = { String module ->
    Map m = lock.modules[module] as Map
    ((m.build ? lock.builds[m.build] : []) + m.uses).collect { String text ->
        List<String> t = text.split(' ') as List
        int at = t[0] == 'dependency' ? 2 : 1
        [kind: t[0], scope: t[0] == 'dependency' ? t[1] : null, artifact: t[at], by: t.size() == at + 3 && t[at + 1] == 'by' ? t[at + 2] : null]
    }
}
Map a = [uses: usesOf('it.securebuild.lock:module-a'), reactor: lock.modules['it.securebuild.lock:module-a'].reactor]
Map b = [uses: usesOf('it.securebuild.lock:module-b'), reactor: lock.modules['it.securebuild.lock:module-b'].reactor]
assert lock.modules['it.securebuild.lock:module-a'].build != lock.modules['it.securebuild.lock:module-b'].build: 'module-b has an extension'
assert lock.modules['it.securebuild.lock:module-a'].uses.every { it.startsWith('dependency ') }: 'a module lists its dependencies; its build, the rest'
assert a.uses.any { it.kind == 'dependency' && it.artifact == 'commons-io:commons-io:jar:2.16.1' && it.scope == 'compile' && it.by == null }
assert a.uses.any { it.kind == 'parent' && it.artifact == 'org.apache:apache:pom:33' }
assert a.uses.any { it.kind == 'bom' && it.artifact == 'org.junit:junit-bom:pom:5.10.2' }
assert a.uses.any { it.kind == 'plugin' && it.artifact == 'org.apache.maven.plugins:maven-enforcer-plugin:jar:3.5.0' }
assert a.uses.any { it.kind == 'plugin-dependency' && it.artifact.startsWith('dev.securebuild:secure-build-enforcer-rules:jar:')
        && it.by == 'org.apache.maven.plugins:maven-enforcer-plugin:jar:3.5.0' }
assert !a.uses.any { it.artifact.startsWith('it.securebuild.lock:') }: 'the parent of this reactor is not a locked artifact'
assert b.reactor == ['it.securebuild.lock:module-a:1.0-SNAPSHOT', 'it.securebuild.lock:reactor:1.0-SNAPSHOT']: 'a module and the parent of this reactor, by coordinates'
assert b.uses.any { it.kind == 'dependency' && it.artifact == 'commons-io:commons-io:jar:2.16.1' && it.by == 'it.securebuild.lock:module-a:jar:1.0-SNAPSHOT' }
assert b.uses.any { it.kind == 'extension' && it.artifact == 'org.apache.maven.wagon:wagon-http-lightweight:jar:3.5.3' && it.by == null }
assert b.uses.any { it.kind == 'extension-dependency' && it.artifact == 'org.apache.maven.wagon:wagon-http-shared:jar:3.5.3'
        && it.by == 'org.apache.maven.wagon:wagon-http-lightweight:jar:3.5.3' }
assert !a.uses.any { it.kind == 'extension' }: 'the extension is module-b\'s'
// The enforcer plugin's provided dependencies (Maven's own API, the annotations) are not loaded with it, nor locked.
List<String> byEnforcer = a.uses.findAll { it.by == 'org.apache.maven.plugins:maven-enforcer-plugin:jar:3.5.0' }*.artifact
assert byEnforcer.contains('org.apache.maven.enforcer:enforcer-api:jar:3.5.0')
assert !byEnforcer.any { it.startsWith('org.apache.maven:maven-core:') || it.startsWith('org.apache.maven.plugin-tools:maven-plugin-annotations:') }
assert b.uses.any { it.kind == 'dependency' && it.artifact == 'org.junit.jupiter:junit-jupiter-api:jar:5.10.2' && it.scope == 'test' }
// The digests are those of the file in the local repository, and the repository it came from is recorded.
File jar = new File(localRepositoryPath as String, 'commons-io/commons-io/2.16.1/commons-io-2.16.1.jar')
Map commonsIo = lock.artifacts['commons-io:commons-io:jar:2.16.1'] as Map
assert commonsIo.sha256 == MessageDigest.getInstance('SHA-256').digest(jar.bytes).encodeHex().toString()
assert commonsIo.sha512 == MessageDigest.getInstance('SHA-512').digest(jar.bytes).encodeHex().toString()
assert commonsIo.repository == 'local.central'
// Each file was compared with the checksum its repository publishes: Maven Central's .sha256, or its .sha1 where it
// publishes no other (the tests' own repository, which serves the build's local repository, publishes none). The
// SNAPSHOT rules are not compared.
assert commonsIo.remoteChecksum == 'sha256'
assert lock.artifacts['org.apache:apache:pom:33'].remoteChecksum == 'sha256'
assert lock.artifacts.findAll { k, v -> k.startsWith('dev.securebuild:') }.every { k, v -> v.remoteChecksum == null }
assert lock.artifacts.findAll { k, v -> !k.startsWith('dev.securebuild:') }.every { k, v -> v.remoteChecksum in ['sha256', 'sha1'] }
List<String> sha1Only = lock.artifacts.findAll { k, v -> v.remoteChecksum == 'sha1' }.keySet() as List
assert sha1Only.isEmpty() || invocations[0].contains("[WARNING] ${sha1Only.size()} artifact(s) were compared with the SHA-1 their repository publishes")
assert invocations[0] =~ /\[WARNING\] \d+ SNAPSHOT artifact\(s\) were not compared: a SNAPSHOT's newest file in the repository is not the one this build resolved: dev\.securebuild:secure-build-enforcer-rules:jar:/
// Without a time, sorted: the same build locks to the same bytes (3).
assert !(lockFile.text =~ /\d{4}-\d\d-\d\dT\d\d:/)
assert new File(basedir, 'target/again.lock.json').bytes == lockFile.bytes

// 2. Two threads, every module held to the lock, built and installed: it passes, and says so for the release gate
//    (module-b's result; 5 rewrote module-a's).
assert invocations[1].contains('BUILD SUCCESS') && !invocations[1].contains('violation')
// 4. module-b alone, with module-a (this reactor's SNAPSHOT, rebuilt by 2) from the local repository: passes.
assert invocations[3].contains('BUILD SUCCESS') && !invocations[3].contains('violation')
assert new File(localRepositoryPath as String, 'it/securebuild/lock/module-a/1.0-SNAPSHOT/module-a-1.0-SNAPSHOT.jar').isFile()
Map passed = new JsonSlurper().parse(new File(basedir, 'module-b/target/secure-build/results/lock.json')) as Map
assert passed.check == 'lock' && passed.verdict == 'pass' && passed.goal == 'enforce (requireLockedDependencies)'
// validate runs none of the plugins bound later (compiler, surefire, jar, install...): their dependencies are left to
// the builds that run them, as the summary says.
assert passed.summary ==~ /\d+ use\(s\) of \d+ artifact\(s\) checked against \S+secure-build\.lock\.json: 0 violation\(s\); the dependencies of [1-9]\d* plugin\(s\) this build does not run are checked by the builds that run them/

// 5. Versions that moved, a direct one and one a changed direct dependency brought: each named with the path that
//    brought it in and the command that accepts it.
String moved = invocations[4]
assert moved.contains('BUILD FAILURE')
assert moved.contains('dependency commons-io:commons-io:jar moved from 2.16.1 to 2.17.0 in it.securebuild.lock:module-a')
assert moved.contains('path: it.securebuild.lock:module-a -> commons-io:commons-io:jar:2.17.0')
assert moved.contains('dependency org.apache.commons:commons-lang3:jar moved from 3.14.0 to 3.18.0 in it.securebuild.lock:module-a')
assert moved.contains('path: it.securebuild.lock:module-a -> org.apache.commons:commons-text:jar:1.14.0 -> org.apache.commons:commons-lang3:jar:3.18.0')
assert moved.contains('review the change, then accept it with mvn secure-build:lock')
Map failed = new JsonSlurper().parse(new File(basedir, 'module-a/target/secure-build/results/lock.json')) as Map
assert failed.verdict == 'fail'
def events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
assert events.any { it.type == 'lock.failed' && it.project == 'it.securebuild.lock:module-a' && it.kinds == 'VERSION_MOVED' }
return true
