def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
assert log =~ /4 output\(s\): 1 OK, 1 DIFFERENT, 2 MISSING/
assert log.contains('[WARNING] MISSING    demo-1.0-javadoc.jar')
assert log.contains('[WARNING] MISSING    demo-1.0-sources.jar')
assert log.contains('[WARNING] OK         demo-1.0.pom')
assert log.contains("[WARNING]   - manifest attribute META-INF/MANIFEST.MF: Build-Jdk-Spec: '17' against '21'")
Map report = support.diffReport(new File(basedir, 'target/secure-build/diff'))
assert report.summary == [OK: 1, DIFFERENT: 1, MISSING: 2, IGNORED: 0]
Map byName = report.artifacts.collectEntries { [(it.name): it] }
assert byName['demo-1.0-sources.jar'].differences[0].summary == 'demo-1.0-sources.jar is only in the left build'
assert byName['demo-1.0-javadoc.jar'].differences[0].summary == 'demo-1.0-javadoc.jar is only in the right build'
assert byName['demo-1.0-javadoc.jar'].leftSha512 == null
return true
