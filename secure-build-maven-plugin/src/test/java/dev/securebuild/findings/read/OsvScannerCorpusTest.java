package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.ReportParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every OSV-Scanner JSON file of the shared scanner samples is read, and its findings are counted against what the
 * file holds, counted here from the whole JSON tree: one per alias group, one per vulnerability outside any group, one
 * per license violation. Two kinds of sample are not reports and must be rejected: the 0-byte file, and OSV-Scanner's
 * own test snapshots that collapse vulnerabilities to ids and groups to a count.
 */
class OsvScannerCorpusTest {

    @Test
    void everyOsvScannerSampleIsReadOrRejected() throws IOException {
        List<Path> files = ScannerSamples.files("osv-scanner");
        assertTrue(files.size() >= 14, "expected the 14 OSV-Scanner samples, found " + files.size());
        int total = 0;
        int rejected = 0;
        for (Path file : files) {
            JsonNode report = Files.size(file) == 0 ? null : new ObjectMapper().readTree(file.toFile());
            if (report == null || isNormalizedSnapshot(report)) {
                assertThrows(ReportParseException.class, () -> new OsvScannerReader().read(file), file + " is not an OSV-Scanner report");
                rejected++;
                continue;
            }
            List<Finding> findings = new OsvScannerReader().read(file);
            assertEquals(expectedFindings(report), findings.size(), file + ": findings against groups, vulnerabilities and license violations");
            total += findings.size();
        }
        assertEquals(4, rejected, "the empty file and three normalized snapshots");
        assertTrue(total > 40, "the samples hold dozens of alias groups; read " + total);
    }

    private static boolean isNormalizedSnapshot(JsonNode report) {
        for (JsonNode result : report.path("results")) {
            for (JsonNode pkg : result.path("packages")) {
                if (pkg.path("groups").isNumber()) {
                    return true;
                }
                for (JsonNode vulnerability : pkg.path("vulnerabilities")) {
                    if (!vulnerability.isObject()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int expectedFindings(JsonNode report) {
        int count = 0;
        for (JsonNode result : report.path("results")) {
            for (JsonNode pkg : result.path("packages")) {
                Set<String> grouped = new HashSet<>();
                for (JsonNode group : pkg.path("groups")) {
                    count++;
                    group.path("ids").forEach(id -> grouped.add(id.asText()));
                }
                for (JsonNode vulnerability : pkg.path("vulnerabilities")) {
                    count += grouped.contains(vulnerability.path("id").asText()) ? 0 : 1;
                }
                count += pkg.path("license_violations").size();
            }
        }
        return count;
    }
}
