def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> runs = support.invocations(log)
assert runs.size() == 2
runs.each { run ->
    assert run.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
    // Modules a, b and c run the gate; docs switches it off (phase none), and the reactor's check does not wait for it.
    // All but the module that finished last record their reports; the last one checks the reactor's reports, once.
    def recorded = (run =~ /Recorded 1 report\(s\) of (module-[abc]) for the reactor's check \((\d) module\(s\) still to come\)/).collect { it[1..2] }
    assert recorded*.get(0).unique(false).size() == 2: "expected two modules to record their report: $recorded"
    assert recorded*.get(1) as Set == ['2', '1'] as Set // in either order: the threads' lines interleave
    assert (run =~ /Recorded \d+ report\(s\) of /).size() == 2
    assert !run.contains('report(s) of docs') && !run.contains('report(s) of reactor')
    assert !run.contains('check-findings (gate) @ docs')
    assert (run =~ /Read 5 finding\(s\) from 3 report\(s\), 4 after merging the same issue seen by several tools/).size() == 1
}

// 1. The default policy: Log4Shell, in modules a (Trivy) and b (Dependency-Check), is one blocking finding with both
// tools; the three module-specific medium findings are warnings.
String first = runs[0]
assert first.contains('BUILD FAILURE')
assert first.contains('policy: the default policy')
assert first =~ /\[ERROR\] id\s+severity\s+where\s+tools\s+why it blocks/
def blockingRows = (first =~ /(?m)^\[ERROR\] (CVE-\S+)\s+critical\s+org\.apache\.logging\.log4j:log4j-core:2\.14\.1\s+(.+?)\s+severity CRITICAL is at or above/).collect { it[1..2] }
assert blockingRows.size() == 1: "Log4Shell must be listed once: $blockingRows"
assert blockingRows[0][0] == 'CVE-2021-44228'
assert blockingRows[0][1].split(', ') as Set == ['OWASP Dependency-Check', 'Trivy'] as Set
assert first =~ /\[WARNING\] CVE-2024-47554\s+medium\s+commons-io:commons-io:2\.11\.0\s+Trivy\s+severity MEDIUM is below/
assert first =~ /\[WARNING\] CVE-2022-38752\s+medium\s+org\.yaml:snakeyaml:1\.30\s+OWASP Dependency-Check\s+severity MEDIUM is below/
assert first =~ /\[WARNING\] CVE-2024-38809\s+medium\s+org\.springframework:spring-web:6\.1\.11\s+Grype\s+severity MEDIUM is below/
assert first.contains('[ERROR] FAIL: 1 blocking, 3 warning(s), 0 cleared')
// Maven names the module that happened to finish last as the one that failed.
String checker = (['module-a', 'module-b', 'module-c'] - (first =~ /Recorded 1 report\(s\) of (module-[abc])/).collect { it[1] })[0]
assert first =~ /Failed to execute goal dev\.securebuild:secure-build-maven-plugin:\S+:check-findings \(gate\) on project $checker: The scanner gate failed/
assert first =~ /The scanner gate failed: 1 finding\(s\) block\. Details: \S+reactor-aggregate[\\\/]target[\\\/]secure-build[\\\/]findings[\\\/]report\.html/

// 2. The team's policy excepts Log4Shell: the reactor passes, the exception matched one finding (not one per module).
String second = runs[1]
assert second.contains('BUILD SUCCESS')
assert second.contains('policy: security-policy.yaml')
assert second.contains('[INFO] PASS: 0 blocking, 3 warning(s), 1 cleared')
assert !second.contains('[ERROR]')

// One findings folder, the top-level project's; none in the modules.
List<File> folders = []
basedir.eachFileRecurse(groovy.io.FileType.DIRECTORIES) { if (it.name == 'findings' && it.parentFile.name == 'secure-build') folders << it }
assert folders == [new File(basedir, 'target/secure-build/findings')]: "expected one findings folder, found $folders"

Map findings = support.findingsOutputs(new File(basedir, 'target/secure-build/findings'))
assert findings.verdict == 'pass'
assert findings.summary.raw == 5 && findings.summary.merged == 4 && findings.summary.blocking == 0 && findings.summary.excepted == 1
// Each module's report, named relative to the top-level project.
assert findings.reports*.path as Set == ['module-a/reports/trivy.json', 'module-b/reports/dependency-check-report.json',
                                         'module-c/reports/grype.json'] as Set
Map log4shell = findings.findings.find { it.id == 'CVE-2021-44228' }
assert log4shell.outcome == 'excepted' && log4shell.exception == 'CVE-2021-44228'
assert log4shell.tools as Set == ['OWASP Dependency-Check', 'Trivy'] as Set
assert log4shell.evidence*.report as Set == ['module-a/reports/trivy.json', 'module-b/reports/dependency-check-report.json'] as Set
assert findings.findings.findAll { it.outcome == 'warning' }*.id as Set == ['CVE-2024-47554', 'CVE-2022-38752', 'CVE-2024-38809'] as Set
Map exception = findings.exceptions.find { it.id == 'CVE-2021-44228' }
assert exception.state == 'used' && exception.matched == 1

// The security event log is the top-level project's too: the failed gate of the first run, then one use of the
// exception by the second, each once for the reactor.
File events = new File(basedir, 'target/secure-build/security-events.jsonl')
List lines = events.readLines()
assert lines.size() == 2: "expected two events, found $lines"
Map failed = new groovy.json.JsonSlurper().parseText(lines[0]) as Map
assert failed.type == 'policy.failed' && failed.blocking == 1 && failed.project == 'it.securebuild.findings:reactor'
Map event = new groovy.json.JsonSlurper().parseText(lines[1]) as Map
assert event.type == 'exception.used' && event.exception == 'CVE-2021-44228' && event.matched == 1
assert event.project == 'it.securebuild.findings:reactor'
['module-a', 'module-b', 'module-c', 'docs'].each { assert !new File(basedir, "$it/target/secure-build").exists(): "$it has secure-build outputs" }
return true
