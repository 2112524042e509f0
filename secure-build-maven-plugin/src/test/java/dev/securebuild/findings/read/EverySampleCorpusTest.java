package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.VexStatement;

/**
 * The way the goal reads a report, over every shared sample: the format told from the content, then that format's
 * reader. Each file is either read, every finding complete, or rejected with an error that names the file; nothing
 * else (no other exception, no finding without a tool, an id, a severity or a fingerprint). The per-format corpus tests
 * check the counts.
 */
class EverySampleCorpusTest {

    @Test
    void everySampleIsReadOrRejectedByName() throws IOException {
        List<Path> files = ScannerSamples.files(".").stream()
                .filter(f -> !f.getFileName().toString().equals("SOURCES.md") && !f.toString().contains("policy-configs"))
                .toList();
        int read = 0;
        int findings = 0;
        List<String> rejected = new ArrayList<>();
        for (Path file : files) {
            try {
                ReportFormat format = new FormatDetector().detect(file);
                SinkRecording recorded = SinkRecording.of(Readers.forFormat(format), file);
                for (VexStatement statement : recorded.statements) {
                    assertTrue(statement.vulnerability() != null && !statement.vulnerability().isBlank(), file + ": a statement without a vulnerability");
                }
                List<Finding> found = recorded.findings;
                for (Finding finding : found) {
                    if (finding.tool() == null || finding.id() == null || finding.severity() == null || finding.fingerprint() == null
                            || finding.kind() == null || finding.tool().isBlank() || finding.id().isBlank()) {
                        fail(file + ": an incomplete finding " + finding);
                    }
                }
                read++;
                findings += found.size();
            } catch (ReportParseException e) {
                assertTrue(e.getMessage().contains(file.toString()), "the error names the file: " + e.getMessage());
                rejected.add(ScannerSamples.root().relativize(file).toString());
            }
        }
        assertTrue(read >= 130, "read " + read + " of " + files.size() + "; rejected " + rejected);
        assertTrue(findings > 5000, "findings " + findings);
        // Rejected: exactly the formats secure-build does not read, the files marked malformed, and OSV-Scanner's
        // test snapshots whose vulnerabilities the test harness collapsed to bare ids.
        List<String> read_formats = List.of("sarif", "dependency-check", "grype", "osv-scanner", "cyclonedx", "openvex", "trivy");
        List<String> expected = files.stream().map(f -> ScannerSamples.root().relativize(f).normalize().toString().replace('\\', '/'))
                .filter(name -> !read_formats.contains(name.split("/")[0]) || name.contains("MALFORMED") || name.contains("ZERO_BYTES")
                        || name.startsWith("trivy/other-formats/") || name.startsWith("osv-scanner/json-upstream/image_")
                        || name.startsWith("osv-scanner/json-upstream/package_deprecated_true_with_vuln"))
                .filter(name -> !name.equals("gitleaks-json/no_findings.json")) // a bare null, as Trivy writes for a clean scan
                // SARIF that is not a complete scan: no runs at all; SpotBugs' run with executionSuccessful false (classes missing).
                .collect(Collectors.toCollection(ArrayList::new));
        expected.addAll(List.of("sarif/odd/no_runs.sarif", "sarif/spotbugs/spotbugs-4.4.0.sarif"));
        // Trivy's SBOM of an image (--format cyclonedx, no vulnerability scan), with the empty array Trivy always writes.
        expected.add("cyclonedx/trivy-fluentd-multiple-lockfiles.cdx.json");
        expected.sort(null);
        assertEquals(expected, rejected.stream().map(name -> Path.of(name).normalize().toString().replace('\\', '/')).toList());
    }
}
