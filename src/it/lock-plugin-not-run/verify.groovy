import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 5

Map lock = new JsonSlurper().parse(new File(basedir, 'secure-build.lock.json')) as Map
List<String> buildUses = (lock.builds as Map).values().flatten() as List<String>
String codec = 'plugin-dependency commons-codec:commons-codec:jar:1.16.0 by org.apache.maven.plugins:maven-antrun-plugin:jar:3.1.0'
assert buildUses.contains(codec): 'the lock has every plugin with its dependencies, run or not'

// 2. validate: antrun does not run, its moved dependency is not held against the build; the result says so.
String validated = invocations[1]
assert validated.contains('BUILD SUCCESS')
assert !validated.contains('antrun ran')
Map result = new JsonSlurper().parse(new File(basedir, 'target/secure-build/results/lock.json')) as Map
assert result.verdict == 'pass'
assert result.summary =~ /: 0 violation\(s\); the dependencies of [1-9]\d* plugin\(s\) this build does not run are checked by the builds that run them$/

// 3. package runs antrun: the rule (validate) fails before it, naming the move and the path through the plugin.
String packaged = invocations[2]
assert packaged.contains('BUILD FAILURE')
assert !packaged.contains('antrun ran')
String moved = 'plugin-dependency commons-codec:commons-codec:jar moved from 1.16.0 to 1.17.1 in it.securebuild.lock:plugin-not-run'
assert packaged.contains(moved)
assert packaged.contains('path: it.securebuild.lock:plugin-not-run -> org.apache.maven.plugins:maven-antrun-plugin:jar:3.1.0 -> commons-codec:commons-codec:jar:1.17.1')
assert packaged.contains('1 violation(s) of the lock ')

// 4. checkAllPlugins: validate holds every plugin to the lock.
assert invocations[3].contains('BUILD FAILURE')
assert invocations[3].contains(moved)

// 5. The locked version: passes and antrun runs; the result names no plugin left out (package runs them all but
//    install and deploy, which a pom's lifecycle binds later).
assert invocations[4].contains('BUILD SUCCESS')
assert invocations[4].contains('antrun ran')
assert (new JsonSlurper().parse(new File(basedir, 'target/secure-build/results/lock.json')) as Map).verdict == 'pass'
return true
