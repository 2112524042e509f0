package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.securebuild.findings.Finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every SARIF file of the shared scanner samples (../shared/scanner-samples, when it is there) is read, and its
 * findings are counted against what the file holds: the results whose kind is fail or absent, counted here from the
 * whole JSON tree, independently of the streaming reader.
 */
class SarifCorpusTest {

    @Test
    void everySarifSampleIsReadWithTheResultsItHolds() throws IOException {
        List<Path> files = ScannerSamples.files("sarif");
        assertTrue(files.size() >= 30, "expected the 34 SARIF samples, found " + files.size());
        int total = 0;
        for (Path file : files) {
            int expected = failResults(new ObjectMapper().readTree(file.toFile()));
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
