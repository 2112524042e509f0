def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> lines = log.readLines()

// 1: passes; one warning for the exemption, naming what it exempts and why; one for the stale entry.
assert lines.count { it == '[INFO] BUILD SUCCESS' } == 1
def used = lines.findAll { it.startsWith('[WARNING] requireReproducibleBuild: exemption 1 (dev.securebuild:*) exempts ') }
assert used.size() == 1: "one warning for the used exemption: $used"
assert used[0] =~ /exempts dependency of plugin maven-enforcer-plugin dev\.securebuild:secure-build-enforcer-rules:\S+-SNAPSHOT \(a SNAPSHOT in release 1\.0\), plugin dev\.securebuild:secure-build-maven-plugin:\S+-SNAPSHOT \(a SNAPSHOT in release 1\.0\) of it\.securebuild\.enforcer:reproducible-exemption:pom:1\.0: secure-build itself, under evaluation before its first release \(owner build-team@example\.com, until 2099-12-31\)$/
String stale = '[WARNING] requireReproducibleBuild: exemption 2 (org.gone:*) names no dependency or plugin of ' +
        'it.securebuild.enforcer:reproducible-exemption:pom:1.0: remove it if it is no longer needed'
assert lines.count { it == stale } == 2

// 2: the same exemption, expired: the build fails, and each problem says the exemption no longer holds.
assert lines.count { it == '[INFO] BUILD FAILURE' } == 1
assert log.contains('it.securebuild.enforcer:reproducible-exemption:pom:1.0 cannot be built reproducibly (2 problem(s)):')
assert log =~ /- plugin dev\.securebuild:secure-build-maven-plugin:\S+-SNAPSHOT is a SNAPSHOT in release 1\.0: its content changes with every deploy; depend on a release \(exemption 1 \(dev\.securebuild:\*\) expired on 2020-01-01: it no longer exempts; renew it \(owner build-team@example\.com\) or fix the problem\)/
assert log =~ /\[WARNING\] requireReproducibleBuild: exemption 1 \(dev\.securebuild:\*\) expired on 2020-01-01 \(\d+ days ago\): it no longer exempts /

// Both runs recorded how the exemptions stood in the security event log.
List<Map> events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines()
        .collect { new groovy.json.JsonSlurper().parseText(it) as Map }
Map use = events.find { it.type == 'exception.used' }
assert use != null: "no exception.used event in $events"
assert use.rule == 'requireReproducibleBuild' && use.exception == 'dev.securebuild:*' && use.expires == '2099-12-31'
assert use.approvedBy == 'build-team@example.com' && use.matched == 2 && use.violation == false
assert use.project == 'it.securebuild.enforcer:reproducible-exemption'
Map expired = events.find { it.type == 'exception.expired' }
assert expired != null && expired.matched == 2 && expired.violation == true && expired.expires == '2020-01-01'
assert events.count { it.type == 'exception.unused' && it.exception == 'org.gone:*' } == 2
return true
