package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.Severity;

import org.junit.jupiter.api.Test;

class LogTableTest {

    @Test
    void theBlockingFindingsInAFixedWidthTable() {
        List<String> lines = LogTable.lines(TestResults.failing());
        assertEquals(1 + 1 + 3, lines.size(), "header, rule, three blocking findings");
        String header = lines.get(0);
        assertTrue(header.startsWith("id "), header);
        int severity = header.indexOf("severity");
        int where = header.indexOf("where");
        int tools = header.indexOf("tools");
        int why = header.indexOf("why it blocks");
        assertTrue(severity < where && where < tools && tools < why, header);
        String log4j = lines.get(2);
        assertTrue(log4j.startsWith("CVE-2021-44228"), log4j);
        assertEquals("critical", log4j.substring(severity, severity + 8));
        // A Maven package as its coordinates: shorter than the package URL, so that the version is never cut off.
        assertTrue(log4j.substring(where).startsWith("org.apache.logging.log4j:log4j-core:2.14.1 "), log4j);
        assertTrue(log4j.substring(tools).startsWith("Trivy, Grype"), log4j);
        assertTrue(log4j.substring(why).startsWith("severity CRITICAL"), log4j);
        assertTrue(LogTable.lines(TestResults.passing()).isEmpty(), "nothing to tell when nothing blocks");
    }

    @Test
    void warningsHaveATableOfTheirOwn() {
        List<String> lines = LogTable.warningLines(TestResults.failing(), 20);
        long warnings = TestResults.failing().decisions().stream().filter(d -> d.outcome() == dev.securebuild.findings.Outcome.WARNING).count();
        assertTrue(warnings > 0);
        assertEquals(2 + warnings, lines.size());
        assertTrue(lines.get(0).contains("why it only warns"), lines.get(0));
    }

    @Test
    void atMostTheGivenRowsAndEveryLineFits() {
        List<String> lines = LogTable.lines(TestResults.manyBlocking(25));
        assertEquals(2 + 20 * 2 + 1, lines.size(), "each row and its long location on the next line");
        assertEquals("and 5 more: see report.html", lines.get(lines.size() - 1));
        for (String line : lines) {
            assertTrue(line.length() <= LogTable.WIDTH, line.length() + ": " + line);
        }
        assertTrue(lines.get(2).contains("…"), "a long reason is cut: " + lines.get(2));
        assertEquals("    at org.example.some.very.long.group.name:artifact-with-a-long-name-0:1.0.0-SNAPSHOT", lines.get(3),
                "a long location is whole, on the line after its row");
        assertEquals(2 + 3 * 2 + 1, LogTable.lines(TestResults.manyBlocking(4), 3).size());
        assertTrue(LogTable.warningLines(TestResults.manyBlocking(4), 3).isEmpty());
    }

    @Test
    void theSentencesAroundTheTablesCountWhatTheSummaryCounts() {
        dev.securebuild.findings.CheckResult failing = TestResults.failing();
        FindingsSummary summary = FindingsSummary.of(failing);
        String verdict = LogTable.verdictLine(failing, java.nio.file.Path.of("target/secure-build/findings"));
        assertEquals("FAIL: " + summary.count(dev.securebuild.findings.Outcome.BLOCKING) + " blocking, "
                + summary.count(dev.securebuild.findings.Outcome.WARNING) + " warning(s), " + summary.cleared()
                + " cleared (by an exception, VEX or a suppression in the report), 1 policy violation(s). Reports: target/secure-build/findings", verdict);
        assertEquals("3 finding(s) block and 1 policy violation(s)", LogTable.failureReasons(failing));
        assertTrue(LogTable.readLine(failing).startsWith("Read " + failing.raw() + " finding(s) from "), LogTable.readLine(failing));
        assertEquals(List.of(), LogTable.exceptionLines(failing), "no exception of the fixture is simply in use");
        java.util.List<dev.securebuild.findings.ExceptionStatus> exceptions = new java.util.ArrayList<>(failing.exceptions());
        exceptions.add(new dev.securebuild.findings.ExceptionStatus("E-4", "id CVE-2020-36518", "vulnerable_code_not_in_execute_path", "no untrusted JSON",
                "dave", java.time.LocalDate.parse("2099-12-31"), dev.securebuild.findings.ExceptionState.USED, 2, false, "in force until 2099-12-31"));
        dev.securebuild.findings.CheckResult withUsed = new dev.securebuild.findings.CheckResult(failing.passed(), failing.checkedAt(), failing.policy(),
                failing.reports(), failing.raw(), failing.decisions(), exceptions, failing.violations(), failing.warnings());
        assertEquals(List.of("Exception E-4 cleared 2 finding(s): in force until 2099-12-31, approved by dave (vulnerable_code_not_in_execute_path)"),
                LogTable.exceptionLines(withUsed));
    }

    @Test
    void longIdsAndPathsArePrintedWholeOnALineOfTheirOwn() {
        String rule = "NP_NULL_ON_SOME_PATH_FROM_RETURN_VALUE_" + "X".repeat(120 - 39);
        String path = "src/main/java/org/apache/maven/plugins/javadoc/" + "y".repeat(120 - 47 - 18) + "Specification.java";
        assertEquals(120, rule.length());
        assertEquals(120, path.length());
        CheckResult result = new CheckResult(false, TestResults.CHECKED, "p", List.of(), 2, List.of(
                TestResults.decision(Outcome.BLOCKING, "severity HIGH", null, TestResults.code("SpotBugs", rule, Severity.HIGH, path, 100, "m", null)),
                TestResults.decision(Outcome.BLOCKING, "severity HIGH", null, TestResults.code("Semgrep", "short-rule", Severity.HIGH, "A.java", 7, "m", null))),
                List.of(), List.of(), List.of());
        List<String> lines = LogTable.lines(result);
        assertEquals(rule, lines.get(2), "the id on its own line, whole");
        assertTrue(lines.get(3).matches(" +high +SpotBugs +severity HIGH"), lines.get(3));
        assertEquals("    at " + path + ":100", lines.get(4), "the location on its own line, whole");
        assertTrue(lines.get(5).matches("short-rule +high +A\\.java:7 +Semgrep +severity HIGH"), "short cells stay in their columns: " + lines.get(5));
        assertTrue(lines.stream().noneMatch(line -> line.contains("…")), lines.toString());
    }

    @Test
    void textFromAReportCannotForgeALogLine() {
        CheckResult result = new CheckResult(false, TestResults.CHECKED, "p", List.of(), 1, List.of(TestResults.decision(Outcome.BLOCKING, "severity HIGH",
                null, TestResults.code("Semgrep", "x\n[INFO] BUILD SUCCESS", Severity.HIGH, "a\u001b[2J.js", 1, "m", null))), List.of(), List.of(), List.of());
        List<String> lines = LogTable.lines(result);
        assertTrue(lines.stream().noneMatch(line -> line.contains("\n") || line.contains("\u001b")), lines.toString());
        assertTrue(lines.get(2).startsWith("x\\n[INFO] BUILD SUCCESS  "), lines.get(2));
        assertTrue(lines.get(2).contains("a\\u001b[2J.js:1"), lines.get(2));
    }
}
