def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> lines = log.readLines()

// Both runs pass, each reading the one report: never the first run's findings.sarif or blocking.sarif, nor the link.
assert lines.count { it == '[INFO] BUILD SUCCESS' } == 2: 'two runs, and no forged BUILD SUCCESS line'
assert lines.count { it.contains('Read 2 finding(s) from 1 report(s), 2 after merging') } == 2
assert !log.contains('OUTSIDE-CANARY')
assert log =~ /\[WARNING\] Not read: .*reports[\\\/]outside is a symbolic link that leads out of the project, to .*check-findings-glob-rerun-outside/

// A 120-character rule id and path are printed whole, each on a line of its own.
String rule = 'NP_NULL_ON_SOME_PATH_FROM_RETURN_VALUE_' + 'X' * (120 - 39)
String path = 'src/main/java/org/apache/maven/plugins/javadoc/' + 'y' * (120 - 47 - 18) + 'Specification.java'
assert lines.count { it == "[WARNING] ${rule}".toString() } == 2
assert lines.count { it == "[WARNING]     at ${path}:100".toString() } == 2
// A rule id with a line break is shown escaped; it forges no line.
assert log.contains('[WARNING] x\\n[INFO] BUILD SUCCESS  ')
assert !lines.any { it.startsWith('[INFO] BUILD SUCCESS') && it != '[INFO] BUILD SUCCESS' }

Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.verdict == 'pass'
assert findings.reports.size() == 1 && findings.reports[0].tool == 'SpotBugs'
