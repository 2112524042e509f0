import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 6: "expected 6 Maven invocations, found ${invocations.size()}"
String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
File folder = new File(basedir, 'target/repo/it/securebuild/provenance/downloaded/demo/1.0')
assert new File(folder, 'demo-1.0.intoto.jsonl').isFile(): 'deploy carried the provenance'

// 4. The deployed files, checked without a project: the envelope found in the folder, every subject matched.
String downloaded = invocations[3]
assert downloaded.contains('BUILD SUCCESS')
['demo-1.0.pom', 'demo-1.0.jar', 'demo-1.0-sources.jar'].each { assert downloaded.contains("OK   $it") }
assert downloaded =~ /Provenance \S+demo-1\.0\.intoto\.jsonl verified: signed by $fingerprint, 3 subject\(s\) match their files/
assert !new File(basedir, 'no-project/target/secure-build/results').exists(): 'no result file without a project'

// 5. Trusting another key: refused, and recorded as a security event of no project.
String untrusted = invocations[4]
assert untrusted.contains('BUILD FAILURE')
assert untrusted.contains('no valid signature by a trusted key')
File events = new File(basedir, 'no-project/target/secure-build/security-events.jsonl')
List events5 = events.readLines().collect { new JsonSlurper().parseText(it) }
assert events5*.type == ['provenance.verification-failed']
assert events5[0].project == '-' && events5[0].provenance == 'demo-1.0.intoto.jsonl' && events5[0].check == 'signature'

// 6. Without a project and a folder: says what to give.
assert invocations[5].contains('There is no project here: give the folder of the files to check with -Dsecure-build.directory=PATH')
return true
