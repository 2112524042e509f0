import javax.tools.ToolProvider

def support = evaluate(new File(itSupport))
// The release as another build published it: the same POM; a jar compiled for Java 11 by a JDK 11 on Windows.
File release = new File(basedir, 'reference-repository/it/securebuild/compare/demo/1.0')
release.mkdirs()
new File(release, 'demo-1.0.pom').bytes = new File(basedir, 'pom.xml').bytes
File classes = new File(basedir, 'reference-classes')
classes.mkdirs()
assert ToolProvider.systemJavaCompiler.run(null, null, null, '--release', '11', '-d', classes.path,
        new File(basedir, 'src/main/java/demo/Hello.java').path) == 0
support.zip(new File(release, 'demo-1.0.jar'), [
        ['META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.4.2\r\nBuild-Jdk-Spec: 11\r\n\r\n'],
        ['demo/Hello.class', new File(classes, 'demo/Hello.class').bytes],
        ['META-INF/maven/it.securebuild.compare/demo/pom.properties', 'artifactId=demo\r\ngroupId=it.securebuild.compare\r\nversion=1.0\r\n']])
return true
