def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
// Maven 4's super POM sets project.build.outputTimestamp (1980-02-01T00:00:00Z): there it is never missing.
boolean superPomTimestamp = support.makesConsumerPom(binding)
assert log.contains("it.securebuild.enforcer:not-reproducible:jar:1.0 cannot be built reproducibly (${superPomTimestamp ? 4 : 5} problem(s)):")
assert log.contains('- project.build.outputTimestamp is not set: archives record the build time of every entry.') == !superPomTimestamp
assert log.contains('- plugin org.apache.maven.plugins:maven-jar-plugin:3.1.0 is older than 3.2.0, its first reproducible version '
        + '(honours project.build.outputTimestamp for entry times and order (MJAR-263)): upgrade it to 3.2.0 or later')
assert log.contains('- dependency of plugin maven-jar-plugin org.codehaus.plexus:plexus-archiver:[4.0,5.0) is a version range')
assert log.contains('- dependency of plugin maven-jar-plugin org.example:in-progress:2.0-SNAPSHOT is a SNAPSHOT in release 1.0')
// Our own rules jar, a SNAPSHOT in this release, is named too.
assert log =~ /- dependency of plugin maven-enforcer-plugin dev.securebuild:secure-build-enforcer-rules:\S+-SNAPSHOT is a SNAPSHOT in release 1.0/
assert log.contains('Rule 0: dev.securebuild.enforcer.RequireReproducibleBuild failed with message:')
return true
