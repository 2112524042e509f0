package dev.securebuild.findings.output;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.ExceptionState;
import dev.securebuild.findings.ExceptionStatus;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.ReadReport;
import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.Severity;

/** Check results built by hand for the output tests: one that fails with every outcome, one that passes. */
final class TestResults {

    static final Instant CHECKED = Instant.parse("2024-03-01T10:15:30Z");
    static final String SCRIPT_MESSAGE = "Writes <script>alert('x')</script> & \"more\" to the page";

    private TestResults() {}

    static Finding dependency(String tool, String id, Set<String> aliases, Severity severity, Double score, String component, String report) {
        return new Finding(tool, "1.0", FindingKind.DEPENDENCY, id, aliases, severity, score == null ? "tool severity" : "CVSS 3.1 " + score,
                score == null ? null : "3.1", score, component, null, 0, tool + ":" + id + ":" + component, null, id + " in " + component, report);
    }

    static Finding code(String tool, String rule, Severity severity, String path, int line, String message, String suppressedBy) {
        return new Finding(tool, "2.15.0", FindingKind.CODE, rule, Set.of(), severity, "SARIF level error", null, null, null, path, line,
                tool + ":" + rule + ":" + path, suppressedBy, message, "target/codeql.sarif");
    }

    static Decision decision(Outcome outcome, String reason, String exceptionId, Finding... evidence) {
        Finding primary = evidence[0];
        String key = primary.component() != null ? primary.id() + "|" + primary.component() : primary.id() + "|" + primary.path();
        return new Decision(new MergedFinding(key, List.of(evidence)), outcome, reason, exceptionId);
    }

    /**
     * Eight merged findings from nine: three blocking (one of them because its exception expired), two warnings, one
     * excepted, one not affected, one suppressed; one policy violation and one warning.
     */
    static CheckResult failing() {
        String log4j = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
        List<Decision> decisions = List.of(
                decision(Outcome.BLOCKING, "severity CRITICAL (CVSS 3.1 10.0) is at or above the threshold HIGH", null,
                        dependency("Trivy", "CVE-2021-44228", Set.of("GHSA-jfh8-c2jp-5v3q"), Severity.CRITICAL, 10.0, log4j, "target/trivy.json"),
                        dependency("Grype", "GHSA-jfh8-c2jp-5v3q", Set.of("CVE-2021-44228"), Severity.CRITICAL, null, log4j, "target/grype.json")),
                decision(Outcome.BLOCKING, "severity HIGH is at or above the threshold HIGH", null,
                        code("CodeQL", "java/xss", Severity.HIGH, "src/main/java/dev/example/Web Page.java", 12, SCRIPT_MESSAGE, null)),
                decision(Outcome.BLOCKING, "exception E-2 expired on 2024-01-31: severity HIGH blocks again", "E-2",
                        dependency("Dependency-Check", "CVE-2022-42003", Set.of(), Severity.HIGH, 7.5,
                                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.3", "target/dependency-check-report.xml")),
                decision(Outcome.WARNING, "severity LOW is below the threshold HIGH", null,
                        dependency("OSV-Scanner", "CVE-2020-8908", Set.of("GHSA-5mg8-w23w-74h3"), Severity.LOW, 3.3,
                                "pkg:maven/com.google.guava/guava@30.1-jre", "target/osv.json")),
                decision(Outcome.WARNING, "severity UNKNOWN counts as a warning", null,
                        new Finding("Trivy", "0.50.0", FindingKind.LICENSE, "GPL-3.0", Set.of(), Severity.UNKNOWN, "no severity", null, null,
                                "pkg:maven/org.example/copyleft@1.0", null, 0, "trivy:license:copyleft", null, "license GPL-3.0", "target/trivy.json")),
                decision(Outcome.EXCEPTED, "cleared by exception E-1 until 2024-03-10", "E-1",
                        dependency("Grype", "CVE-2023-2976", Set.of(), Severity.HIGH, 7.1, "pkg:maven/com.google.guava/guava@30.1-jre",
                                "target/grype.json")),
                decision(Outcome.NOT_AFFECTED, "not_affected (vulnerable_code_not_in_execute_path) by target/vex.openvex.json", null,
                        dependency("Trivy", "CVE-2022-1471", Set.of(), Severity.CRITICAL, 9.8, "pkg:maven/org.yaml/snakeyaml@1.33",
                                "target/trivy.json")),
                decision(Outcome.SUPPRESSED, "suppressed in the report: false positive", null,
                        code("CodeQL", "java/unused-variable", Severity.LOW, "src/main/java/dev/example/Util.java", 3, "unused variable",
                                "false positive")));
        List<ExceptionStatus> exceptions = List.of(
                new ExceptionStatus("E-1", "id CVE-2023-2976 in pkg:maven/com.google.guava/guava", null, "temp files not used on servers", "alice",
                        LocalDate.parse("2024-03-10"), ExceptionState.EXPIRING, 1, false, "expires on 2024-03-10, in 9 days"),
                new ExceptionStatus("E-2", "id CVE-2022-42003", "inline_mitigations_already_exist", "input size limited", "bob",
                        LocalDate.parse("2024-01-31"), ExceptionState.EXPIRED, 1, true, "expired on 2024-01-31, 30 days ago"),
                new ExceptionStatus("E-3", "id CVE-2019-0001", null, "old", "carol", LocalDate.parse("2025-01-01"), ExceptionState.UNUSED, 0, false,
                        "matched no finding"));
        List<ReadReport> reports = List.of(
                new ReadReport("target/trivy.json", ReportFormat.TRIVY, "Trivy", "0.50.0", 3, 0, CHECKED),
                new ReadReport("target/grype.json", ReportFormat.GRYPE, "Grype", "0.74.0", 2, 0, CHECKED),
                new ReadReport("target/codeql.sarif", ReportFormat.SARIF, "CodeQL", "2.15.0", 2, 0, CHECKED),
                new ReadReport("target/dependency-check-report.xml", ReportFormat.DEPENDENCY_CHECK_XML, "Dependency-Check", "9.0.9", 1, 0, CHECKED),
                new ReadReport("target/osv.json", ReportFormat.OSV_SCANNER, "OSV-Scanner", null, 1, 0, CHECKED),
                new ReadReport("target/vex.openvex.json", ReportFormat.OPENVEX, "OpenVEX", null, 0, 1, CHECKED));
        return new CheckResult(false, CHECKED, "src/secure-build/policy.yaml", reports, 9, decisions, exceptions,
                List.of("exception E-2 (id CVE-2022-42003) expired on 2024-01-31, 30 days ago: renew it or fix the finding"),
                List.of("exception E-1 expires on 2024-03-10, in 9 days"));
    }

    /** One warning, nothing blocks. */
    static CheckResult passing() {
        return new CheckResult(true, CHECKED, "default policy",
                List.of(new ReadReport("target/osv.json", ReportFormat.OSV_SCANNER, "OSV-Scanner", "1.7.0", 1, 0, CHECKED)), 1,
                List.of(decision(Outcome.WARNING, "severity LOW is below the threshold HIGH", null,
                        dependency("OSV-Scanner", "CVE-2020-8908", Set.of(), Severity.LOW, 3.3, "pkg:maven/com.google.guava/guava@30.1-jre",
                                "target/osv.json"))),
                List.of(), List.of(), List.of());
    }

    /** {@code count} blocking findings, for the length limits. */
    static CheckResult manyBlocking(int count) {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            decisions.add(decision(Outcome.BLOCKING, "severity HIGH is at or above the threshold HIGH and this reason is long enough to need cutting "
                    + "because nobody reads a line of two hundred characters in a build log, least of all on a small terminal", null,
                    dependency("Trivy", "CVE-2024-" + (1000 + i), Set.of(), Severity.HIGH, 7.5,
                            "pkg:maven/org.example.some.very.long.group.name/artifact-with-a-long-name-" + i + "@1.0.0-SNAPSHOT", "target/trivy.json")));
        }
        return new CheckResult(false, CHECKED, "default policy", List.of(), count, decisions, List.of(), List.of(), List.of());
    }
}
