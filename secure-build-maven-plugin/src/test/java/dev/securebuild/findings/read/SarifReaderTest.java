package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReaderTest {

    @TempDir
    Path dir;

    private List<Finding> read(String json) throws IOException {
        return new SarifReader().read(Files.writeString(dir.resolve("report.sarif"), json));
    }

    private static final String RULES = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL","semanticVersion":"2.15.0","rules":[
              {"id":"java/sql-injection","properties":{"security-severity":"8.8","tags":["security","external/cwe/cwe-089"]}},
              {"id":"java/unused","defaultConfiguration":{"level":"note"}},
              {"id":"odd/text-severity","properties":{"security-severity":"MEDIUM"}}]}},
             "results":[
              {"ruleId":"java/sql-injection","level":"error","message":{"text":"Query built from user input.\\nMore."},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/main/java/A.java"},"region":{"startLine":42}}}],
               "partialFingerprints":{"primaryLocationLineHash":"abc123:1"}},
              {"ruleIndex":1,"message":{"text":"unused variable"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/main/java/B.java"},"region":{"startLine":7}}}]},
              {"ruleId":"odd/text-severity","message":{"text":"x"}},
              {"ruleId":"java/unused","kind":"pass","message":{"text":"not a finding"}},
              {"ruleId":"java/unused","message":{"text":"suppressed"},"suppressions":[{"kind":"inSource","justification":"false positive"}]},
              {"ruleId":"java/unused","message":{"text":"under review"},"suppressions":[{"kind":"external","status":"underReview"}]}
             ]}]}
            """;

    @Test
    void severitiesComeFromSecuritySeverityThenLevel() throws IOException {
        List<Finding> findings = read(RULES);
        assertEquals(5, findings.size(), "the result of kind pass is not a finding");
        Finding sql = findings.get(0);
        assertEquals("CodeQL", sql.tool());
        assertEquals("2.15.0", sql.toolVersion());
        assertEquals(FindingKind.CODE, sql.kind());
        assertEquals(Severity.HIGH, sql.severity());
        assertEquals("security-severity 8.8", sql.severitySource());
        assertEquals(8.8, sql.cvssScore());
        assertEquals(Set.of("CWE-89"), sql.aliases());
        assertEquals("src/main/java/A.java", sql.path());
        assertEquals(42, sql.line());
        assertEquals("CodeQL:abc123:1", sql.fingerprint());
        assertEquals("Query built from user input.", sql.message());
        Finding unused = findings.get(1);
        assertEquals("java/unused", unused.id(), "rule found by its index");
        assertEquals(Severity.LOW, unused.severity());
        assertEquals("SARIF level note", unused.severitySource());
        assertTrue(unused.fingerprint().startsWith("sb:"));
        assertEquals(Severity.MEDIUM, findings.get(2).severity(), "a security-severity written as text is accepted");
        assertEquals("false positive", findings.get(3).suppressedBy(), "no status means accepted");
        assertNull(findings.get(4).suppressedBy(), "only accepted suppressions suppress");
    }

    @Test
    void theFingerprintSurvivesALineShift() throws IOException {
        String shifted = RULES.replace("\"startLine\":7", "\"startLine\":9");
        assertEquals(read(RULES).get(1).fingerprint(), read(shifted).get(1).fingerprint());
    }

    @Test
    void severalRunsNoRunsAndResultsBeforeTheTool() throws IOException {
        assertEquals(0, read("{\"version\":\"2.1.0\",\"runs\":[]}").size());
        assertEquals(0, read("{\"version\":\"2.1.0\"}").size());
        List<Finding> two = read("""
                {"version":"2.1.0","runs":[
                  {"results":[{"ruleId":"CVE-2021-44228","level":"error","message":{"text":"log4j"}}],"tool":{"driver":{"name":"Trivy"}}},
                  {"tool":{"driver":{"name":"Semgrep"}},"results":[{"ruleId":"r","message":{"text":"m"}}]}]}
                """);
        assertEquals(List.of("Trivy", "Semgrep"), two.stream().map(Finding::tool).toList());
        assertEquals(FindingKind.DEPENDENCY, two.get(0).kind());
        assertEquals(Severity.MEDIUM, two.get(1).severity(), "no level anywhere: SARIF's default, warning");
    }

    @Test
    void brokenReportsAreErrorsNamingThePlace() throws IOException {
        ReportParseException truncated = assertThrows(ReportParseException.class, () -> read("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":"));
        assertTrue(truncated.getMessage().matches(".*report\\.sarif at line 1, column \\d+: not valid JSON \\(.*\\)"), truncated.getMessage());
        ReportParseException array = assertThrows(ReportParseException.class, () -> read("[1,2]"));
        assertTrue(array.getMessage().endsWith("report.sarif at line 1, column 2: expected a SARIF log, a JSON object with \"version\" and \"runs\""),
                array.getMessage());
        ReportParseException version = assertThrows(ReportParseException.class, () -> read("{\"version\":\"1.0.0\",\"runs\":[]}"));
        assertTrue(version.getMessage().endsWith("SARIF version 1.0.0; expected 2.1.0"), version.getMessage());
        assertThrows(ReportParseException.class, () -> read("{\"runs\":{}}"));
    }
}
