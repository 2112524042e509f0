def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('[INFO] BUILD SUCCESS')
// The rebuild got the build's -DskipTests from a file, said by name, and ran offline as told.
assert log =~ /\[INFO\] The rebuild gets this build's user properties skipTests \(in the copy's \.mvn\/maven\.config, readable by its owner only, never on a command line\)/
assert log =~ /Rebuilding with package, offline, differently: /
File work = new File(basedir, 'target/secure-build/reproducible')
String rebuildLog = new File(work, 'rebuild.log').text
assert rebuildLog.contains('Tests are skipped.')
assert rebuildLog.contains('BUILD SUCCESS')
// The file is gone with the rebuild; the provider was never needed, so never fetched.
assert !new File(work, 'rebuild/.mvn/maven.config').exists()
assert !new File(localRepositoryPath, 'org/apache/maven/surefire/surefire-junit4').exists()
// It reached the comparison, and judged it right.
assert log =~ /\[INFO\] Compared this build \(\S+\) \(left\) with the rebuild \(\S+\) \(right\): 2 output\(s\): 2 OK, 0 DIFFERENT, 0 MISSING/
assert support.diffReport(work).reproducible == true
return true
