def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
assert log =~ /\d+ component\(s\) of it\.securebuild\.enforcer:approved-plugin-transitive:pom:1\.0 not approved by the allow-lists:/
// What the Enforcer plugin's class realm holds, through its own dependencies and the one the POM declares on it
// (our rules, and through them secure-build-core): each with its path, and without a scope, like the plugin.
String root = 'it.securebuild.enforcer:approved-plugin-transitive:1.0 -> org.apache.maven.plugins:maven-enforcer-plugin:3.5.0'
assert log.contains('commons-codec:commons-codec:1.17.0 is named by no entry of the allow-lists (list 1)')
assert log.contains("  path: ${root} -> org.apache.maven.enforcer:enforcer-rules:3.5.0 -> commons-codec:commons-codec:1.17.0")
assert log =~ /(?m)^\[ERROR\]   path: \Q${root}\E -> dev\.securebuild:secure-build-enforcer-rules:[^ ]+ -> dev\.securebuild:secure-build-core:[^ ]+ -> com\.fasterxml\.jackson\.core:jackson-databind:\S+$/
// Approved by a pattern: Maven's libraries and plexus, however deep, are not reported.
assert !(log =~ /(?m)^\[ERROR\] org\.apache\.maven[^ ]* .* is named by no entry/)
assert !(log =~ /(?m)^\[ERROR\] org\.codehaus\.plexus:.* is named by no entry/)
return true
