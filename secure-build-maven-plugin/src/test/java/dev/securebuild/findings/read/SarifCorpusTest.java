package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.ReportParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every SARIF file of the shared scanner samples (../shared/scanner-samples, when it is there) is read, and its
 * findings are counted against what the file holds: the results whose kind is fail or absent, counted here from the
 * whole JSON tree, independently of the streaming reader. A log that is not a complete scan (no runs, a run without a
 * results array, an invocation that did not succeed: SpotBugs 4.4.0 writes executionSuccessful false when classes
 * were missing from the analysis) must be refused by name.
 */
class SarifCorpusTest {

    @Test
    void everySarifSampleIsReadWithTheResultsItHolds() throws IOException {
        List<Path> files = ScannerSamples.files("sarif");
        assertTrue(files.size() >= 30, "expected the 34 SARIF samples, found " + files.size());
        int total = 0;
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            JsonNode log = new ObjectMapper().readTree(file.toFile());
            if (!completeScan(log)) {
                ReportParseException e = assertThrows(ReportParseException.class, () -> new SarifReader().read(file));
                assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
                refused.add(file.getFileName().toString());
                continue;
            }
            int expected = failResults(log);
            List<Finding> findings = new SarifReader().read(file);
            assertEquals(expected, findings.size(), file + ": findings against results of kind fail or absent");
            findings.forEach(f -> {
                assertTrue(f.tool() != null && !f.tool().isBlank(), file + ": a finding without a tool");
                assertTrue(f.id() != null && !f.id().isBlank(), file + ": a finding without an id");
                assertTrue(f.fingerprint() != null && !f.fingerprint().isBlank(), file + ": a finding without a fingerprint");
            });
            total += findings.size();
        }
        assertTrue(total > 500, "the samples hold hundreds of results; read " + total);
        assertEquals(List.of("no_runs.sarif", "spotbugs-4.4.0.sarif"), refused, "the samples that are not a complete scan");
    }

    /** At least one run, each with a results array, and no invocation that says it failed. */
    private static boolean completeScan(JsonNode log) {
        if (!log.path("runs").isArray() || log.path("runs").isEmpty()) {
            return false;
        }
        for (JsonNode run : log.path("runs")) {
            if (!run.path("results").isArray()) {
                return false;
            }
            for (JsonNode invocation : run.path("invocations")) {
                if (invocation.path("executionSuccessful").isBoolean() && !invocation.path("executionSuccessful").asBoolean()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int failResults(JsonNode log) {
        int count = 0;
        for (JsonNode run : log.path("runs")) {
            for (JsonNode result : run.path("results")) {
                String kind = result.path("kind").asText("fail");
                if (kind.equals("fail")) {
                    count++;
                }
            }
        }
        return count;
    }
}
