def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD SUCCESS')
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
assert report.artifacts*.name == ['reproducible-ok-1.0-SNAPSHOT.pom', 'reproducible-ok-1.0-SNAPSHOT.jar']
// The rebuild really happened, in the copy, and only up to package: it installed nothing.
assert new File(work, 'rebuild/target/reproducible-ok-1.0-SNAPSHOT.jar').isFile()
assert new File(work, 'rebuild.log').text.contains('BUILD SUCCESS')
assert !new File(work, 'rebuild/target/secure-build').exists()
Properties compare = new Properties()
new File(work, 'reproducible-ok-1.0-SNAPSHOT.buildcompare').withReader { compare.load(it) }
assert compare.ok == '2' && compare.ko == '0' && compare.okFiles == '"reproducible-ok-1.0-SNAPSHOT.pom reproducible-ok-1.0-SNAPSHOT.jar"'
return true
