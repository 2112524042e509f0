import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 3
String strict = invocations[1]
String build = invocations[2]
final String FORGED_ESCAPED = 'notes\\n[INFO] BUILD SUCCESS.txt'

// 3. provenance recorded and said it; the names are escaped, so no name forges a log line.
assert build.contains('[WARNING] Built from a git working tree with uncommitted changes: 2 tracked files differ from the commit (')
assert build.contains('src/main/java/demo/App.java')
assert build.contains(FORGED_ESCAPED)
assert build.contains(', 1 untracked file. The provenance records it (externalParameters.workingTree)')
assert !(log =~ /(?m)^\[INFO\] BUILD SUCCESS\.txt/): 'a file name forged a log line'
// verify-provenance passed (requireCleanSource is off), with a warning naming the files.
assert build =~ /\[WARNING\] dirty-1\.0\.intoto\.jsonl: built from a git working tree with uncommitted changes: 2 tracked files differ/
assert build.contains('(-Dsecure-build.requireCleanSource=true refuses it)')
assert build =~ /Provenance \S+dirty-1\.0\.intoto\.jsonl verified/

// The provenance records the tree: names only, never content.
File provenance = new File(basedir, 'target/dirty-1.0.intoto.jsonl')
Map envelope = new JsonSlurper().parse(provenance) as Map
String payload = new String(envelope.payload.decodeBase64(), 'UTF-8')
Map tree = (new JsonSlurper().parseText(payload) as Map).predicate.buildDefinition.externalParameters.workingTree
assert tree.clean == false
assert (tree.modifiedFiles as Set) == ['src/main/java/demo/App.java', 'notes\n[INFO] BUILD SUCCESS.txt'] as Set
assert tree.modifiedFileCount == 2
assert tree.untrackedFileCount == 1
assert !payload.contains('UNCOMMITTED-CONTENT-MARKER')
assert !payload.contains('scratch.txt'): 'untracked names are not recorded'
assert !log.contains('UNCOMMITTED-CONTENT-MARKER')

// The result files carry it; the gate, asked for a clean source, says NO-GO.
File results = new File(basedir, 'target/secure-build/results')
Map verified = new JsonSlurper().parse(new File(results, 'verify-provenance.json')) as Map
Map gate = new JsonSlurper().parse(new File(basedir, 'target/secure-build/release-gate/release-gate.json')) as Map
assert gate.decision == 'NO-GO'
assert gate.reasons.size() == 1
assert gate.reasons[0].startsWith('it.securebuild.provenance:dirty: clean-source is required, but built from a git working tree with uncommitted changes')
assert gate.modules[0].checks.find { it.check == 'clean-source' }.status == 'fail'
assert gate.modules[0].checks.find { it.check == 'provenance' }.status == 'pass'
assert build.contains('BUILD FAILURE')

// 2. With requireCleanSource, verify-provenance refuses it, naming the files and the parameter.
assert strict =~ /\[ERROR\] BAD  dirty-1\.0\.intoto\.jsonl: built from a git working tree with uncommitted changes \(2 tracked files differ/
assert strict.contains('A clean source is required by secure-build.requireCleanSource: build from a commit, or set it to false')
assert !strict.contains('Release gate:'): 'the build stopped at verify-provenance'
Map provenanceResult = new JsonSlurper().parse(new File(results, 'provenance.json')) as Map
assert provenanceResult.sourceTree == 'dirty'
assert provenanceResult.verdict == 'pass'
assert verified.verdict == 'pass' && verified.sourceTree == 'dirty'
File events = new File(basedir, 'target/secure-build/security-events.jsonl')
List<Map> sourceEvents = events.readLines().collect { new JsonSlurper().parseText(it) as Map }.findAll { it.check == 'source' }
assert sourceEvents.size() == 1 && sourceEvents[0].actual == 'dirty'
return true
