package dev.securebuild.shared.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.secrets.KnownSecrets;

/** The one writer of secure-build-result/1, as the rules jar compiles it (Java 11) for the rules and the plugin. */
class GoalResultsWriterTest {

    @TempDir
    Path folder;

    private static GoalResult withExceptions() {
        return new GoalResult("allowlist", "enforce (approvedDependencies)", "com.example:app", null, "1.0",
                Instant.parse("2027-01-01T10:00:00Z"), GoalResult.Verdict.WARN, "2 component(s) decided: 0 not approved, 2 warning(s)",
                Arrays.asList(new GoalResult.ResultException("g:a:1.0 (compile)", "until the migration (entry org.yaml:4)",
                        "alice@example.com", "2027-01-20"), new GoalResult.ResultException("g:b:2.0 (runtime)", null, null, null)),
                null);
    }

    @Test
    void aResultWithExceptionsIsReadBackEqual() throws IOException {
        Path file = GoalResults.file(folder, "allowlist");
        GoalResults.writeTo(file, withExceptions(), KnownSecrets.NONE);

        GoalResult read = GoalResults.read(file);
        assertEquals(withExceptions(), read);
        assertEquals(withExceptions().hashCode(), read.hashCode());
        assertEquals(List.of("com.example:app"), read.modules());
        assertEquals("alice@example.com", read.exceptions().get(0).approvedBy());
        assertEquals(null, read.exceptions().get(1).expires());
    }

    @Test
    void writesTheDocumentedFieldsInTheirOrder() throws IOException {
        Path file = GoalResults.write(folder, new GoalResult("sign", "sign", "g:a", List.of(), "1.0", Instant.parse("2026-12-01T10:15:30.123Z"),
                GoalResult.Verdict.PASS, null, null, "/x/details.json"), KnownSecrets.NONE);
        assertEquals(folder.resolve("sign.json"), file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("format", "check", "goal", "project", "modules", "version", "time", "verdict", "summary", "exceptions", "details"),
                names);
        assertEquals(GoalResult.FORMAT, json.get("format").asText());
        assertEquals("2026-12-01T10:15:30.123Z", json.get("time").asText());
        assertEquals("", json.get("summary").asText());
        assertEquals(0, json.get("exceptions").size());
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"format\" : \"secure-build-result/1\",\n"), text);
        assertTrue(text.endsWith("}\n"), text);
    }

    @Test
    void theAtomicWriteLeavesNoTemporaryFile() throws IOException {
        Path file = GoalResults.file(folder.resolve("target/secure-build/results"), "allowlist");
        GoalResults.writeTo(file, withExceptions(), KnownSecrets.NONE);
        // Again over the first: the move replaces it, and the gate (which reads *.json) sees one file.
        GoalResults.writeTo(file, withExceptions(), KnownSecrets.NONE);
        assertEquals(List.of("allowlist.json"), names(file.getParent()));
        assertEquals(List.of(withExceptions()), GoalResults.readAll(file.getParent()));
    }

    @Test
    void aGoalThatIsNoFileNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GoalResults.write(folder, withExceptions(), KnownSecrets.NONE));
        assertFalse(Files.exists(folder.resolve("enforce (approvedDependencies).json")));
    }

    @Test
    void equalsAndToStringAreThoseOfTheRecordItWas() {
        GoalResult.ResultException exception = new GoalResult.ResultException("CVE-1", "r", "x", null);
        assertEquals("ResultException[id=CVE-1, reason=r, approvedBy=x, expires=null]", exception.toString());
        GoalResult result = new GoalResult("sign", "sign", "g:a", null, null, Instant.EPOCH, GoalResult.Verdict.FAIL, "no", List.of(exception), null);
        assertEquals("GoalResult[check=sign, goal=sign, project=g:a, modules=[g:a], version=null, time=1970-01-01T00:00:00Z, verdict=FAIL,"
                + " summary=no, exceptions=[" + exception + "], details=null]", result.toString());
        assertFalse(result.equals(new GoalResult("sign", "sign", "g:a", null, null, Instant.EPOCH, GoalResult.Verdict.WARN, "no",
                List.of(exception), null)));
    }

    @Test
    void theSourceTreeIsWrittenOnlyWhenAGoalKnowsItAndReadBackStrictly() throws IOException {
        GoalResult dirty = new GoalResult("provenance", "provenance", "g:a", null, "1.0", Instant.parse("2026-12-01T10:15:30Z"),
                GoalResult.Verdict.PASS, "signed", null, null, GoalResult.SourceTree.DIRTY);
        Path file = GoalResults.write(folder, dirty, KnownSecrets.NONE);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("dirty", json.get("sourceTree").asText());
        assertEquals(dirty, GoalResults.read(file));
        assertFalse(dirty.equals(new GoalResult("provenance", "provenance", "g:a", null, "1.0", Instant.parse("2026-12-01T10:15:30Z"),
                GoalResult.Verdict.PASS, "signed", null, null, GoalResult.SourceTree.CLEAN)));

        Path withoutIt = GoalResults.write(folder, new GoalResult("sign", "sign", "g:a", null, null,
                Instant.EPOCH, GoalResult.Verdict.PASS, "", null, null), KnownSecrets.NONE);
        assertFalse(new ObjectMapper().readTree(withoutIt.toFile()).has("sourceTree"));
        assertEquals(null, GoalResults.read(withoutIt).sourceTree());

        Files.write(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\"dirty\"", "\"mostly clean\"")
                .getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(GoalResults.InvalidResultException.class, () -> GoalResults.read(file));
        assertTrue(e.getMessage().endsWith("sourceTree: expected clean, dirty or unknown; got \"mostly clean\""), e.getMessage());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
