def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> runs = support.invocations(log)
assert runs.size() == 3

// 1. The policy project installs security-policy.yaml as com.example.security:security-policy:1.0, type yaml.
assert runs[0].contains('BUILD SUCCESS')
File published = new File(localRepositoryPath, 'com/example/security/security-policy/1.0/security-policy-1.0.yaml')
assert published.isFile(): "$published was not installed"
assert published.text == new File(basedir, 'policy/security-policy.yaml').text
assert runs[0] =~ /Installing \S+[\\\/]policy[\\\/]security-policy\.yaml to \S+security-policy-1\.0\.yaml/

// 2. Coordinates that resolve to nothing stop the build; the default policy is not used instead.
assert runs[1].contains('BUILD FAILURE')
assert runs[1].contains('Cannot resolve the policy com.example.security:missing-policy:yaml:1.0')
assert !runs[1].contains('the default policy')
assert !runs[1].contains('Read 2 finding(s)')

// 3. The published policy, resolved by its coordinates from the local repository.
String run = runs[2]
assert run.contains('BUILD SUCCESS')
def policyLine = (run =~ /Read 2 finding\(s\) from 1 report\(s\), 2 after merging the same issue seen by several tools; policy: (.+)/)
assert policyLine.find()
String policy = policyLine.group(1).trim()
assert policy == 'com.example.security:security-policy:1.0': 'named by its coordinates, not by the local repository file'
assert published.isFile(): 'resolved into the local repository, as a dependency is'
// Its exception clears the disputed jackson-databind CVE; its threshold (medium) is the one the low guava finding is
// measured against.
assert run =~ /\[WARNING\] CVE-2020-8908\s+low\s+com\.google\.guava:guava:30\.1-jre\s+Trivy\s+severity LOW is below the failing threshold medium/
assert run.contains('[INFO] PASS: 0 blocking, 1 warning(s), 1 cleared')

Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.verdict == 'pass'
assert findings.policy == policy
Map disputed = findings.findings.find { it.id == 'CVE-2023-35116' }
assert disputed.outcome == 'excepted' && disputed.exception == 'CVE-2023-35116'
Map exception = findings.exceptions.find { it.id == 'CVE-2023-35116' }
assert exception.state == 'used' && exception.matched == 1 && exception.approvedBy == 'appsec@example.com'
Map event = new groovy.json.JsonSlurper().parseText(new File(basedir, 'target/secure-build/security-events.jsonl').readLines().last()) as Map
assert event.type == 'exception.used' && event.exception == 'CVE-2023-35116'
return true
