package dev.securebuild.findings.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import dev.securebuild.findings.Decision;
import dev.securebuild.findings.ExceptionState;
import dev.securebuild.findings.ExceptionStatus;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.Severity;
import dev.securebuild.findings.VexStatement;
import dev.securebuild.findings.VexStatus;
import dev.securebuild.shared.events.EventLog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyEvaluatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    @TempDir
    Path dir;

    private int policies;

    // --- findings built by hand, as the readers and the merge would give them

    private static Finding dependency(String tool, String id, Set<String> aliases, Severity severity, String cvssVersion, Double score, String component) {
        return new Finding(tool, null, FindingKind.DEPENDENCY, id, aliases, severity, "test", cvssVersion, score, component, null, 0,
                tool + ":" + id + ":" + component, null, "a vulnerability", "report.json");
    }

    private static Finding code(String rule, Severity severity, String path, String fingerprint) {
        return new Finding("CodeQL", "2.15", FindingKind.CODE, rule, Set.of("CWE-89"), severity, "test", null, null, null, path, 42,
                fingerprint, null, "a code finding", "codeql.sarif");
    }

    private static Finding suppressed(Finding finding, String justification) {
        return new Finding(finding.tool(), finding.toolVersion(), finding.kind(), finding.id(), finding.aliases(), finding.severity(),
                finding.severitySource(), finding.cvssVersion(), finding.cvssScore(), finding.component(), finding.path(), finding.line(),
                finding.fingerprint(), justification, finding.message(), finding.report());
    }

    private static MergedFinding merged(Finding... evidence) {
        return new MergedFinding(evidence[0].id() + "|" + evidence[0].component() + "|" + evidence[0].path(), List.of(evidence));
    }

    private static MergedFinding log4j(Severity severity) {
        return merged(dependency("Trivy", "CVE-2021-44228", Set.of("GHSA-jfh8-c2jp-5v3q"), severity, "3.1", 10.0, LOG4J));
    }

    private static MergedFinding cve(String id, Severity severity) {
        return merged(dependency("Trivy", id, Set.of(), severity, null, null, "pkg:maven/org.example/lib@1.0"));
    }

    private Policy policy(String yaml) throws IOException {
        return PolicyLoader.load(Files.writeString(dir.resolve("policy" + (policies++) + ".yaml"), "version: 1\n" + yaml));
    }

    private static PolicyEvaluation evaluate(Policy policy, List<MergedFinding> findings, LocalDate today) {
        return new PolicyEvaluator(policy).evaluate(findings, List.of(), today);
    }

    private static Decision only(PolicyEvaluation evaluation) {
        assertEquals(1, evaluation.decisions().size());
        return evaluation.decisions().get(0);
    }

    private static Decision decide(Policy policy, MergedFinding finding) {
        return only(evaluate(policy, List.of(finding), TODAY));
    }

    // --- thresholds

    @Test
    void theDefaultPolicyBlocksHighAndAboveAndListsTheRestAsWarnings() {
        List<MergedFinding> findings = List.of(cve("CVE-1", Severity.LOW), cve("CVE-2", Severity.UNKNOWN), cve("CVE-3", Severity.HIGH),
                cve("CVE-4", Severity.MEDIUM), cve("CVE-5", Severity.CRITICAL), cve("CVE-6", Severity.INFO));
        PolicyEvaluation evaluation = evaluate(Policy.defaults(), findings, TODAY);
        List<String> order = evaluation.decisions().stream().map(d -> d.finding().id() + " " + d.outcome()).toList();
        assertEquals(List.of("CVE-5 BLOCKING", "CVE-3 BLOCKING", "CVE-4 WARNING", "CVE-1 WARNING", "CVE-6 WARNING", "CVE-2 WARNING"), order,
                "blocking first, then by severity; nothing is hidden");
        assertEquals("severity HIGH is at or above the failing threshold high", evaluation.decisions().get(1).reason());
        assertEquals("severity MEDIUM is below the failing threshold high", evaluation.decisions().get(2).reason());
        assertEquals("severity unknown; findings of unknown severity warn (unknownSeverity: warn)", evaluation.decisions().get(5).reason());
        assertFalse(evaluation.passed());
        assertTrue(evaluate(Policy.defaults(), List.of(cve("CVE-4", Severity.MEDIUM)), TODAY).passed());
    }

    @Test
    void theSeverityThresholdIsInclusive() throws IOException {
        Policy medium = policy("failOn: {severity: medium}\n");
        assertEquals(Outcome.BLOCKING, decide(medium, cve("CVE-1", Severity.MEDIUM)).outcome());
        assertEquals(Outcome.WARNING, decide(medium, cve("CVE-1", Severity.LOW)).outcome());
        Policy unknownFails = policy("failOn: {severity: critical, unknownSeverity: fail}\n");
        Decision unknown = decide(unknownFails, cve("CVE-1", Severity.UNKNOWN));
        assertEquals(Outcome.BLOCKING, unknown.outcome());
        assertEquals("severity unknown; findings of unknown severity fail (unknownSeverity: fail)", unknown.reason());
    }

    @Test
    void kindsHaveTheirOwnThresholds() throws IOException {
        Policy policy = policy("""
                failOn:
                  severity: high
                  kinds:
                    code: {severity: critical}
                    license: {severity: none}
                """);
        Decision highCode = decide(policy, merged(code("java/sql-injection", Severity.HIGH, "src/A.java", "fp1")));
        assertEquals(Outcome.WARNING, highCode.outcome());
        assertEquals("severity HIGH is below the failing threshold critical for code findings", highCode.reason());
        assertEquals(Outcome.BLOCKING, decide(policy, merged(code("java/xss", Severity.CRITICAL, "src/A.java", "fp2"))).outcome());
        assertEquals(Outcome.BLOCKING, decide(policy, cve("CVE-1", Severity.HIGH)).outcome(), "dependencies keep the general threshold");
        Finding license = new Finding("Trivy", null, FindingKind.LICENSE, "GPL-3.0", Set.of(), Severity.CRITICAL, "test", null, null,
                "pkg:maven/org.example/gpl@1", null, 0, "lic", null, "license", "trivy.json");
        Decision licenseDecision = decide(policy, merged(license));
        assertEquals(Outcome.WARNING, licenseDecision.outcome());
        assertEquals("severity CRITICAL; no severity fails for license findings (severity: none)", licenseDecision.reason());
    }

    @Test
    void theCvssScoreOfThePreferredVersionDecides() throws IOException {
        MergedFinding twoTools = merged(
                dependency("Trivy", "CVE-2024-1", Set.of(), Severity.CRITICAL, "3.1", 9.8, LOG4J),
                dependency("Grype", "CVE-2024-1", Set.of(), Severity.MEDIUM, "4.0", 6.0, LOG4J),
                dependency("OSV-Scanner", "CVE-2024-1", Set.of(), Severity.HIGH, "3.1", 7.5, LOG4J));
        Decision preferring4 = decide(policy("failOn: {cvss: 7.0, cvssVersion: [\"4.0\", \"3.1\"]}\n"), twoTools);
        assertEquals(Outcome.WARNING, preferring4.outcome(), "the score decides, not the severity CRITICAL");
        assertEquals("CVSS 4.0 score 6.0 (Grype) < 7.0, the failing score", preferring4.reason());
        Decision preferring31 = decide(policy("failOn: {cvss: 7.0, cvssVersion: [\"3.1\", \"4.0\"]}\n"), twoTools);
        assertEquals(Outcome.BLOCKING, preferring31.outcome());
        assertEquals("CVSS 3.1 score 9.8 (Trivy) >= 7.0, the failing score", preferring31.reason(), "the highest score of the preferred version");
    }

    @Test
    void aScoreAtTheThresholdFails() throws IOException {
        Policy policy = policy("failOn: {cvss: 7.0}\n");
        assertEquals(Outcome.BLOCKING, decide(policy, merged(dependency("Grype", "CVE-1", Set.of(), Severity.LOW, "3.1", 7.0, LOG4J))).outcome());
        assertEquals(Outcome.WARNING, decide(policy, merged(dependency("Grype", "CVE-1", Set.of(), Severity.CRITICAL, "3.1", 6.9, LOG4J))).outcome());
    }

    @Test
    void unscoredFindingsCountAsThePolicySays() throws IOException {
        MergedFinding unscored = cve("CVE-1", Severity.LOW);
        Decision fail = decide(policy("failOn: {cvss: 7.0, unscored: fail}\n"), unscored);
        assertEquals(Outcome.BLOCKING, fail.outcome());
        assertEquals("no CVSS score of version 4.0, 3.1, 3.0, 2.0, unversioned; unscored findings fail (unscored: fail)", fail.reason());
        assertEquals(Outcome.WARNING, decide(policy("failOn: {cvss: 7.0, unscored: warn}\n"), cve("CVE-1", Severity.CRITICAL)).outcome());
        Decision bySeverity = decide(policy("failOn: {cvss: 7.0, severity: high}\n"), cve("CVE-1", Severity.HIGH));
        assertEquals(Outcome.BLOCKING, bySeverity.outcome());
        assertTrue(bySeverity.reason().endsWith("so judged by severity: severity HIGH is at or above the failing threshold high"), bySeverity.reason());

        // A score of an unlisted version does not count: the finding is unscored for this policy.
        MergedFinding only2 = merged(dependency("DC", "CVE-1", Set.of(), Severity.LOW, "2.0", 9.3, LOG4J));
        assertEquals(Outcome.BLOCKING, decide(policy("failOn: {cvss: 7.0, cvssVersion: [\"3.1\"], unscored: fail}\n"), only2).outcome());
        assertEquals(Outcome.WARNING, decide(policy("failOn: {cvss: 9.5, cvssVersion: [\"3.1\", \"2.0\"], unscored: fail}\n"), only2).outcome());

        // SARIF security-severity has no version: "unversioned" says whether it counts.
        MergedFinding sarif = merged(new Finding("CodeQL", null, FindingKind.CODE, "java/xss", Set.of(), Severity.HIGH, "security-severity 8.8",
                null, 8.8, null, "src/A.java", 3, "fp", null, "xss", "codeql.sarif"));
        Decision unversioned = decide(policy("failOn: {cvss: 8.0}\n"), sarif);
        assertEquals(Outcome.BLOCKING, unversioned.outcome());
        assertEquals("CVSS score 8.8 (CodeQL) >= 8.0, the failing score", unversioned.reason());
        assertEquals(Outcome.WARNING, decide(policy("failOn: {cvss: 8.0, cvssVersion: [\"3.1\"], unscored: warn}\n"), sarif).outcome());
    }

    // --- exceptions

    private static String exception(String selectors, String expires) {
        return "exceptions:\n  entries:\n    - " + selectors.strip().replace("\n", "\n      ") + "\n"
                + "      justification: vulnerable_code_not_in_execute_path\n      reason: JNDI disabled\n      approvedBy: alice@example.com\n"
                + "      expires: " + expires + "\n";
    }

    private Outcome withException(String selectors, MergedFinding finding) throws IOException {
        return decide(policy(exception(selectors, "2026-12-31")), finding).outcome();
    }

    @Test
    void anExceptionMatchesByIdIgnoringCaseAndByAlias() throws IOException {
        Decision decision = decide(policy(exception("id: cve-2021-44228\nticket: SEC-123", "2026-12-31")), log4j(Severity.CRITICAL));
        assertEquals(Outcome.EXCEPTED, decision.outcome());
        assertEquals("cve-2021-44228", decision.exceptionId());
        assertEquals("excepted by cve-2021-44228 until 2026-12-31 (vulnerable_code_not_in_execute_path): JNDI disabled; approved by alice@example.com, SEC-123",
                decision.reason());
        assertEquals(Outcome.EXCEPTED, withException("id: GHSA-jfh8-c2jp-5v3q", log4j(Severity.CRITICAL)), "an alias of the finding");
        MergedFinding aliasFromAnotherTool = merged(dependency("Trivy", "CVE-2021-44228", Set.of(), Severity.CRITICAL, null, null, LOG4J),
                dependency("OSV-Scanner", "GHSA-jfh8-c2jp-5v3q", Set.of("CVE-2021-44228"), Severity.CRITICAL, null, null, LOG4J));
        assertEquals(Outcome.EXCEPTED, withException("id: GHSA-JFH8-C2JP-5V3Q", aliasFromAnotherTool));
        assertEquals(Outcome.BLOCKING, withException("id: CVE-2021-45046", log4j(Severity.CRITICAL)));
    }

    @Test
    void anExceptionMatchesPackagesByVersionRange() throws IOException {
        MergedFinding finding = log4j(Severity.CRITICAL);
        assertEquals(Outcome.EXCEPTED, withException("package: \"pkg:maven/org.apache.logging.log4j/log4j-core@[2.0,2.15)\"", finding));
        assertEquals(Outcome.BLOCKING, withException("package: \"pkg:maven/org.apache.logging.log4j/log4j-core@[2.15,)\"", finding));
        assertEquals(Outcome.EXCEPTED, withException("package: \"org.apache.logging.log4j:log4j-core:(,2.14.1]\"", finding), "the upper bound is included");
        assertEquals(Outcome.BLOCKING, withException("package: \"org.apache.logging.log4j:log4j-core:(,2.14.1)\"", finding), "the upper bound is excluded");
        assertEquals(Outcome.EXCEPTED, withException("package: org.apache.logging.log4j:log4j-core", finding), "no version: every version");
        assertEquals(Outcome.EXCEPTED, withException("package: org.apache.logging.log4j:log4j-core:2.14.1", finding));
        assertEquals(Outcome.BLOCKING, withException("package: org.apache.logging.log4j:log4j-core:2.14", finding), "a bare version is exact");
        assertEquals(Outcome.BLOCKING, withException("package: org.apache.logging.log4j:log4j-api", finding));
        MergedFinding coordinate = merged(dependency("DC", "CVE-2021-44228", Set.of(), Severity.CRITICAL, null, null, "org.apache.logging.log4j:log4j-core:2.14.1"));
        assertEquals(Outcome.EXCEPTED, withException("package: \"pkg:maven/org.apache.logging.log4j/log4j-core@[2.0,2.15)\"", coordinate),
                "a purl selector matches a component given as a Maven coordinate");
        MergedFinding npm = merged(dependency("Trivy", "CVE-2024-2", Set.of(), Severity.HIGH, null, null, "pkg:npm/lodash@4.17.20"));
        assertEquals(Outcome.EXCEPTED, withException("package: \"pkg:npm/lodash@[4.0.0,4.17.21)\"", npm));
        assertEquals(Outcome.BLOCKING, withException("package: \"pkg:npm/lodash@[4.0.0,4.17.21)\"", log4j(Severity.HIGH)));
    }

    @Test
    void everySelectorGivenMustMatch() throws IOException {
        MergedFinding finding = log4j(Severity.CRITICAL);
        assertEquals(Outcome.EXCEPTED, withException("id: CVE-2021-44228\npackage: org.apache.logging.log4j:log4j-core", finding));
        assertEquals(Outcome.BLOCKING, withException("id: CVE-2021-44228\npackage: org.example:other", finding));
        assertEquals(Outcome.BLOCKING, withException("id: CVE-2021-44228\npath: \"src/**\"", finding), "a dependency finding has no path");
    }

    @Test
    void ruleMatchesTheRuleOfCodeFindingsOnly() throws IOException {
        MergedFinding sql = merged(code("java/sql-injection", Severity.HIGH, "src/main/java/A.java", "fp1"));
        assertEquals(Outcome.EXCEPTED, withException("rule: java/sql-injection", sql));
        assertEquals(Outcome.BLOCKING, withException("rule: java/xss", sql));
        assertEquals(Outcome.BLOCKING, withException("rule: CVE-2021-44228", log4j(Severity.HIGH)), "a rule is not a vulnerability id");
        assertEquals(Outcome.BLOCKING, withException("rule: CWE-89", sql), "aliases are for the id selector");
    }

    @Test
    void pathsMatchAsGlobs() throws IOException {
        String generated = "rule: java/sql-injection\npath: \"src/main/generated/**\"";
        assertEquals(Outcome.EXCEPTED, withException(generated, merged(code("java/sql-injection", Severity.HIGH, "src/main/generated/a/Q.java", "f"))));
        assertEquals(Outcome.EXCEPTED, withException(generated, merged(code("java/sql-injection", Severity.HIGH, "./src\\main\\generated\\Q.java", "f"))),
                "normalized: no ./, forward slashes");
        assertEquals(Outcome.EXCEPTED, withException(generated,
                merged(code("java/sql-injection", Severity.HIGH, "file:///home/ci/work/app/src/main/generated/Q.java", "f"))), "an absolute path of a checkout");
        assertEquals(Outcome.BLOCKING, withException(generated, merged(code("java/sql-injection", Severity.HIGH, "src/main/java/Q.java", "f"))));
        String oneLevel = "path: \"src/*/Q.java\"";
        assertEquals(Outcome.EXCEPTED, withException(oneLevel, merged(code("r", Severity.HIGH, "src/main/Q.java", "f"))));
        assertEquals(Outcome.BLOCKING, withException(oneLevel, merged(code("r", Severity.HIGH, "src/main/java/Q.java", "f"))), "* stays in one folder");
        String anyTest = "path: \"**/*Test.java\"";
        assertEquals(Outcome.EXCEPTED, withException(anyTest, merged(code("r", Severity.HIGH, "ATest.java", "f"))), "**/ also matches no folder");
        assertEquals(Outcome.EXCEPTED, withException(anyTest, merged(code("r", Severity.HIGH, "a/b/ATest.java", "f"))));
        assertEquals(Outcome.BLOCKING, withException(anyTest, merged(code("r", Severity.HIGH, "a/b/ATest.javax", "f"))));
    }

    @Test
    void fingerprintsMatchAnyEvidence() throws IOException {
        MergedFinding twoTools = merged(code("java/sql-injection", Severity.HIGH, "src/A.java", "CodeQL:abc"),
                code("java/sql-injection", Severity.HIGH, "src/A.java", "Semgrep:def"));
        assertEquals(Outcome.EXCEPTED, withException("fingerprint: \"Semgrep:def\"", twoTools));
        assertEquals(Outcome.BLOCKING, withException("fingerprint: \"Semgrep:xyz\"", twoTools));
    }

    @Test
    void anExceptionIsInForceUntilTheEndOfItsExpiryDay() throws IOException {
        Policy policy = policy(exception("id: CVE-2021-44228", "2026-10-31"));
        PolicyEvaluation lastDay = evaluate(policy, List.of(log4j(Severity.CRITICAL)), LocalDate.of(2026, 10, 31));
        assertEquals(Outcome.EXCEPTED, only(lastDay).outcome());
        ExceptionStatus expiring = lastDay.exceptions().get(0);
        assertEquals(ExceptionState.EXPIRING, expiring.state());
        assertEquals("expires at the end of today, 2026-10-31", expiring.message());
        assertTrue(lastDay.passed(), "expiring warns, it does not fail");

        PolicyEvaluation dayAfter = evaluate(policy, List.of(log4j(Severity.CRITICAL)), LocalDate.of(2026, 11, 1));
        Decision blocked = only(dayAfter);
        assertEquals(Outcome.BLOCKING, blocked.outcome());
        assertEquals("exception CVE-2021-44228 expired on 2026-10-31; severity CRITICAL is at or above the failing threshold high", blocked.reason());
        assertEquals("CVE-2021-44228", blocked.exceptionId());
        ExceptionStatus expired = dayAfter.exceptions().get(0);
        assertEquals(ExceptionState.EXPIRED, expired.state());
        assertTrue(expired.violation());
        assertEquals("expired on 2026-10-31 (1 day ago)", expired.message());
        assertEquals(1, dayAfter.violations().size());
        assertTrue(dayAfter.violations().get(0).startsWith("exception CVE-2021-44228 (id CVE-2021-44228, approved by alice@example.com) expired on 2026-10-31"),
                dayAfter.violations().get(0));

        PolicyEvaluation monthAfter = evaluate(policy, List.of(cve("CVE-9", Severity.LOW)), LocalDate.of(2026, 12, 1));
        assertEquals("expired on 2026-10-31 (31 days ago)", monthAfter.exceptions().get(0).message());
        assertFalse(monthAfter.passed(), "an expired exception fails the build even when it matches nothing any more");
        assertEquals(0, monthAfter.exceptions().get(0).matched());
    }

    @Test
    void anExpiredExceptionOnAFindingBelowTheThresholdLeavesAWarning() throws IOException {
        Policy policy = policy(exception("id: CVE-2021-44228", "2026-10-01"));
        Decision decision = only(evaluate(policy, List.of(log4j(Severity.LOW)), TODAY));
        assertEquals(Outcome.WARNING, decision.outcome());
        assertTrue(decision.reason().startsWith("exception CVE-2021-44228 expired on 2026-10-01; "), decision.reason());
    }

    @Test
    void exceptionsExpiringSoonWarn() throws IOException {
        Policy policy = policy(exception("id: CVE-2021-44228", "2026-10-29") + "  expiringWithinDays: 14\n");
        PolicyEvaluation inside = evaluate(policy, List.of(log4j(Severity.HIGH)), LocalDate.of(2026, 10, 15));
        assertEquals(ExceptionState.EXPIRING, inside.exceptions().get(0).state());
        assertEquals("expires on 2026-10-29 (in 14 days)", inside.exceptions().get(0).message());
        assertEquals(1, inside.warnings().size());
        assertTrue(inside.warnings().get(0).contains("expires on 2026-10-29 (in 14 days); then the 1 finding it clears count again"), inside.warnings().get(0));
        assertTrue(inside.violations().isEmpty());

        PolicyEvaluation outside = evaluate(policy, List.of(log4j(Severity.HIGH)), LocalDate.of(2026, 10, 14));
        ExceptionStatus used = outside.exceptions().get(0);
        assertEquals(ExceptionState.USED, used.state());
        assertEquals("in force until 2026-10-29", used.message());
        assertEquals(1, used.matched());
        assertTrue(outside.warnings().isEmpty());
    }

    @Test
    void unusedExceptionsAreReportedAndCanFail() throws IOException {
        String entry = exception("id: CVE-2020-1", "2026-12-31");
        PolicyEvaluation warned = evaluate(policy(entry), List.of(log4j(Severity.LOW)), TODAY);
        ExceptionStatus unused = warned.exceptions().get(0);
        assertEquals(ExceptionState.UNUSED, unused.state());
        assertFalse(unused.violation());
        assertEquals(0, unused.matched());
        assertEquals(List.of("exception CVE-2020-1 (id CVE-2020-1, approved by alice@example.com) matched no finding: remove it if it is stale"),
                warned.warnings());
        assertTrue(warned.passed());

        PolicyEvaluation failed = evaluate(policy(entry + "  failOnUnused: true\n"), List.of(log4j(Severity.LOW)), TODAY);
        assertTrue(failed.exceptions().get(0).violation());
        assertEquals(1, failed.violations().size());
        assertTrue(failed.violations().get(0).endsWith("(exceptions.failOnUnused)"));
        assertFalse(failed.passed());
    }

    @Test
    void anExceptionInForceWinsOverAnExpiredOne() throws IOException {
        Policy policy = policy(exception("id: CVE-2021-44228", "2026-10-01")
                + "    - package: org.apache.logging.log4j:log4j-core\n      name: log4j\n      justification: risk_accepted\n      reason: upgrade planned\n"
                + "      approvedBy: bob\n      expires: 2026-12-31\n");
        PolicyEvaluation evaluation = evaluate(policy, List.of(log4j(Severity.CRITICAL)), TODAY);
        assertEquals(Outcome.EXCEPTED, only(evaluation).outcome());
        assertEquals("log4j", only(evaluation).exceptionId());
        assertEquals(ExceptionState.EXPIRED, evaluation.exceptions().get(0).state());
        assertEquals(1, evaluation.exceptions().get(0).matched());
        assertEquals(ExceptionState.USED, evaluation.exceptions().get(1).state());
        assertFalse(evaluation.passed(), "the expired exception is still a violation");
    }

    @Test
    void maxLifetimeShortensAnExceptionForTheSeverityItMatches() throws IOException {
        Policy policy = policy("""
                exceptions:
                  expiringWithinDays: 5
                  maxLifetimeDays: {critical: 30, high: 90}
                  entries:
                    - id: CVE-2021-44228
                      justification: vulnerable_code_not_present
                      reason: not used
                      approvedBy: alice
                      approvedOn: 2026-10-01
                      expires: 2026-12-15
                """);
        PolicyEvaluation high = evaluate(policy, List.of(log4j(Severity.HIGH)), LocalDate.of(2026, 11, 5));
        assertEquals(Outcome.EXCEPTED, only(high).outcome(), "75 days are allowed for HIGH");
        assertEquals(ExceptionState.USED, high.exceptions().get(0).state());

        PolicyEvaluation criticalEarly = evaluate(policy, List.of(log4j(Severity.CRITICAL)), LocalDate.of(2026, 10, 20));
        assertEquals(Outcome.EXCEPTED, only(criticalEarly).outcome());
        assertEquals(LocalDate.of(2026, 10, 31), criticalEarly.exceptions().get(0).expires());
        assertTrue(criticalEarly.warnings().get(0).endsWith("says it expires on 2026-12-15, but CRITICAL findings may be excepted for at most 30 days"
                + " after approval on 2026-10-01: it ends on 2026-10-31"), criticalEarly.warnings().get(0));

        PolicyEvaluation criticalLate = evaluate(policy, List.of(log4j(Severity.CRITICAL)), LocalDate.of(2026, 11, 5));
        assertEquals(Outcome.BLOCKING, only(criticalLate).outcome());
        ExceptionStatus expired = criticalLate.exceptions().get(0);
        assertEquals(ExceptionState.EXPIRED, expired.state());
        assertEquals("expired on 2026-10-31 (5 days ago): CRITICAL findings may be excepted for at most 30 days after approval on 2026-10-01",
                expired.message());
    }

    // --- VEX and suppressions

    private static VexStatement vex(String vulnerability, Set<String> aliases, Set<String> products, VexStatus status) {
        return new VexStatement(vulnerability, aliases, products, status, status == VexStatus.NOT_AFFECTED ? "vulnerable_code_not_present" : null,
                "the JNDI lookup class is removed", "vex.openvex.json");
    }

    private static Decision withVex(MergedFinding finding, VexStatement... statements) {
        return only(new PolicyEvaluator(Policy.defaults()).evaluate(List.of(finding), List.of(statements), TODAY));
    }

    @Test
    void vexStatementsClearFindingsOfTheirProducts() {
        MergedFinding finding = log4j(Severity.CRITICAL);
        Decision anyProduct = withVex(finding, vex("CVE-2021-44228", Set.of(), Set.of(), VexStatus.NOT_AFFECTED));
        assertEquals(Outcome.NOT_AFFECTED, anyProduct.outcome());
        assertEquals("not affected per VEX (vulnerable_code_not_present): the JNDI lookup class is removed; from vex.openvex.json", anyProduct.reason());
        assertNull(anyProduct.exceptionId());
        assertEquals(Outcome.NOT_AFFECTED, withVex(finding, vex("GHSA-jfh8-c2jp-5v3q", Set.of(), Set.of(), VexStatus.NOT_AFFECTED)).outcome(),
                "the statement names an alias of the finding");
        assertEquals(Outcome.NOT_AFFECTED, withVex(finding, vex("OSV-1", Set.of("cve-2021-44228"), Set.of(), VexStatus.NOT_AFFECTED)).outcome(),
                "the statement's alias is the finding's id");
        assertEquals(Outcome.NOT_AFFECTED, withVex(finding, vex("CVE-2021-44228", Set.of(),
                Set.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar"), VexStatus.NOT_AFFECTED)).outcome());
        assertEquals(Outcome.NOT_AFFECTED, withVex(finding, vex("CVE-2021-44228", Set.of(),
                Set.of("org.apache.logging.log4j:log4j-core"), VexStatus.NOT_AFFECTED)).outcome(), "no version: every version");
        Decision fixed = withVex(finding, vex("CVE-2021-44228", Set.of(), Set.of(), VexStatus.FIXED));
        assertEquals(Outcome.NOT_AFFECTED, fixed.outcome());
        assertTrue(fixed.reason().startsWith("fixed per VEX"), fixed.reason());
    }

    @Test
    void vexStatementsThatDoNotClear() {
        MergedFinding finding = log4j(Severity.CRITICAL);
        assertEquals(Outcome.BLOCKING, withVex(finding, vex("CVE-2021-44228", Set.of(), Set.of("pkg:maven/org.example/other@1.0"),
                VexStatus.NOT_AFFECTED)).outcome(), "another product");
        assertEquals(Outcome.BLOCKING, withVex(finding, vex("CVE-2021-44228", Set.of(), Set.of(LOG4J.replace("2.14.1", "2.17.1")),
                VexStatus.NOT_AFFECTED)).outcome(), "another version of the product");
        assertEquals(Outcome.BLOCKING, withVex(finding, vex("CVE-2021-45046", Set.of(), Set.of(), VexStatus.NOT_AFFECTED)).outcome(), "another vulnerability");
        assertEquals(Outcome.BLOCKING, withVex(finding, vex("CVE-2021-44228", Set.of(), Set.of(), VexStatus.UNDER_INVESTIGATION)).outcome());
        Decision affected = withVex(finding, vex("CVE-2021-44228", Set.of(), Set.of(), VexStatus.NOT_AFFECTED),
                vex("CVE-2021-44228", Set.of(), Set.of(), VexStatus.AFFECTED));
        assertEquals(Outcome.BLOCKING, affected.outcome(), "affected outweighs not_affected");
        assertTrue(affected.reason().endsWith("; VEX says affected (vex.openvex.json)"), affected.reason());
    }

    @Test
    void suppressedOnlyWhenAllEvidenceIsSuppressed() {
        Finding codeql = code("java/sql-injection", Severity.HIGH, "src/A.java", "a");
        Finding semgrep = code("java/sql-injection", Severity.HIGH, "src/A.java", "b");
        Decision all = withVex(merged(suppressed(codeql, "false positive"), suppressed(semgrep, "false positive")));
        assertEquals(Outcome.SUPPRESSED, all.outcome());
        assertEquals("suppressed in the report: false positive", all.reason());
        assertEquals(Outcome.BLOCKING, withVex(merged(suppressed(codeql, "false positive"), semgrep)).outcome());
    }

    @Test
    void findingsClearedEarlierDoNotUseAnException() throws IOException {
        Policy policy = policy(exception("id: CVE-2021-44228", "2026-12-31"));
        PolicyEvaluation evaluation = new PolicyEvaluator(policy).evaluate(List.of(log4j(Severity.CRITICAL)),
                List.of(vex("CVE-2021-44228", Set.of(), Set.of(), VexStatus.NOT_AFFECTED)), TODAY);
        assertEquals(Outcome.NOT_AFFECTED, only(evaluation).outcome());
        assertEquals(ExceptionState.UNUSED, evaluation.exceptions().get(0).state(), "the VEX statement made the exception stale");
    }

    // --- the security event log

    @Test
    void everyExceptionIsWrittenToTheEventLog() throws IOException {
        Policy policy = policy(exception("id: CVE-2021-44228", "2026-10-01")
                + "    - id: CVE-2020-1\n      justification: false_positive\n      reason: r\n      approvedBy: bob\n      expires: 2026-12-31\n"
                + "    - id: CVE-2024-3\n      justification: risk_accepted\n      reason: r\n      approvedBy: carol\n      expires: 2026-10-20\n");
        PolicyEvaluation evaluation = evaluate(policy, List.of(log4j(Severity.HIGH), cve("CVE-2024-3", Severity.HIGH)), TODAY);
        Path file = dir.resolve("target/secure-build/security-events.jsonl");
        ExceptionEvents.append(new EventLog(file, Clock.fixed(Instant.parse("2026-10-15T12:00:00Z"), ZoneOffset.UTC)), "org.example:app",
                evaluation.exceptions());
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode expired = mapper.readTree(lines.get(0));
        assertEquals("exception.expired", expired.path("type").asText());
        assertEquals("2026-10-15T12:00:00Z", expired.path("time").asText());
        assertEquals("CVE-2021-44228", expired.path("exception").asText());
        assertEquals("2026-10-01", expired.path("expires").asText());
        assertEquals("alice@example.com", expired.path("approvedBy").asText());
        assertEquals(1, expired.path("matched").asInt());
        assertEquals("org.example:app", expired.path("project").asText());
        assertEquals("expired on 2026-10-01 (14 days ago)", expired.path("message").asText());
        assertEquals("exception.unused", mapper.readTree(lines.get(1)).path("type").asText());
        assertEquals("exception.expiring", mapper.readTree(lines.get(2)).path("type").asText());
    }
}
