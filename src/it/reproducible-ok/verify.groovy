def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
// build.log holds both invocations, each starting with -V's 'Apache Maven' line.
List<String> runs = log.split(/(?m)^(?=Apache Maven )/).findAll { it.startsWith('Apache Maven ') }
assert runs.size() == 2
assert runs.every { it.contains('[INFO] BUILD SUCCESS') }
// 1 started from a clean folder: no warning. 2 did not: one warning, with how many files and one of them.
assert !runs[0].contains('did not start from a clean target/')
def stale = runs[1] =~ /(?m)^\[WARNING\] This build did not start from a clean target\/: (\d+) file\(s\) in the build folders are older than this build, such as (target\/\S+)\. Outputs left by an earlier build make differences whose cause is then guessed wrong: run mvn clean verify$/
assert stale.find(): 'no warning about the build that did not start clean'
assert (stale.group(1) as int) > 0
assert new File(basedir, stale.group(2)).isFile()
assert !stale.group(2).startsWith('target/secure-build/'): 'our own reports and the rebuild copy are not leftovers'
assert runs[1] =~ /\[INFO\] Note: This build did not start from a clean target\/: \d+ file\(s\) in the build folders predate it/
// The Enforcer rule passed (a SNAPSHOT may depend on SNAPSHOTs, such as our own rules jar).
assert log =~ /--- (maven-enforcer-plugin|enforcer):3.5.0:enforce \(reproducible\) @ reproducible-ok ---/
assert !log.contains('cannot be built reproducibly')
assert log =~ /Copied \d+ source file\(s\) to \S+target\/secure-build\/reproducible\/rebuild: the project folder without build outputs \(not a git work tree\)/
// Every variation is on by default and said.
assert log =~ /Rebuilding with package, differently: another absolute path, time zone Pacific\/\w+ \(this build: [^)]+\), locale \w+ \(this build: [^)]+\), umask 00[02]2 \(this build: 00[02]2\), user.name secure-build-rebuild, no SOURCE_DATE_EPOCH/
assert log =~ /\[INFO\] Compared this build \(\S+\) \(left\) with the rebuild \(\S+\) \(right\): 2 output\(s\): 2 OK, 0 DIFFERENT, 0 MISSING/
assert log.contains('[INFO] OK         reproducible-ok-1.0-SNAPSHOT.pom')
assert log.contains('[INFO] OK         reproducible-ok-1.0-SNAPSHOT.jar')

File work = new File(basedir, 'target/secure-build/reproducible')
Map report = support.diffReport(work)
assert report.goal == 'verify-reproducible'
assert report.reproducible == true
// The report of run 2 says it too, beside the comparison.
assert report.notes.size() == 1 && report.notes[0].startsWith('This build did not start from a clean target/: ')
assert report.artifacts*.name == ['reproducible-ok-1.0-SNAPSHOT.pom', 'reproducible-ok-1.0-SNAPSHOT.jar']
// The rebuild really happened, in the copy, and only up to package: it installed nothing.
assert new File(work, 'rebuild/target/reproducible-ok-1.0-SNAPSHOT.jar').isFile()
assert new File(work, 'rebuild.log').text.contains('BUILD SUCCESS')
assert new File(work, 'rebuild.log').text.contains('Tests are skipped.'): 'the rebuild skips the tests by default'
assert !new File(work, 'rebuild/target/secure-build').exists()
Properties compare = new Properties()
new File(work, 'reproducible-ok-1.0-SNAPSHOT.buildcompare').withReader { compare.load(it) }
assert compare.ok == '2' && compare.ko == '0' && compare.okFiles == '"reproducible-ok-1.0-SNAPSHOT.pom reproducible-ok-1.0-SNAPSHOT.jar"'
return true
