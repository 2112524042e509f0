def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD SUCCESS')
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')

// Each module's outputs in order: its POM, its jar; on Maven 4 pom.xml as -build.pom, the jar, the consumer POM as .pom.
boolean consumer = support.makesConsumerPom(binding)
Map<String, List<String>> outputs = ['reactor', 'module-a', 'module-b', 'module-c'].collectEntries { String name ->
    List<String> jar = name == 'reactor' ? [] : ["${name}-1.0.jar".toString()]
    [name, consumer ? ["${name}-1.0-build.pom".toString()] + jar + ["${name}-1.0.pom".toString()] : ["${name}-1.0.pom".toString()] + jar]
}
int count = outputs.values().sum { it.size() }

// One .buildinfo for the reactor, at the top-level project, with every module's outputs in reactor order.
File buildinfo = new File(basedir, 'target/reactor-1.0.buildinfo')
assert buildinfo.isFile()
assert (log =~ /Wrote \S+reactor-1.0.buildinfo with $count output\(s\) of 4 module\(s\)/).find()
assert (log =~ /Recorded the outputs of \S+ for the reactor's .buildinfo/).size() == 3
Properties info = new Properties()
buildinfo.withReader('UTF-8') { info.load(it) }
assert info['buildinfo.version'] == '1.0-SNAPSHOT'
assert info['group-id'] == 'it.securebuild.reactor' && info['artifact-id'] == 'reactor' && info.version == '1.0'
assert info['source.scm.uri'] == 'scm:git:https://example.invalid/reactor.git' && info['source.scm.tag'] == 'v1.0'
assert info['build-tool'] == 'mvn'
assert info['java.version'] == support.javaVersion(basedir)
assert info['line.separator'] == '\n'
assert info['mvn.version'] == mavenVersion
assert info['mvn.aggregate.artifact-id'] == 'reactor'
assert info['outputs.0.coordinates'] == 'it.securebuild.reactor:reactor'
outputs['reactor'].eachWithIndex { String name, int j -> assert info["outputs.0.${j}.filename"] == name }
assert ['a', 'b', 'c'].withIndex(1).every { m, i -> info["outputs.${i}.coordinates"] == "it.securebuild.reactor:module-$m" }
['a', 'b', 'c'].withIndex(1).each { m, i ->
    outputs["module-$m".toString()].eachWithIndex { String name, int j -> assert info["outputs.${i}.${j}.filename"] == name }
    File jar = new File(basedir, "module-$m/target/module-$m-1.0.jar")
    int at = outputs["module-$m".toString()].indexOf(jar.name)
    assert info["outputs.${i}.${at}.length"] == String.valueOf(jar.length())
    assert info["outputs.${i}.${at}.checksums.sha512"] == support.hex(jar, 'SHA-512')
}

// One rebuild for the reactor, by whichever module finished last; every output compared and OK.
assert (log =~ /Rebuilding with package/).size() == 1
assert (log =~ /the rebuild runs after the last module/).size() == 3
assert log =~ /$count output\(s\): $count OK, 0 DIFFERENT, 0 MISSING/
Map report = support.diffReport(new File(basedir, 'target/secure-build/reproducible'))
assert report.reproducible == true
assert report.artifacts*.name == outputs.values().flatten()
// The rebuild ran with the same thread count.
assert new File(basedir, 'target/secure-build/reproducible/rebuild.log').text.contains('MultiThreadedBuilder implementation with a thread count of 2')
return true
