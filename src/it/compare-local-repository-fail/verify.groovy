def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
// On Maven 4 the consumer POM (demo-1.0.pom) and pom.xml (demo-1.0-build.pom) are compared, both as Maven 4 published them.
List<String> poms = support.pomNames(binding, 'demo', '1.0')
int count = poms.size() + 1
assert log =~ /\[WARNING\] Compared repository reference \(left\) with this build \(right\): $count output\(s\): ${count - 1} OK, 1 DIFFERENT, 0 MISSING/
assert log.contains("[WARNING] Note: demo-1.0.jar: the reference was built with JDK 11 (manifest Build-Jdk-Spec), this build runs JDK ${support.javaFeature(basedir)}: build with JDK 11 to reproduce it")
assert log.contains('[WARNING] Note: demo-1.0.jar: the reference was built on Windows (the line ends of pom.properties), this build on a Unix-like system')
poms.each { assert log.contains("[WARNING] OK         $it") }
assert log.contains('[WARNING] DIFFERENT  demo-1.0.jar')
assert log.contains('[WARNING]   - class file version demo/Hello.class: class file version 55 (Java 11) against 61 (Java 17)')
assert log =~ /This build differs from repository reference: $count output\(s\): ${count - 1} OK, 1 DIFFERENT, 0 MISSING/

Map report = support.diffReport(new File(basedir, 'target/secure-build/compare'))
assert report.goal == 'compare'
Map jar = report.artifacts.find { it.name == 'demo-1.0.jar' }
// This build's jar has the directory entries and the pom.xml that the hand-made reference lacks.
assert jar.differences*.kind == ['ENTRY_ADDED', 'CLASS_VERSION', 'MANIFEST_ATTRIBUTE', 'LINE_ENDINGS']
assert jar.differences.find { it.kind == 'LINE_ENDINGS' }.location == 'demo-1.0.jar!/META-INF/maven/it.securebuild.compare/demo/pom.properties'
assert report.notes.contains("demo-1.0.jar: the reference's newest class file version is 55 (Java 11)")
assert jar.differences.find { it.kind == 'MANIFEST_ATTRIBUTE' && it.facts.attribute == 'Build-Jdk-Spec' }.summary == "Build-Jdk-Spec: '11' against '${support.javaFeature(basedir)}'"
// The reference came from the repository into a cache of the goal's own, never into the build's local repository.
assert new File(basedir, 'target/secure-build/compare/reference-repository/it/securebuild/compare/demo/1.0/demo-1.0.jar').isFile()
assert !new File(localRepositoryPath, 'it/securebuild/compare/demo/1.0/demo-1.0.jar').exists()
return true
