def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
File lock = new File(basedir, 'secure-build.lock.json')
assert log.contains('BUILD FAILURE')
// The file, the line and column of the second key, what is wrong and where the first one is.
assert log.contains("${lock.canonicalPath} at line 5, column 5: key \"org.apache.maven.plugins:maven-enforcer-plugin:jar:3.5.0\" is given twice (first at line 4)")
        || log.contains("${lock.absolutePath} at line 5, column 5: key \"org.apache.maven.plugins:maven-enforcer-plugin:jar:3.5.0\" is given twice (first at line 4)")
assert log.contains('requireLockedDependencies')
// Nothing was checked, and the result for the release gate says so.
Map result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/secure-build/results/lock.json')) as Map
assert result.verdict == 'fail' && result.summary ==~ /not checked: the lock \S+\/lock-malformed-fail\/secure-build\.lock\.json cannot be read/
return true
