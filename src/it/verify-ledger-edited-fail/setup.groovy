// target/edited.jsonl: the ledger with one field of its second record changed, as someone covering a deployment would.
File target = new File(basedir, 'target')
target.deleteDir()
target.mkdirs()
List<String> lines = new File(basedir, 'ledger/deployments.jsonl').getText('UTF-8').split('\n').toList()
assert lines.size() == 3
assert lines[1].contains('"version":"1.0.1"')
lines[1] = lines[1].replace('"version":"1.0.1"', '"version":"1.0.9"')
new File(target, 'edited.jsonl').setText(lines.join('\n') + '\n', 'UTF-8')
return true
