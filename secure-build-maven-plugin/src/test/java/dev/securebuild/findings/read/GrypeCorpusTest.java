package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.securebuild.findings.Finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every Grype JSON file of the shared scanner samples (descriptors 0.7 to 0.96) is read, and its findings are counted
 * against its matches and ignored matches, counted here from the whole JSON tree; the version the sink is told is the
 * descriptor's.
 */
class GrypeCorpusTest {

    @Test
    void everyGrypeSampleIsReadWithTheMatchesItHolds() throws IOException {
        List<Path> files = ScannerSamples.files("grype");
        assertTrue(files.size() >= 10, "expected the 10 Grype samples, found " + files.size());
        int total = 0;
        for (Path file : files) {
            JsonNode report = new ObjectMapper().readTree(file.toFile());
            SinkRecording recorded = SinkRecording.of(new GrypeReader(), file);
            List<Finding> findings = recorded.findings;
            assertEquals(report.path("matches").size() + report.path("ignoredMatches").size(), findings.size(), file + ": findings against matches");
            assertEquals(List.of("Grype " + report.path("descriptor").path("version").asText()), recorded.tools, file + ": the tool version");
            long suppressed = findings.stream().filter(f -> f.suppressedBy() != null).count();
            assertEquals(report.path("ignoredMatches").size(), suppressed, file + ": ignored matches are suppressed");
            for (Finding finding : findings) {
                assertNotNull(finding.component(), file + ": a finding without a component");
                assertNotNull(finding.severity(), file + ": a finding without a severity");
            }
            total += findings.size();
        }
        assertTrue(total > 1800, "the samples hold about 1900 matches; read " + total);
    }
}
