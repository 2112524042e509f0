def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD FAILURE')
File json = new File(basedir, 'target/secure-build/allowlist/allowlist-report.json')
// The failure names the unlisted component, and only it: failOn does not name denied.
def failure = log =~ /(?m)^\[ERROR\] Failed to execute goal dev\.securebuild:secure-build-maven-plugin:\S+:allowlist-report \(default-cli\) on project report-fail-on: allowlist-report: failOn=unlisted matched: (.+)\. Details: (\S+) -> \[Help 1\]$/
assert failure.find(): 'no failure naming failOn=unlisted'
assert failure.group(1) == '1 component(s) unlisted: org.apache.commons:commons-lang3:3.14.0 (compile)'
assert failure.group(2) == json.absolutePath
// The table and the JSON are there all the same, the denied component first.
assert log =~ /(?m)^\[INFO\] DENIED\s+commons-io:commons-io:2\.17\.0 \(compile\)\s+list 1 allowlist\.yaml:13\s+report-fail-on$/
assert log =~ /(?m)^\[INFO\] UNLISTED\s+org\.apache\.commons:commons-lang3:3\.14\.0 \(compile\)\s+no entry\s+report-fail-on$/
assert json.isFile(): 'the JSON is written before the build fails'
Map report = new groovy.json.JsonSlurper().parse(json) as Map
assert report.format == 'secure-build-allowlist-report/1'
assert report.lists*.layer == ['list 1']
assert report.decisions[0].component == 'commons-io:commons-io:2.17.0' && report.decisions[0].status == 'denied'
assert report.decisions[0].entry == new File(basedir, 'config/allowlist.yaml').absolutePath + ':13'
assert report.decisions[1].component == 'org.apache.commons:commons-lang3:3.14.0' && report.decisions[1].status == 'unlisted'
// includePlugins by default: Maven's own plugins of the pom packaging are decided too, approved by the wildcard.
assert report.decisions.any { it.component.startsWith('org.apache.maven.plugins:maven-install-plugin:') && it.status == 'allowed' && it.scope == null }
assert report.decisions.findAll { it.status == 'unlisted' }.size() == 1
return true
