def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
assert log.contains('[WARNING] OK         reproducible-build-timestamp-fail-1.0.pom')
assert log.contains('[WARNING] DIFFERENT  reproducible-build-timestamp-fail-1.0.jar')
assert log =~ /\[WARNING\]   - text content build.properties: 1 line\(s\) differ: 'built=\S+' against 'built=\S+'/
// The filtered resource, its line and its property are named.
assert log.contains("cause: The build time is in the file's content: src/main/resources/build.properties line 2 is a filtered resource and reads 'built=\${maven.build.timestamp}'; \${maven.build.timestamp} is the time of each build")
assert log.contains('fix:   Replace ${maven.build.timestamp} in src/main/resources/build.properties line 2 with ${project.build.outputTimestamp}, or drop the time')
assert log =~ /(?m)made by: maven-jar-plugin 3\.4\.2, execution default-jar$/
assert log =~ /The build is not reproducible: 2 output\(s\): 1 OK, 1 DIFFERENT, 0 MISSING. Causes and fixes: \S+report.txt/

Map report = support.diffReport(new File(basedir, 'target/secure-build/reproducible'))
Map jar = report.artifacts.find { it.name == 'reproducible-build-timestamp-fail-1.0.jar' }
assert jar.status == 'DIFFERENT'
assert jar.differences*.kind == ['TEXT_CONTENT']
assert jar.differences[0].location == 'reproducible-build-timestamp-fail-1.0.jar!/build.properties'
assert jar.differences[0].facts.timestamp == 'true'
assert jar.differences[0].explanation.producedBy == 'maven-jar-plugin 3.4.2, execution default-jar'
Properties compare = new Properties()
new File(basedir, 'target/secure-build/reproducible/reproducible-build-timestamp-fail-1.0.buildcompare').withReader { compare.load(it) }
assert compare.ok == '1' && compare.ko == '1' && compare.koFiles == '"reproducible-build-timestamp-fail-1.0.jar"'
// The difference is a security event, once.
def events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new groovy.json.JsonSlurper().parseText(it) }
assert events*.type == ['reproducibility.failed']
assert events[0].goal == 'verify-reproducible' && events[0].failsBuild == true
assert events[0].report.endsWith('report.json') && events[0].message.startsWith('not reproducible: ')
// In GitHub Actions: one annotation for the differing jar, at the POM, with its cause; the summary has this build's
// result only (the rebuild runs without the CI's variables).
List<String> annotations = log.readLines().findAll { it.startsWith('::') }
assert annotations.size() == 1: annotations
assert annotations[0].startsWith('::error file=pom.xml,title=secure-build verify-reproducible%3A reproducible-build-timestamp-fail-1.0.jar is not'
        + ' reproducible::DIFFERENT reproducible-build-timestamp-fail-1.0.jar: ')
assert annotations[0].contains('build.properties') && annotations[0].contains('. Cause: ')
String summary = new File(basedir, 'step-summary.md').getText('UTF-8')
assert summary.count('## secure-build') == 1 && summary.count('**verify-reproducible**') == 1: summary
return true
