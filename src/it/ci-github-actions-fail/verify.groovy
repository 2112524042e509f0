def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String build = support.buildLog(basedir)
List<String> commands = build.readLines().findAll { it.startsWith('::') }

// Every annotation is a line of its own that starts with the command: never behind Maven's [ERROR] prefix.
assert !(build =~ /(?m)^\[(ERROR|WARNING|INFO)\] (\[stdout\] )?::(error|warning|notice)/)

// The unapproved dependency, at the <dependency> element of the parent POM that declares it, once for the three
// projects that inherit it; a warning, since the rule's level is WARN.
List<String> offenders = commands.findAll { it.contains('title=secure-build approvedDependencies') }
assert offenders.size() == 1: offenders
assert offenders[0].startsWith('::warning file=pom.xml,line=25,title=secure-build approvedDependencies%3A commons-io%3Acommons-io%3A2.16.1')

// The blocking finding, at its file and line relative to the repository root, with the report's text escaped as the
// runner reads it.
List<String> findings = commands.findAll { it.contains('java/weak-cryptographic-algorithm') }
assert findings.size() == 1: findings
assert findings[0].startsWith('::error file=module-a/src/main/java/it/ci/Crypto.java,line=4,title=java/weak-cryptographic-algorithm high::')
assert findings[0].contains('DES is weak, 100%25 sure: [x](https://evil.example/p.png), key [redacted] (blocks the build: severity HIGH')

// The release gate's reasons, at the top POM: module-a's finding and each project's unapproved dependency.
List<String> gate = commands.findAll { it.contains('title=secure-build%3A Release gate') }
assert gate.size() == 4: gate
assert gate.count { it.startsWith('::error file=pom.xml,title=secure-build%3A Release gate%3A NO-GO::') } == 3
assert gate.any { it.startsWith('::error file=pom.xml,title=secure-build%3A Release gate%3A NO-GO::it.securebuild.ci:module-b: allowlist failed') }
assert gate.any { it.startsWith('::warning file=pom.xml,title=secure-build%3A Release gate%3A NO-GO::it.securebuild.ci:module-a: findings warned') }

// The job summary: one heading, a line per result, the blocking finding's table, and the gate's decision.
String summary = new File(basedir, 'step-summary.md').getText('UTF-8')
assert summary.startsWith('## secure-build\n\n')
assert summary.count('## secure-build\n') == 1
assert summary.contains('- ❌ **enforce (approvedDependencies)** `it.securebuild.ci:module-a`: FAIL · 12 component(s) decided: 1 not approved')
assert summary.contains('- ⚠️ **check-findings** `it.securebuild.ci:module-a`: WARN · The scanner gate failed: 1 finding(s) block')
assert summary.contains('### check-findings `it.securebuild.ci:module-a`: failed')
assert summary.contains('| java/weak\\-cryptographic\\-algorithm | high |') || summary.contains('| java/weak-cryptographic-algorithm | high |')
assert summary.contains('## ⛔ Release gate: NO-GO')
assert !summary.contains('](https://evil.example'): 'a report cannot put a link or an image into the summary'
assert build.contains('BUILD FAILURE')

// Notifications: the webhook got the scanner gate's failure and the release gate's NO-GO (the allow-list rule only
// warned: not a blocked build), each a Slack-compatible text and the event as the event log has it.
def server = System.properties.remove('it.webhook.' + basedir.canonicalPath)
server?.stop(0)
List<Map> received = new File(basedir, 'target/notifications/received.jsonl').readLines('UTF-8').collect { new groovy.json.JsonSlurper().parseText(it) as Map }
List<Map> bodies = received.collect { new groovy.json.JsonSlurper().parseText(it.body as String) as Map }
assert bodies*.event*.type.sort() == ['policy.failed', 'release.blocked']: bodies
assert received.every { it.path == '/hooks/T0/B0/tok3nInThePath' && it.type == 'application/json' }
Map blocked = bodies.find { it.event.type == 'release.blocked' }
assert blocked.kind == 'blocked'
assert blocked.text.startsWith('secure-build: a gate blocked the build in it.securebuild.ci:github: Release gate: NO-GO')
assert blocked.event.decision == 'NO-GO'
// The log names the webhook by scheme and host only: its path is its token.
assert build.contains('Notified http://127.0.0.1 that a gate blocked the build (release.blocked)')
assert !build.contains('tok3nInThePath')

// The build's secret is in no annotation, no line of the job summary and no notification.
final String CANARY = 'CanaryN-5d1e0c77-do-not-publish'
assert !commands.any { it.contains(CANARY) }
assert !summary.contains(CANARY)
assert !received.any { (it.body as String).contains(CANARY) }
return true
