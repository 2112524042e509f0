import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 5: "expected 5 Maven invocations, found ${invocations.size()}"
String first = new File(basedir, 'key/fingerprint.txt').text.trim()
final String NEW = 'D14B1719A2D9AD36F8D46AB228820F5DA1650044'

// 3: refused, naming the ledger's key, the new one and the parameter; nothing appended.
String refused = invocations[2]
assert refused.contains('BUILD FAILURE')
assert refused.contains("its records are signed by key $first (the last one, #1), and this record would be signed by key $NEW; "
        + "a change of the ledger's key must be declared. To change the ledger's key to $NEW, set "
        + "-Dsecure-build.ledger.newKey=$NEW (parameter newKey): the record then declares the change; else sign with key $first")
assert !refused.contains('Recorded deployment #')

// 4: appended with the change declared, signed by the new key; 5: the ledger verifies.
File ledger = new File(basedir, 'deployments.jsonl')
List<String> lines = ledger.readLines('UTF-8')
assert lines.size() == 2: "the refused record was not appended: ${lines.size()} lines"
def records = lines.collect { new JsonSlurper().parseText(it) }
assert records[0].signature.keyid == first && records[0].keyRotation == null
assert records[1].signature.keyid == NEW
assert records[1].keyRotation == [previous: first, next: NEW]
assert records[1].keySet().toList() == ['schema', 'sequence', 'time', 'who', 'where', 'what', 'configuration', 'verdicts', 'keyRotation',
                                        'previous', 'signature']
assert invocations[3].contains("Recorded deployment #2 (1 module(s), ")
assert invocations[4] =~ /The ledger \S+deployments\.jsonl verifies: 2 record\(s\), numbered in order, each chained to the one before and signed by a trusted key \([0-9A-F, ]+; each change of key declared by the record that made it\)/
return true
