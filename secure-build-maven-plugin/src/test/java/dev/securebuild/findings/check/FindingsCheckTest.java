package dev.securebuild.findings.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.policy.Policy;
import dev.securebuild.findings.policy.PolicyLoader;
import dev.securebuild.findings.read.ReportLimits;

/** The whole gate without Maven: real report shapes of four tools, merged, decided by a policy. */
class FindingsCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path project;

    private Path report(String name, String target) throws IOException {
        return ReportSamples.copy(project, name, target, NOW.minus(Duration.ofHours(1)));
    }

    private CheckResult check(List<Path> reports, Policy policy, Duration maxAge, boolean failOnStale) throws IOException {
        return new FindingsCheck(Clock.fixed(NOW, ZoneOffset.UTC))
                .run(new FindingsCheck.Settings(reports, project, maxAge, failOnStale, ReportLimits.DEFAULT), policy, "test policy");
    }

    @Test
    void theSameVulnerabilityFromTwoToolsBlocksOnceWithBothToolsEvidence() throws IOException {
        CheckResult result = check(List.of(report("dependency-check-log4shell.json", "target/dependency-check-report.json"),
                report("trivy-log4shell.json", "target/trivy.json"), report("codeql-medium.sarif", "target/codeql.sarif")),
                Policy.defaults(), null, false);
        assertFalse(result.passed());
        assertEquals(4, result.raw());
        assertEquals(3, result.merged());
        assertEquals(1, result.blocking());
        Decision log4shell = result.decisions().get(0);
        assertEquals(Outcome.BLOCKING, log4shell.outcome());
        assertEquals("CVE-2021-44228", log4shell.finding().id());
        assertEquals(List.of("target/dependency-check-report.json", "target/trivy.json"),
                log4shell.finding().evidence().stream().map(f -> f.report()).sorted().toList(), "reports shown relative to the project");
        assertEquals(List.of("OWASP Dependency-Check", "Trivy", "CodeQL"), result.reports().stream().map(r -> r.tool()).toList());
        assertTrue(result.decisions().stream().skip(1).allMatch(d -> d.outcome() == Outcome.WARNING));
    }

    @Test
    void aVexStatementClearsTheMergedFinding() throws IOException {
        CheckResult result = check(List.of(report("dependency-check-log4shell.json", "a/dc.json"), report("trivy-log4shell.json", "a/trivy.json"),
                report("openvex-log4shell.json", "vex/log4j.openvex.json")), Policy.defaults(), null, false);
        assertTrue(result.passed());
        assertEquals(Outcome.NOT_AFFECTED, result.decisions().get(0).outcome());
        assertEquals(1, result.reports().get(2).vexStatements());
    }

    @Test
    void anExceptionClearsAndAnExpiredOneFailsWithItsDate() throws IOException {
        Path trivy = report("trivy-log4shell.json", "target/trivy.json");
        String entry = """
                version: 1
                exceptions:
                  entries:
                    - id: CVE-2021-44228
                      package: "org.apache.logging.log4j:log4j-core:[2.0,2.15)"
                      justification: vulnerable_code_not_in_execute_path
                      reason: "lookups disabled"
                      approvedBy: sec@example.com
                      expires: %s
                """;
        Path inForce = Files.writeString(project.resolve("policy.yaml"), entry.formatted("2027-01-31"));
        CheckResult cleared = check(List.of(trivy), PolicyLoader.load(inForce), null, false);
        assertTrue(cleared.passed());
        assertEquals(Outcome.EXCEPTED, cleared.decisions().get(0).outcome());

        Path expired = Files.writeString(project.resolve("expired.yaml"), entry.formatted("2026-11-30"));
        CheckResult failed = check(List.of(trivy), PolicyLoader.load(expired), null, false);
        assertFalse(failed.passed());
        assertEquals(Outcome.BLOCKING, failed.decisions().get(0).outcome());
        assertTrue(failed.violations().get(0).contains("expired on 2026-11-30"), failed.violations().toString());
    }

    @Test
    void aStaleReportWarnsOrFails() throws IOException {
        Path sarif = report("codeql-medium.sarif", "target/codeql.sarif");
        Files.setLastModifiedTime(sarif, FileTime.from(NOW.minus(Duration.ofDays(3))));
        CheckResult warned = check(List.of(sarif), Policy.defaults(), Duration.ofHours(24), false);
        assertTrue(warned.passed());
        assertEquals(List.of("target/codeql.sarif was written 3 days ago, more than the 24 hours allowed (maxReportAge): run the scanner again"),
                warned.warnings());
        CheckResult failed = check(List.of(sarif), Policy.defaults(), Duration.ofHours(24), true);
        assertFalse(failed.passed());
        assertEquals(1, failed.violations().size());
        assertTrue(check(List.of(sarif), Policy.defaults(), Duration.ofDays(7), true).passed());
    }

    @Test
    void aBrokenReportStopsTheCheckNamingTheFile() throws IOException {
        Path broken = Files.writeString(project.resolve("trivy.json"), "{\"SchemaVersion\": 2, \"Results\": [ {\"Target\": ");
        ReportParseException e = assertThrows(ReportParseException.class, () -> check(List.of(broken), Policy.defaults(), null, false));
        assertTrue(e.getMessage().contains(broken.toString()) && e.getMessage().contains("line 1"), e.getMessage());
    }
}
