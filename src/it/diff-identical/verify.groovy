def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('Maven Stub Project (No POM)')
assert log.contains('BUILD SUCCESS')
assert log =~ /\[INFO\] Compared \S+left\/demo-1.0.jar \(left\) with \S+right\/demo-1.0.jar \(right\): 1 output\(s\): 1 OK, 0 DIFFERENT, 0 MISSING/
assert log.contains('[INFO] OK         demo-1.0.jar')
Map report = support.diffReport(new File(basedir, 'target/secure-build/diff'))
assert report.format == 'secure-build-comparison/1'
assert report.goal == 'diff'
assert report.reproducible == true
assert report.artifacts.size() == 1 && report.artifacts[0].status == 'OK' && report.artifacts[0].differences == []
assert report.artifacts[0].leftSha512 == report.artifacts[0].rightSha512
return true
