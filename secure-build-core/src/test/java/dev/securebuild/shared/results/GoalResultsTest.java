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
    void aModuleWithNothingToCheckAndExceptionsOfSomeModulesOfAReactorResultReadBack() throws IOException {
        GoalResult notApplicable = new GoalResult("findings", "check-findings", "g:parent", null, "1.0", Instant.parse("2026-12-01T10:15:30Z"),
                GoalResult.Verdict.NOT_APPLICABLE, "nothing to scan: packaging pom", null, null);
        Path file = GoalResults.write(folder, notApplicable, dev.securebuild.shared.secrets.KnownSecrets.NONE);
        assertEquals("not-applicable", new ObjectMapper().readTree(file.toFile()).get("verdict").asText());
        assertEquals(notApplicable, GoalResults.read(file));

        GoalResult reactor = new GoalResult("findings", "check-findings", "g:parent", List.of("g:parent", "g:a", "g:b"), "1.0",
                Instant.parse("2026-12-01T10:15:30Z"), GoalResult.Verdict.PASS, "PASS", List.of(new GoalResult.ResultException("CVE-1", "r",
                "x", null, List.of("g:b"))), null);
        file = GoalResults.write(folder, reactor, dev.securebuild.shared.secrets.KnownSecrets.NONE);
        assertEquals("g:b", new ObjectMapper().readTree(file.toFile()).get("exceptions").get(0).get("modules").get(0).asText());
        GoalResult read = GoalResults.read(file);
        assertEquals(reactor, read);
        assertTrue(read.exceptions().get(0).appliesTo("g:b"));
        assertTrue(!read.exceptions().get(0).appliesTo("g:a"));
        // Without modules an exception applies to every module of its result; the field is then not written.
        assertTrue(sample().exceptions().get(0).appliesTo("g:b"));
        GoalResults.write(folder, sample(), dev.securebuild.shared.secrets.KnownSecrets.NONE);
        assertTrue(new ObjectMapper().readTree(folder.resolve("check-findings.json").toFile()).get("exceptions").get(0).get("modules") == null);
        assertTrue(GoalResult.Verdict.NOT_APPLICABLE.compareTo(GoalResult.Verdict.PASS) < 0, "the least of the verdicts: any other is worse");
    }

    @Test
    void rejectsWhatIsNotAResultNamingTheFileAndTheField() throws IOException {
        assertRejected("{\"format\":\"other/1\"}", "format: expected \"secure-build-result/1\"");
        assertRejected(valid().replace("\"pass\"", "\"ok\""), "verdict: expected pass, fail, warn or not-applicable; got \"ok\"");
        assertRejected(valid().replace("\"time\":\"2026-12-01T10:15:30Z\"", "\"time\":\"yesterday\""), "time: expected an ISO-8601 instant");
        assertRejected(valid().replace("\"check\":\"sign\",", ""), "check: expected a text; the field is missing");
        assertRejected(valid().replace("{\"format\"", "{\"extra\":1,\"format\""), "unknown field \"extra\"");
        assertRejected(valid().replace("\"verdict\"", "\"verdict\":\"fail\",\"verdict\""), "not valid JSON");
        assertRejected("{\"format\": ", "at line 1");
        assertRejected(valid().replace("\"exceptions\":[]", "\"exceptions\":[{\"id\":\"x\",\"modules\":\"g:a\"}]"),
                "exceptions #1.modules: expected a list of groupId:artifactId");
        assertRejected(valid().replace("\"pass\"", "\"not_applicable\""), "verdict: expected");
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
