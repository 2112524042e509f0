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
        assertEquals(0, read("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\"}},\"results\":[]}]}").size());
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

    private String refused(String json) {
        return assertThrows(ReportParseException.class, () -> read(json)).getMessage();
    }

    private static final String CLEAN_RUN = "{\"tool\":{\"driver\":{\"name\":\"Semgrep\"}},\"results\":[]}";

    @Test
    void aLogWithoutRunsOrARunWithoutResultsIsNotACleanScan() throws IOException {
        String noResults = refused("{\"version\":\"2.1.0\",\"runs\":[" + CLEAN_RUN + ",\n {\"tool\":{\"driver\":{\"name\":\"CodeQL\"}}}]}");
        assertTrue(noResults.contains("report.sarif at line 2, column 2: runs[1] (tool CodeQL) has no \"results\" array")
                && noResults.contains("§3.14.23"), noResults);
        String nullResults = refused("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\"}},\"results\":null}]}");
        assertTrue(nullResults.contains("runs[0] (tool CodeQL) has no \"results\" array"), nullResults);
        assertTrue(refused("{\"version\":\"2.1.0\",\"runs\":[]}").contains("an empty \"runs\" array"));
        assertTrue(refused("{\"version\":\"2.1.0\",\"runs\":null}").contains("no \"runs\" array"));
        assertTrue(refused("{\"version\":\"2.1.0\"}").contains("no \"runs\" array"));
        assertTrue(refused("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\"}},\"results\":{}}]}")
                .contains("\"results\" must be an array"));
        assertEquals(0, read("{\"version\":\"2.1.0\",\"runs\":[" + CLEAN_RUN + "]}").size(), "results: [] is a clean scan");
        String notAResult = refused(withResult("1, {\"ruleId\":\"r\",\"level\":\"error\"}"));
        assertTrue(notAResult.contains("line 2, column 12: expected a result object"), "what follows is never dropped: " + notAResult);
        assertTrue(refused("{\"version\":\"2.1.0\",\"runs\":[null, " + CLEAN_RUN + "]}").contains("expected a run object"));
    }

    @Test
    void aRunWhoseToolFailedIsRefusedWithTheToolsEscapedErrors() throws IOException {
        String failed = refused("""
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"SpotBugs"}},"results":[],
                  "invocations":[{"exitCode":3,"executionSuccessful":false,
                    "toolExecutionNotifications":[{"level":"error","message":{"text":"out of memory\\n[INFO] BUILD SUCCESS"}},
                                                  {"level":"note","message":{"text":"a note is not an error"}}],
                    "toolConfigurationNotifications":[{"level":"error","message":{"text":"Classes needed for analysis were missing"}}]}]}]}
                """);
        assertTrue(failed.contains("report.sarif at line 1, column 28: runs[0] (tool SpotBugs): the tool reports that it did not run successfully "
                + "(\"executionSuccessful\": false, exit code 3); its errors: \"out of memory\\n[INFO] BUILD SUCCESS\"; "
                + "\"Classes needed for analysis were missing\""), failed);
        assertTrue(!failed.contains("\n") && !failed.contains("a note"), failed);
        assertTrue(refused("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\"}},\"results\":[],"
                + "\"invocations\":[{\"executionSuccessful\":\"false\"}]}]}").contains("expected true or false"));
        String succeeded = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\"}},\"results\":[],"
                + "\"invocations\":[{\"executionSuccessful\":true}]}]}";
        assertEquals(0, read(succeeded).size(), "a successful invocation with results: [] is a clean scan");
    }

    private static String withResult(String result) {
        return "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\"}},\n\"results\":[" + result + "]}]}";
    }

    @Test
    void aRejectedOrUnderReviewSuppressionKeepsTheFindingWhateverTheOthersSay() throws IOException {
        String accepted = "{\"kind\":\"external\",\"status\":\"accepted\",\"justification\":\"triaged\"}";
        for (String other : List.of("rejected", "underReview")) {
            String both = withResult("{\"ruleId\":\"r\",\"message\":{\"text\":\"m\"},\"suppressions\":[" + accepted
                    + ",{\"kind\":\"external\",\"status\":\"" + other + "\"}]}");
            assertNull(read(both).get(0).suppressedBy(), other + " beside accepted: not suppressed");
        }
        assertEquals("triaged", read(withResult("{\"ruleId\":\"r\",\"suppressions\":[" + accepted + ",{\"kind\":\"inSource\"}]}"))
                .get(0).suppressedBy(), "accepted and no status (accepted): suppressed");
        String odd = refused(withResult("{\"ruleId\":\"r\",\"suppressions\":[{\"status\":\"Accepted\"}]}"));
        assertTrue(odd.contains("line 2, column 12: a suppression's \"status\" is \"Accepted\"; expected one of accepted, underReview, rejected"), odd);
    }

    @Test
    void levelsAndKindsOutsideTheSpecificationAreRefusedWithThePlace() throws IOException {
        for (String level : List.of("\"ERROR\"", "\"critical\"", "\"banana\"", "5")) {
            String message = refused(withResult("{\"ruleId\":\"r\",\"level\":" + level + "}"));
            assertTrue(message.contains("report.sarif at line 2, column 12: a result's \"level\" is " + level
                    + "; expected one of none, note, warning, error"), message);
        }
        String rule = refused("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\",\"rules\":["
                + "{\"id\":\"r\",\"defaultConfiguration\":{\"level\":\"High\"}}]}},\"results\":[]}]}");
        assertTrue(rule.contains("at line 1, column 36: the tool's rule r: its defaultConfiguration's \"level\" is \"High\""), rule);
        String kind = refused(withResult("{\"ruleId\":\"r\",\"kind\":\"failure\"}"));
        assertTrue(kind.contains("a result's \"kind\" is \"failure\"; expected one of pass, open, informational, notApplicable, review, fail"), kind);
        assertEquals(Severity.HIGH, read(withResult("{\"ruleId\":\"r\",\"level\":\"error\"}")).get(0).severity());
    }
}
