import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 2: "expected 2 Maven invocations, found ${invocations.size()}"
String fingerprint = '271A5EFB80285A8AFBE3ABB854CFEE2AADB1C159'

// 1. The ledger as written verifies.
assert invocations[0] =~ /The ledger \S+ledger[\\\/]deployments\.jsonl verifies: 3 record\(s\), numbered in order, each chained to the one before and signed by a trusted key \($fingerprint\)/

// 2. The edited copy fails at its second line, as edited; the lines before it verify.
String failed = invocations[1]
File edited = new File(basedir, 'target/edited.jsonl')
assert failed.contains("[ERROR] The ledger ${edited.canonicalPath} is broken at line 2: edited: its content does not match its signature by $fingerprint: the line was changed after it was signed")
assert failed.contains('(lines 1 to 1 verify)')
assert failed.contains('BUILD FAILURE')
// Verification never changes the ledger.
assert edited.getText('UTF-8').split('\n')[1].contains('"version":"1.0.9"')

// One event per verification, with the documented fields.
List events = new File(basedir, 'target/secure-build/security-events.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
assert events*.type == ['ledger.verified', 'ledger.broken']
assert events[0].records == 3 && events[0].signers == fingerprint && events[0].head ==~ /[0-9a-f]{64}/
assert events[1].ledger == edited.canonicalPath
assert events[1].line == 2 && events[1].problem == 'edited' && events[1].verifiedRecords == 1
assert events[1].project == 'it.securebuild.ledger:edited'
assert events[1].message.startsWith('line 2: edited: ')
events.each { assert it.time ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/ }
return true
