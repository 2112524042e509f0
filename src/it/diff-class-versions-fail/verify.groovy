def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
assert log.contains('[WARNING]   - class file version demo/Hello.class: class file version 55 (Java 11) against 61 (Java 17)')
assert log.contains('cause: The class was compiled for Java 11 in one build and Java 17 in the other')
assert log.contains('fix:   Set <maven.compiler.release> in the POM')
Map report = support.diffReport(new File(basedir, 'target/secure-build/diff'))
assert report.artifacts[0].differences*.kind == ['CLASS_VERSION']
assert report.artifacts[0].differences[0].location == 'hello-1.0.jar!/demo/Hello.class'
assert report.artifacts[0].differences[0].facts == [leftMajor: '55', rightMajor: '61']
return true
