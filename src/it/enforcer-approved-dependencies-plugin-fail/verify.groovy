def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
// The version the invoker filtered into the POM (@project.version@).
String projectVersion = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).build.plugins.plugin[0].version.text()
assert projectVersion

assert log.contains('BUILD FAILURE')
assert log.contains('1 component(s) of it.securebuild.enforcer:approved-plugin:pom:1.0 not approved by the allow-lists:')
String plugin = "dev.securebuild:secure-build-maven-plugin:${projectVersion}"
assert log.contains("${plugin} is named by no entry of the allow-lists (list 1)")
assert log.contains("  path: it.securebuild.enforcer:approved-plugin:1.0 -> ${plugin}")
// A plugin has no scope: the paste-ready entry has none.
assert log.contains('''      artifactId: "secure-build-maven-plugin"
      versions: "''' + projectVersion + '''"
      reason: "TODO"''')
return true
