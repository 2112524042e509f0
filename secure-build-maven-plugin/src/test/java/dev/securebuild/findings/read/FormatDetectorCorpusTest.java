package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;

/**
 * Every file of the shared scanner samples is either recognized as the format its folder holds, or, when it is of a
 * format secure-build does not read (or is marked malformed), rejected with an error that names the file.
 */
class FormatDetectorCorpusTest {

    @Test
    void everySampleIsRecognizedOrRejectedByName() throws IOException {
        List<Path> files = ScannerSamples.files(".").stream()
                .filter(f -> !f.getFileName().toString().equals("SOURCES.md"))
                .filter(f -> !f.toString().contains("policy-configs"))
                .toList();
        assertTrue(files.size() >= 170, "expected the 186 samples, found " + files.size());
        int recognized = 0;
        for (Path file : files) {
            ReportFormat expected = expectedFormat(ScannerSamples.root().relativize(file).toString().replace('\\', '/'));
            if (expected == null) {
                ReportParseException e = assertThrows(ReportParseException.class, () -> new FormatDetector().detect(file), file.toString());
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            } else {
                assertEquals(expected, new FormatDetector().detect(file), file.toString());
                recognized++;
            }
        }
        assertTrue(recognized >= 120, "recognized " + recognized);
    }

    /** The format a sample's folder holds; null for the formats secure-build does not read and the malformed files. */
    private static ReportFormat expectedFormat(String path) {
        if (path.contains("MALFORMED") || path.contains("ZERO_BYTES")) {
            return null;
        }
        String top = path.substring(0, path.indexOf('/'));
        return switch (top) {
            case "sarif" -> ReportFormat.SARIF;
            case "dependency-check" -> path.endsWith(".xml") ? ReportFormat.DEPENDENCY_CHECK_XML : ReportFormat.DEPENDENCY_CHECK_JSON;
            case "trivy" -> path.contains("other-formats") ? null : ReportFormat.TRIVY;
            case "grype" -> ReportFormat.GRYPE;
            case "osv-scanner" -> ReportFormat.OSV_SCANNER;
            case "cyclonedx" -> path.endsWith(".xml") ? ReportFormat.CYCLONEDX_XML : ReportFormat.CYCLONEDX_JSON;
            case "openvex" -> ReportFormat.OPENVEX;
            // gitleaks writes a bare null when it finds nothing, as old Trivy does: zero findings either way.
            case "gitleaks-json" -> path.endsWith("no_findings.json") ? ReportFormat.TRIVY : null;
            default -> null;
        };
    }
}
