package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Every Trivy JSON file of the shared scanner samples is read, and its findings are counted against what the file
 * holds, counted here from the whole JSON tree. The samples' other-formats folder (Trivy's ASFF, GitLab and JUnit
 * templates) and the trivy-operator folder (Kubernetes custom resources: apiVersion, kind, report) are other formats:
 * the reader must reject them, never read them as zero findings.
 */
class TrivyCorpusTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyTrivyJsonSampleIsReadWithTheFindingsItHolds() throws IOException {
        List<Path> files = ScannerSamples.files("trivy").stream().filter(file -> !file.toString().contains("other-formats")).toList();
        assertTrue(files.size() >= 30, "expected the 36 Trivy JSON samples, found " + files.size());
        int total = 0;
        for (Path file : files) {
            JsonNode report = MAPPER.readTree(file.toFile());
            List<Finding> findings = new TrivyReader().read(file);
            assertEquals(expectedFindings(report), findings.size(), file + ": findings against the file's entries");
            List<String> secrets = new ArrayList<>();
            report.findValues("Secrets").forEach(list -> list.forEach(secret -> secrets.add(secret.path("Match").asText(""))));
            for (Finding finding : findings) {
                assertTrue(finding.id() != null && !finding.id().isBlank(), file + ": a finding without an id");
                assertTrue(finding.fingerprint() != null && !finding.fingerprint().isBlank(), file + ": a finding without a fingerprint");
                assertTrue(finding.severity() != null, file + ": a finding without a severity");
                for (String match : secrets) {
                    assertFalse(!match.isBlank() && finding.toString().contains(match), file + ": a secret's match in " + finding);
                }
            }
            total += findings.size();
        }
        assertTrue(total > 300, "the samples hold over 300 findings; read " + total);
    }

    @Test
    void theOtherFormatsAreRejected() {
        List<Path> files = new ArrayList<>(ScannerSamples.files("trivy").stream().filter(file -> file.toString().contains("other-formats")).toList());
        files.addAll(ScannerSamples.files("trivy-operator"));
        assertTrue(files.size() >= 6, "expected the ASFF, GitLab, JUnit and trivy-operator samples, found " + files.size());
        for (Path file : files) {
            assertThrows(ReportParseException.class, () -> new TrivyReader().read(file), file + " is not Trivy JSON");
        }
    }

    /** Vulnerabilities, failed (or status-less) misconfigurations, secrets, licenses and suppressed findings of every result. */
    private static int expectedFindings(JsonNode report) {
        List<JsonNode> results = new ArrayList<>();
        if (report.isArray()) {
            report.forEach(results::add);
        }
        report.path("Results").forEach(results::add);
        for (String resources : new String[] {"Vulnerabilities", "Misconfigurations", "Resources"}) {
            if (report.isObject()) {
                report.path(resources).forEach(resource -> resource.path("Results").forEach(results::add));
            }
        }
        int count = 0;
        for (JsonNode result : results) {
            count += result.path("Vulnerabilities").size() + result.path("Secrets").size() + result.path("Licenses").size()
                    + result.path("ExperimentalModifiedFindings").size();
            for (JsonNode misconfiguration : result.path("Misconfigurations")) {
                String status = misconfiguration.path("Status").asText("FAIL");
                count += status.equals("FAIL") ? 1 : 0;
            }
        }
        return count;
    }
}
