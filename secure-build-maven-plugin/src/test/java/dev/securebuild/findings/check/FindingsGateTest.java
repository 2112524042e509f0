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
import java.util.ArrayList;
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
import dev.securebuild.shared.text.LogSink;

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
        return check(List.of(new FindingsGate.Collected("com.example:app", reports, 0, null, false)), policy, maxReportAge);
    }

    private FindingsVerdict check(List<FindingsGate.Collected> modules, Policy policy, String maxReportAge) throws IOException {
        return new FindingsGate(CLOCK, KnownSecrets.NONE).run(new FindingsGate.Request(modules, project, maxReportAge, false,
                ReportLimits.DEFAULT.maxStringLength(), ReportLimits.DEFAULT.maxNestingDepth(), policy, "test policy", output(), "1.0",
                "com.example:app"), new EventLog(events(), CLOCK));
    }

    private final List<LogLine> logged = new ArrayList<>();

    private FindingsGate.Collected collect(Path module, String packaging, String... reports) throws IOException {
        return collect(module, packaging, 0, reports);
    }

    private FindingsGate.Collected collect(Path module, String packaging, int dependencies, String... reports) throws IOException {
        return new FindingsGate(CLOCK, KnownSecrets.NONE).collect(new FindingsGate.Scope("com.example:" + module.getFileName(), module, List.of(reports),
                List.of(), new ModuleCode(packaging, module.resolve("target/classes"), List.of(module.resolve("src/main/java")), dependencies)),
                LogSink.of(t -> logged.add(LogLine.info(t)), t -> logged.add(LogLine.warn(t)), t -> logged.add(LogLine.error(t))));
    }

    @Test
    void aMissingReportInAModuleWithCodeFailsAsEver() throws IOException {
        Path app = Files.createDirectories(project.resolve("app/target/classes/demo"));
        Files.writeString(app.resolve("App.class"), "");
        ReportParseException e = assertThrows(ReportParseException.class, () -> collect(project.resolve("app"), "jar", "target/spotbugsSarif.json"));
        assertTrue(e.getMessage().contains("no such report file (configured as \"target/spotbugsSarif.json\")"), e.getMessage());
        // Sources alone are code too (compiled elsewhere, or not yet).
        Path lib = Files.createDirectories(project.resolve("lib/src/main/java/demo"));
        Files.writeString(lib.resolve("Lib.java"), "class Lib {}");
        e = assertThrows(ReportParseException.class, () -> collect(project.resolve("lib"), "jar", "target/*.sarif"));
        assertTrue(e.getMessage().contains("no report file matches \"target/*.sarif\""), e.getMessage());
        // Without a project nothing says there is no code: a missing report fails.
        assertThrows(ReportParseException.class, () -> new FindingsGate(CLOCK, KnownSecrets.NONE).collect(new FindingsGate.Scope("x", project,
                List.of("none.sarif"), List.of(), ModuleCode.UNKNOWN), LogSink.of(t -> {}, t -> {}, t -> {})));
    }

    @Test
    void aModuleWithNothingToScanAndNoReportIsNotApplicableSaidInTheLogAndTheResult() throws IOException {
        Path parent = Files.createDirectories(project.resolve("parent"));
        FindingsGate.Collected pom = collect(parent, "pom", "target/spotbugsSarif.json", "target/*.sarif");
        assertTrue(pom.notApplicable());
        assertEquals("packaging pom", pom.nothingToScan());
        assertEquals(2, pom.missing());
        assertEquals(List.of(LogLine.info("Nothing to scan in com.example:parent (packaging pom): 2 of the 2 configured report(s) not found, "
                + "so check-findings does not apply to it")), logged);

        // A jar whose classes are copies: no class in target/classes, no source.
        Path copies = Files.createDirectories(project.resolve("copies/target/classes/META-INF"));
        Files.writeString(copies.resolve("MANIFEST.MF"), "");
        FindingsGate.Collected jar = collect(project.resolve("copies"), "jar", "target/spotbugsSarif.json");
        assertEquals("no compiled class in target/classes and no source file in src/main/java", jar.nothingToScan());

        FindingsVerdict verdict = check(List.of(pom), Policy.defaults(), null);
        assertFalse(verdict.applies());
        assertTrue(verdict.passed());
        assertEquals(GoalResult.Verdict.NOT_APPLICABLE, verdict.goalVerdict(true));
        assertEquals("Not applicable: nothing to scan (packaging pom)", verdict.summary());
        assertEquals(List.of("com.example:parent"), verdict.modules());
        assertEquals(null, verdict.json());
        assertEquals(List.of(), verdict.usedExceptions());
        assertEquals(LogLine.Level.INFO, verdict.logLines(20).get(0).level());
        assertFalse(Files.exists(output()), "no outputs for a check that did not apply");
        assertFalse(Files.exists(events()));
    }

    @Test
    void aModuleWithoutCodeButWithDependenciesNeedsOneReportAtLeast() throws IOException {
        Path dist = Files.createDirectories(project.resolve("dist"));
        ReportParseException e = assertThrows(ReportParseException.class, () -> collect(dist, "pom", 3, "target/spotbugsSarif.json",
                "target/dependency-check-report.json"));
        assertTrue(e.getMessage().contains("no such report file"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(com.example:dist has no code (packaging pom) but 3 dependencies, and not one configured report was "
                + "written: a dependency scanner reads those)"), e.getMessage());

        // The dependency scanner wrote its report: the code scanner's missing one is excused.
        ReportSamples.copy(dist, "trivy-log4shell.json", "target/dependency-check-report.json", NOW.minus(Duration.ofHours(1)));
        FindingsGate.Collected collected = collect(dist, "pom", 3, "target/spotbugsSarif.json", "target/dependency-check-report.json");
        assertEquals(List.of(dist.resolve("target/dependency-check-report.json")), collected.reports());
        assertFalse(collected.notApplicable());
    }

    @Test
    void aReportThatExistsIsReadEvenWhereThereIsNothingToScan() throws IOException {
        Path bom = Files.createDirectories(project.resolve("bom"));
        ReportSamples.copy(bom, "trivy-log4shell.json", "target/trivy.json", NOW.minus(Duration.ofHours(1)));
        FindingsGate.Collected collected = collect(bom, "pom", "target/trivy.json", "target/spotbugsSarif.json");
        assertFalse(collected.notApplicable());
        assertEquals(List.of(bom.resolve("target/trivy.json")), collected.reports());
        assertTrue(logged.get(0).text().endsWith("1 of the 2 configured report(s) not found, reading the 1 found"), logged.toString());
        FindingsVerdict verdict = check(List.of(collected), Policy.defaults(), null);
        assertTrue(verdict.applies());
        assertFalse(verdict.passed(), "Log4Shell blocks, in a module without code as anywhere");
    }

    /** A policy with one exception in force: Log4Shell, not in the execution path. */
    private Path log4ShellExceptionPolicy() throws IOException {
        return Files.writeString(project.resolve("policy.yaml"), """
                version: 1
                exceptions:
                  entries:
                    - id: CVE-2021-44228
                      justification: vulnerable_code_not_in_execute_path
                      reason: "lookups disabled"
                      approvedBy: sec@example.com
                      expires: 2027-01-31
                """);
    }

    @Test
    void noReportConfiguredIsTheSettingToGive() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> collect(project, "jar"));
        assertEquals(dev.securebuild.shared.settings.Setting.REPORTS, e.setting());
        assertTrue(e.getMessage().contains("no scanner report is configured for com.example:"), e.getMessage());
    }

    @Test
    void aReactorCheckNamesTheModulesEachExceptionAppliedToAndCoversTheModulesWithNothingToScan() throws Exception {
        Path policy = log4ShellExceptionPolicy();
        Path a = report("codeql-medium.sarif", "a/target/codeql.sarif");
        Path b = report("trivy-log4shell.json", "b/target/trivy.json");
        FindingsVerdict verdict = check(List.of(new FindingsGate.Collected("g:parent", List.of(), 1, "packaging pom", false),
                new FindingsGate.Collected("g:a", List.of(a), 0, null, false), new FindingsGate.Collected("g:b", List.of(b), 0, null, false),
                FindingsGate.Collected.skipped("g:docs")), PolicyLoader.load(policy), null);
        assertTrue(verdict.passed());
        assertEquals(List.of("g:parent", "g:a", "g:b"), verdict.modules(), "a skipped module is not covered");
        assertEquals(List.of(new GoalResult.ResultException("CVE-2021-44228", "lookups disabled", "sec@example.com", "2027-01-31", List.of("g:b"))),
                verdict.usedExceptions());
    }

    @Test
    void aReportBeyondALimitNamesTheSettingThatRaisesIt() throws IOException {
        Path sarif = report("codeql-medium.sarif", "target/codeql.sarif");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new FindingsGate(CLOCK, KnownSecrets.NONE).run(
                new FindingsGate.Request(List.of(new FindingsGate.Collected("g:a", List.of(sarif), 0, null, false)), project, null, false, 10, 1000,
                        Policy.defaults(), "p", output(), "1.0", "g:a"), new EventLog(events(), CLOCK)));
        assertEquals(dev.securebuild.shared.settings.Setting.MAX_STRING_LENGTH, e.setting());
        assertTrue(e.render((setting, form) -> form + ":" + setting.name()).contains("raise the limit with -Dproperty:MAX_STRING_LENGTH=<characters> "
                + "(parameter element:MAX_STRING_LENGTH)"), e.getMessage());
        assertThrows(InvalidSettingException.class, () -> new FindingsGate(CLOCK, KnownSecrets.NONE).run(new FindingsGate.Request(List.of(
                new FindingsGate.Collected("g:a", List.of(sarif), 0, null, false)), project, null, false, 0, 1000, Policy.defaults(), "p", output(),
                "1.0", "g:a"), new EventLog(events(), CLOCK)), "a limit below one is a setting to fix");
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
        Path policy = log4ShellExceptionPolicy();
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
