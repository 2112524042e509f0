package dev.securebuild.findings.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.output.FindingsOutputs;
import dev.securebuild.findings.policy.Policy;
import dev.securebuild.findings.policy.PolicyLoader;
import dev.securebuild.findings.read.ReportLimits;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.text.LogLine;

/** A whole run of check-findings without Maven: outputs, security events, log lines and the verdict the mojo maps. */
class FindingsGateTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path project;

    private Path report(String name, String target) throws IOException {
        return ReportSamples.copy(project, name, target, NOW.minus(Duration.ofHours(1)));
    }

    private Path output() {
        return project.resolve("target/secure-build/findings");
    }

    private Path events() {
        return project.resolve("target/secure-build/security-events.jsonl");
    }

    private FindingsVerdict run(List<Path> reports, Policy policy, String maxReportAge) throws IOException, InvalidSettingException {
        return new FindingsGate(CLOCK, KnownSecrets.NONE).run(new FindingsGate.Request(reports, project, maxReportAge, false, ReportLimits.DEFAULT,
                policy, "test policy", output(), "1.0", "com.example:app"), new EventLog(events(), CLOCK));
    }

    @Test
    void aBlockingFindingFailsWritesEveryOutputAndRecordsTheFailure() throws Exception {
        FindingsVerdict verdict = run(List.of(report("dependency-check-log4shell.json", "target/dc.json")), Policy.defaults(), null);

        assertFalse(verdict.passed());
        for (String name : List.of(FindingsOutputs.JSON, FindingsOutputs.SARIF, FindingsOutputs.BLOCKING_SARIF, FindingsOutputs.JUNIT, FindingsOutputs.HTML)) {
            assertTrue(Files.isRegularFile(output().resolve(name)), name);
        }
        assertEquals(output().resolve(FindingsOutputs.JSON), verdict.json());
        assertEquals("The scanner gate failed: 1 finding(s) block", verdict.summary());
        assertEquals("The scanner gate failed: 1 finding(s) block. Details: " + output().resolve(FindingsOutputs.HTML), verdict.failure());
        assertEquals(GoalResult.Verdict.FAIL, verdict.goalVerdict(true));
        assertEquals(GoalResult.Verdict.WARN, verdict.goalVerdict(false), "failOnViolation=false only warns");
        String events = Files.readString(events());
        assertTrue(events.contains("\"policy.failed\"") && events.contains("com.example:app"), events);

        List<LogLine> lines = verdict.logLines(20);
        assertEquals(LogLine.Level.INFO, lines.get(0).level());
        assertTrue(lines.get(0).text().startsWith("Read 1 finding(s) from 1 report(s)"), lines.get(0).text());
        assertTrue(lines.stream().anyMatch(l -> l.level() == LogLine.Level.ERROR && l.text().contains("CVE-2021-44228")), lines.toString());
        LogLine last = lines.get(lines.size() - 1);
        assertEquals(LogLine.Level.ERROR, last.level());
        assertTrue(last.text().startsWith("FAIL: 1 blocking"), last.text());
    }

    @Test
    void aClearedFindingPassesAndRecordsTheExceptionUsedButNoFailure() throws Exception {
        Path policy = Files.writeString(project.resolve("policy.yaml"), """
                version: 1
                exceptions:
                  entries:
                    - id: CVE-2021-44228
                      justification: vulnerable_code_not_in_execute_path
                      reason: "lookups disabled"
                      approvedBy: sec@example.com
                      expires: 2027-01-31
                """);
        FindingsVerdict verdict = run(List.of(report("trivy-log4shell.json", "target/trivy.json")), PolicyLoader.load(policy), "24h");

        assertTrue(verdict.passed());
        assertEquals(GoalResult.Verdict.PASS, verdict.goalVerdict(true));
        assertTrue(verdict.summary().startsWith("PASS: 0 blocking"), verdict.summary());
        assertEquals(1, verdict.usedExceptions().size());
        String events = Files.readString(events());
        assertTrue(events.contains("\"exception.used\""), events);
        assertFalse(events.contains("policy.failed"), events);
        List<LogLine> lines = verdict.logLines(20);
        assertTrue(lines.stream().anyMatch(l -> l.level() == LogLine.Level.INFO && l.text().startsWith("Exception CVE-2021-44228 cleared 1 finding(s)")),
                lines.toString());
        assertEquals(LogLine.Level.INFO, lines.get(lines.size() - 1).level());
    }

    @Test
    void anAgeThatIsNoAgeIsTheUsersSettingToFixAndWritesNothing() throws IOException {
        Path sarif = report("codeql-medium.sarif", "target/codeql.sarif");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> run(List.of(sarif), Policy.defaults(), "a week"));
        assertEquals("\"a week\" is not an age: write it as 30m, 24h, 7d or ISO-8601 (P1D)", e.getMessage());
        assertFalse(Files.exists(output().resolve(FindingsOutputs.JSON)));
        assertFalse(Files.exists(events()));
    }

    @Test
    void aBrokenReportIsTheUsersToFixAndWritesNothing() throws IOException {
        Path broken = Files.writeString(project.resolve("broken.json"), "{\"runs\": [");
        ReportParseException e = assertThrows(ReportParseException.class, () -> run(List.of(broken), Policy.defaults(), null));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertFalse(Files.exists(output().resolve(FindingsOutputs.JSON)));
    }

    @Test
    void clearingRemovesAnEarlierRunsVerdict() throws Exception {
        run(List.of(report("codeql-medium.sarif", "target/codeql.sarif")), Policy.defaults(), null);
        assertTrue(Files.exists(output().resolve(FindingsOutputs.JSON)));
        FindingsGate.clearOutputs(output());
        assertFalse(Files.exists(output().resolve(FindingsOutputs.JSON)));
        assertFalse(Files.exists(output().resolve(FindingsOutputs.HTML)));
    }
}
