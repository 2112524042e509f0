package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Severity;

class CodeQualityReportTest {

    private static JsonNode written(CheckResult result) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodeQualityReport.write(result, "app/pom.xml", finding -> "app/" + finding.path(), out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void everyBlockingFindingWarningAndPolicyViolationIsAnIssueWithTheFieldsGitLabReads() throws Exception {
        JsonNode issues = written(TestResults.failing());

        // 3 blocking and 2 warnings of 8 merged findings (3 cleared are left out), and 1 policy violation.
        assertEquals(6, issues.size());
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
                assertTrue(issue.path(field).isTextual() && !issue.path(field).asText().isEmpty(), field + " in " + issue);
            }
            assertTrue(issue.at("/location/path").isTextual(), issue.toString());
            assertTrue(issue.at("/location/lines/begin").asInt() >= 1, issue.toString());
            assertTrue(List.of("info", "minor", "major", "critical", "blocker").contains(issue.path("severity").asText()), issue.toString());
            assertTrue(issue.path("fingerprint").asText().matches("[0-9a-f]{64}"), issue.toString());
            fingerprints.add(issue.path("fingerprint").asText());
        }
        assertEquals(6, fingerprints.size(), "GitLab needs a fingerprint unique in the report");
    }

    @Test
    void aCodeFindingIsPlacedAtItsFileAndLineAndKeepsItsMessageAsText() throws Exception {
        JsonNode xss = find(written(TestResults.failing()), "java/xss");

        assertEquals("app/src/main/java/dev/example/Web Page.java", xss.at("/location/path").asText());
        assertEquals(12, xss.at("/location/lines/begin").asInt());
        assertEquals("critical", xss.path("severity").asText());
        assertTrue(xss.path("description").asText().startsWith("java/xss: " + TestResults.SCRIPT_MESSAGE + " (blocks the build: "),
                xss.path("description").asText());
    }

    @Test
    void aDependencyFindingAndAPolicyViolationArePlacedAtTheModulePom() throws Exception {
        JsonNode issues = written(TestResults.failing());
        JsonNode log4j = find(issues, "CVE-2021-44228");
        JsonNode policy = find(issues, "secure-build/policy");

        assertEquals("app/pom.xml", log4j.at("/location/path").asText());
        assertEquals(1, log4j.at("/location/lines/begin").asInt());
        assertEquals("blocker", log4j.path("severity").asText());
        assertEquals("app/pom.xml", policy.at("/location/path").asText());
        assertEquals("blocker", policy.path("severity").asText());
        assertTrue(policy.path("description").asText().contains("exception E-2"), policy.toString());
    }

    @Test
    void theSameResultGivesTheSameFingerprints() throws Exception {
        assertEquals(fingerprints(written(TestResults.failing())), fingerprints(written(TestResults.failing())));
    }

    @Test
    void severitiesMapToGitLabsFiveLevelsAndAnUnknownOneIsNotMinor() {
        assertEquals("blocker", CodeQualityReport.severity(Severity.CRITICAL));
        assertEquals("critical", CodeQualityReport.severity(Severity.HIGH));
        assertEquals("major", CodeQualityReport.severity(Severity.MEDIUM));
        assertEquals("major", CodeQualityReport.severity(Severity.UNKNOWN));
        assertEquals("minor", CodeQualityReport.severity(Severity.LOW));
        assertEquals("info", CodeQualityReport.severity(Severity.INFO));
    }

    @Test
    void aPassingCheckWithoutWarningsIsAnEmptyArray() throws Exception {
        CheckResult nothing = new CheckResult(true, TestResults.CHECKED, "default policy", List.of(), 0, List.of(), List.of(), List.of(), List.of());

        JsonNode issues = written(nothing);

        assertTrue(issues.isArray());
        assertEquals(0, issues.size());
    }

    private static JsonNode find(JsonNode issues, String checkName) {
        for (JsonNode issue : issues) {
            if (issue.path("check_name").asText().equals(checkName)) {
                return issue;
            }
        }
        throw new AssertionError("no issue " + checkName + " in " + issues);
    }

    private static List<String> fingerprints(JsonNode issues) {
        List<String> all = new ArrayList<>();
        issues.forEach(issue -> all.add(issue.path("fingerprint").asText()));
        return all;
    }
}
