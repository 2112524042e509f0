def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('[INFO] BUILD SUCCESS')
assert log =~ /\[INFO\] Skipping Rule Enforcement\./
// Both -D reach the rebuild, named in the log without their values.
assert log =~ /\[INFO\] The rebuild gets this build's user properties enforcer\.skip, it\.token \(in the copy's \.mvn\/maven\.config, readable by its owner only, never on a command line\)/
assert !log.contains('s3cr3t-value')
File work = new File(basedir, 'target/secure-build/reproducible')
String rebuildLog = new File(work, 'rebuild.log').text
assert rebuildLog.contains('Skipping Rule Enforcement.'): 'the rebuild skipped the check too'
assert rebuildLog.contains('BUILD SUCCESS')
assert !rebuildLog.contains('s3cr3t-value')
assert !new File(work, 'rebuild/.mvn/maven.config').exists(): 'put back as it was after the rebuild'
assert log =~ /\[INFO\] Compared this build \(\S+\) \(left\) with the rebuild \(\S+\) \(right\): 2 output\(s\): 2 OK, 0 DIFFERENT, 0 MISSING/
// The .buildinfo tells a third party how to rebuild: the public property and the goals, never the token.
Properties buildinfo = new Properties()
new File(basedir, 'target/reproducible-user-property-skip-1.0.buildinfo').withReader { buildinfo.load(it) }
assert buildinfo.getProperty('mvn.rebuild-args') == '-Denforcer.skip=true verify'
assert !new File(basedir, 'target/reproducible-user-property-skip-1.0.buildinfo').text.contains('s3cr3t')
return true
