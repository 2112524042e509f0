package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.Severity;
import dev.securebuild.findings.read.SarifReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official SARIF 2.1.0 JSON schema is in no artifact this build can reach offline, so the checks here are GitHub
 * code scanning's documented requirements, by hand: version and $schema, runs[].tool.driver.name, per result a
 * ruleId, message.text and a physical location with a uri and a start line of at least 1; rule ids unique, ruleIndex
 * pointing at the rule of the same id, security-severity a number in a string.
 */
class SarifWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path all;
    private Path blocking;

    @BeforeEach
    void write() throws IOException {
        SarifWriter writer = new SarifWriter("0.1.0-test");
        all = dir.resolve("findings.sarif");
        blocking = dir.resolve("blocking.sarif");
        try (OutputStream out = Files.newOutputStream(all)) {
            writer.writeAll(TestResults.failing(), out);
        }
        try (OutputStream out = Files.newOutputStream(blocking)) {
            writer.writeBlocking(TestResults.failing(), out);
        }
    }

    private static JsonNode run(Path file) throws IOException {
        JsonNode log = MAPPER.readTree(file.toFile());
        assertEquals("2.1.0", log.get("version").asText());
        assertTrue(log.get("$schema").asText().endsWith("sarif-schema-2.1.0.json"));
        assertEquals(1, log.get("runs").size());
        return log.get("runs").get(0);
    }

    /** What GitHub code scanning requires of every upload. */
    private static void assertGitHubAccepts(JsonNode run) {
        assertEquals("secure-build", run.at("/tool/driver/name").asText());
        assertEquals("0.1.0-test", run.at("/tool/driver/version").asText());
        JsonNode rules = run.at("/tool/driver/rules");
        Set<String> ruleIds = new HashSet<>();
        for (JsonNode rule : rules) {
            assertTrue(ruleIds.add(rule.get("id").asText()), "rule ids are unique: " + rule.get("id"));
            assertFalse(rule.at("/shortDescription/text").asText().isBlank());
            assertFalse(rule.at("/help/text").asText().isBlank());
            assertEquals("security", rule.at("/properties/tags/0").asText());
            JsonNode score = rule.at("/properties/security-severity");
            if (!score.isMissingNode()) {
                assertTrue(score.isTextual(), "security-severity is a string");
                double value = Double.parseDouble(score.asText());
                assertTrue(value > 0 && value <= 10, score.asText());
            }
        }
        for (JsonNode result : run.get("results")) {
            String ruleId = result.get("ruleId").asText();
            assertFalse(ruleId.isBlank());
            assertEquals(ruleId, rules.get(result.get("ruleIndex").asInt()).get("id").asText(), "ruleIndex points at the rule");
            assertTrue(Set.of("error", "warning", "note").contains(result.get("level").asText()));
            assertFalse(result.at("/message/text").asText().isBlank());
            JsonNode location = result.at("/locations/0/physicalLocation");
            assertFalse(location.at("/artifactLocation/uri").asText().isBlank());
            assertTrue(location.at("/region/startLine").asInt() >= 1);
            assertFalse(result.at("/partialFingerprints/secureBuild~1v1").asText().isBlank());
        }
    }

    @Test
    void bothFilesMeetGitHubsRequirements() throws IOException {
        JsonNode everything = run(all);
        JsonNode onlyBlocking = run(blocking);
        assertGitHubAccepts(everything);
        assertGitHubAccepts(onlyBlocking);
        assertNotEquals(everything.at("/automationDetails/id").asText(), onlyBlocking.at("/automationDetails/id").asText(),
                "two categories, so that both files can be uploaded");
    }

    @Test
    void findingsSarifHoldsEverythingAndSuppressesTheClearedOnesWithTheirJustification() throws IOException {
        JsonNode results = run(all).get("results");
        assertEquals(8, results.size());
        assertEquals(List.of("error", "error", "error", "warning", "warning", "note", "note", "note"),
                results.findValues("level").stream().map(JsonNode::asText).toList());
        for (int i = 0; i < 5; i++) {
            assertTrue(results.get(i).path("suppressions").isMissingNode(), "blocking and warning results are not suppressed");
        }
        JsonNode excepted = results.get(5).at("/suppressions/0");
        assertEquals("external", excepted.get("kind").asText());
        assertEquals("accepted", excepted.get("status").asText());
        assertEquals("exception E-1: temp files not used on servers (approved by alice, expires 2024-03-10)", excepted.get("justification").asText());
        JsonNode vex = results.get(6).at("/suppressions/0");
        assertEquals("external", vex.get("kind").asText());
        assertTrue(vex.get("justification").asText().startsWith("VEX: not_affected"));
        JsonNode inSource = results.get(7).at("/suppressions/0");
        assertEquals("inSource", inSource.get("kind").asText());
        assertEquals("false positive", inSource.get("justification").asText());
    }

    @Test
    void blockingSarifHoldsOnlyWhatBlocksAndNoSuppressions() throws IOException {
        JsonNode run = run(blocking);
        JsonNode results = run.get("results");
        assertEquals(3, results.size());
        for (JsonNode result : results) {
            assertEquals("error", result.get("level").asText());
            assertEquals("blocking", result.at("/properties/outcome").asText());
        }
        assertTrue(MAPPER.readTree(blocking.toFile()).findValues("suppressions").isEmpty());
        assertEquals(3, run.at("/tool/driver/rules").size(), "rules only for what is reported");
        assertEquals("error", run.at("/invocations/0/toolConfigurationNotifications/0/level").asText(), "the expired exception is told");
    }

    @Test
    void locationsMessagesAndScores() throws IOException {
        JsonNode run = run(all);
        JsonNode log4j = run.get("results").get(0);
        assertEquals("pom.xml", log4j.at("/locations/0/physicalLocation/artifactLocation/uri").asText(), "a dependency has no file of its own");
        assertEquals(1, log4j.at("/locations/0/physicalLocation/region/startLine").asInt());
        String message = log4j.at("/message/text").asText();
        assertTrue(message.startsWith("CVE-2021-44228 (critical) in pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"), message);
        assertTrue(message.contains("Reported by Trivy, Grype."), message);
        assertTrue(message.contains("Blocking: severity CRITICAL"), message);
        assertTrue(message.contains("pom.xml because the finding names no file"), message);
        assertEquals("CVE-2021-44228|pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", log4j.at("/fingerprints/secureBuild~1v1").asText());

        JsonNode xss = run.get("results").get(1);
        assertEquals("src/main/java/dev/example/Web%20Page.java", xss.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(12, xss.at("/locations/0/physicalLocation/region/startLine").asInt());

        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals("10.0", rules.get(log4j.get("ruleIndex").asInt()).at("/properties/security-severity").asText(), "the CVSS score");
        assertEquals("8.0", rules.get(xss.get("ruleIndex").asInt()).at("/properties/security-severity").asText(), "high without a score");
        assertEquals("7.5", rules.get(run.get("results").get(2).get("ruleIndex").asInt()).at("/properties/security-severity").asText());
        assertTrue(rules.get(run.get("results").get(4).get("ruleIndex").asInt()).at("/properties/security-severity").isMissingNode(),
                "an unknown severity gets no score");
        assertEquals("license", rules.get(run.get("results").get(4).get("ruleIndex").asInt()).at("/properties/tags/1").asText());
    }

    @Test
    void ourOwnSarifReaderReadsItBack() throws IOException {
        List<Finding> everything = new SarifReader().read(all);
        assertEquals(8, everything.size());
        assertEquals(5, everything.stream().filter(f -> f.suppressedBy() == null).count(), "blocking and warnings are not suppressed");
        assertTrue(everything.stream().allMatch(f -> f.tool().equals("secure-build")));
        List<Finding> onlyBlocking = new SarifReader().read(blocking);
        assertEquals(3, onlyBlocking.size());
        assertEquals(List.of(Severity.CRITICAL, Severity.HIGH, Severity.HIGH), onlyBlocking.stream().map(Finding::severity).toList(),
                "security-severity carries the severity the policy decided on");
        assertEquals("src/main/java/dev/example/Web%20Page.java", onlyBlocking.get(1).path());
        assertEquals(12, onlyBlocking.get(1).line());
    }

    @Test
    void absolutePathsBecomeFileUris() {
        assertEquals("file:///work/src/A.java", SarifWriter.uri("/work/src/A.java"));
        assertEquals("src/main/A.java", SarifWriter.uri("src\\main\\A.java"));
        assertEquals("file:///already/a/uri", SarifWriter.uri("file:///already/a/uri"));
    }
}
