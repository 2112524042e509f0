import javax.tools.ToolProvider

def support = evaluate(new File(itSupport))
// The release as another build published it: the same POM; a jar compiled for Java 11 by a JDK 11 on Windows.
File release = new File(basedir, 'reference-repository/it/securebuild/compare/demo/1.0')
release.mkdirs()
new File(release, 'demo-1.0.pom').bytes = new File(basedir, 'pom.xml').bytes
if (support.makesConsumerPom(binding)) {
    // Maven 4 published pom.xml as demo-1.0-build.pom, and as demo-1.0.pom the consumer POM it made from it (Maven
    // 4.0.0-rc-4's, byte for byte; the repository's URL is interpolated: the path where it was built, here this one).
    new File(release, 'demo-1.0-build.pom').bytes = new File(basedir, 'pom.xml').bytes
    new File(release, 'demo-1.0.pom').setText("""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>it.securebuild.compare</groupId>
  <artifactId>demo</artifactId>
  <version>1.0</version>
  <description>Compared with the release in a repository of its own, whose jar was built by another JDK on Windows.</description>
  <repositories>
    <repository>
      <id>reference</id>
      <url>file://${basedir.canonicalPath}/reference-repository</url>
    </repository>
  </repositories>
</project>""", 'UTF-8')
}
File classes = new File(basedir, 'reference-classes')
classes.mkdirs()
assert ToolProvider.systemJavaCompiler.run(null, null, null, '--release', '11', '-d', classes.path,
        new File(basedir, 'src/main/java/demo/Hello.java').path) == 0
support.zip(new File(release, 'demo-1.0.jar'), [
        ['META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.4.2\r\nBuild-Jdk-Spec: 11\r\n\r\n'],
        ['demo/Hello.class', new File(classes, 'demo/Hello.class').bytes],
        ['META-INF/maven/it.securebuild.compare/demo/pom.properties', 'artifactId=demo\r\ngroupId=it.securebuild.compare\r\nversion=1.0\r\n']])
// A repository holds the SHA-1 of each file; Maven 4's resolver does not take a file without one.
release.eachFile { File file ->
    if (file.name.endsWith('.pom') || file.name.endsWith('.jar')) {
        new File(release, file.name + '.sha1').text = support.hex(file, 'SHA-1')
    }
}
return true
