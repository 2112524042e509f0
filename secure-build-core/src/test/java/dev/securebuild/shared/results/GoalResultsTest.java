package dev.securebuild.shared.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoalResultsTest {

    @TempDir
    Path folder;

    private static GoalResult sample() {
        return new GoalResult("findings", "check-findings", "g:a", List.of("g:a", "g:b"), "1.0", Instant.parse("2026-12-01T10:15:30.123Z"),
                GoalResult.Verdict.PASS, "PASS: 0 blocking", List.of(new GoalResult.ResultException("CVE-2020-36518", "not reachable",
                "security@example.com", "2099-12-31")), "/x/target/secure-build/findings/findings.json");
    }

    @Test
    void writesTheDocumentedFieldsAndReadsThemBack() throws IOException {
        Path file = GoalResults.write(folder, sample(), dev.securebuild.shared.secrets.KnownSecrets.NONE);
        assertEquals(folder.resolve("check-findings.json"), file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(List.of("format", "check", "goal", "project", "modules", "version", "time", "verdict", "summary", "exceptions", "details"),
                iterate(json));
        assertEquals("secure-build-result/1", json.get("format").asText());
        assertEquals("pass", json.get("verdict").asText());
        assertEquals("2026-12-01T10:15:30.123Z", json.get("time").asText());
        assertEquals("security@example.com", json.get("exceptions").get(0).get("approvedBy").asText());
        assertEquals(sample(), GoalResults.read(file));
        assertEquals(List.of(sample()), GoalResults.readAll(folder));
        // No temporary file is left beside it.
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFolderThatDoesNotExistHoldsNoResults() throws IOException {
        assertEquals(List.of(), GoalResults.readAll(folder.resolve("missing")));
    }

    @Test
    void modulesDefaultToTheProject() throws IOException {
        Files.writeString(folder.resolve("allowlist.json"), """
                {"format":"secure-build-result/1","check":"allowlist","goal":"approvedDependencies","project":"g:a","version":"1",
                 "time":"2026-12-01T10:15:30Z","verdict":"warn","summary":"2 approvals expire soon",
                 "exceptions":[{"id":"log4j","reason":"r","approvedBy":"x","expires":"2027-01-01"}],"details":null}
                """);
        GoalResult result = GoalResults.read(folder.resolve("allowlist.json"));
        assertEquals(List.of("g:a"), result.modules());
        assertEquals(GoalResult.Verdict.WARN, result.verdict());
        assertEquals("log4j", result.exceptions().get(0).id());
    }

    @Test
    void rejectsWhatIsNotAResultNamingTheFileAndTheField() throws IOException {
        assertRejected("{\"format\":\"other/1\"}", "format: expected \"secure-build-result/1\"");
        assertRejected(valid().replace("\"pass\"", "\"ok\""), "verdict: expected pass, fail or warn; got \"ok\"");
        assertRejected(valid().replace("\"time\":\"2026-12-01T10:15:30Z\"", "\"time\":\"yesterday\""), "time: expected an ISO-8601 instant");
        assertRejected(valid().replace("\"check\":\"sign\",", ""), "check: expected a text; the field is missing");
        assertRejected(valid().replace("{\"format\"", "{\"extra\":1,\"format\""), "unknown field \"extra\"");
        assertRejected(valid().replace("\"verdict\"", "\"verdict\":\"fail\",\"verdict\""), "not valid JSON");
        assertRejected("{\"format\": ", "at line 1");
        assertRejected(valid() + "{}", "expected the end of the file");
    }

    private static String valid() {
        return "{\"format\":\"secure-build-result/1\",\"check\":\"sign\",\"goal\":\"sign\",\"project\":\"g:a\",\"version\":\"1\","
                + "\"time\":\"2026-12-01T10:15:30Z\",\"verdict\":\"pass\",\"summary\":\"ok\",\"exceptions\":[],\"details\":null}";
    }

    private void assertRejected(String content, String expected) throws IOException {
        Path file = folder.resolve("sign.json");
        Files.writeString(file, content);
        IOException e = assertThrows(GoalResults.InvalidResultException.class, () -> GoalResults.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
