package dev.securebuild.findings.read;

import java.util.Locale;

import dev.securebuild.findings.ReportParseException;
import dev.securebuild.shared.text.Printable;

/**
 * Whether a CycloneDX BOM is the output of a vulnerability scan or only an inventory of components. Both are valid
 * CycloneDX; only a scan may pass the gate. A BOM without a {@code vulnerabilities} member (what
 * {@code cyclonedx-maven-plugin:makeAggregateBom} and other SBOM generators write) holds no vulnerability data at all:
 * reading it as "0 findings" would tell a newcomer that the dependencies were scanned.
 */
final class CycloneDxScans {

    private static final String SCAN_IT_INSTEAD = "give the report of a scanner that reads the BOM instead: "
            + "grype sbom:bom.json -o cyclonedx-json (or -o sarif), trivy sbom bom.json --format json, the BOM with vulnerabilities "
            + "exported from Dependency-Track, or OWASP Dependency-Check's report (dependency-check-maven); a scanner that found nothing "
            + "writes \"vulnerabilities\": []";

    private CycloneDxScans() {}

    /**
     * @param hasVulnerabilities the BOM has a vulnerabilities member (an array, possibly empty; in XML, a
     *                           {@code <vulnerabilities>} element or the vulnerability extension's namespace)
     * @param vulnerabilities    how many vulnerabilities it holds
     * @param tool               the first tool of its metadata
     */
    static void requireScan(String file, boolean hasVulnerabilities, int vulnerabilities, CycloneDxVulnerability.Tool tool)
            throws ReportParseException {
        if (!hasVulnerabilities) {
            throw new ReportParseException(Printable.of(file) + ": a CycloneDX BOM without \"vulnerabilities\" is an inventory of components "
                    + "(made by " + Printable.of(tool.name()) + "), not a scan: it holds no vulnerability data, so it cannot show that the "
                    + "dependencies were checked; " + SCAN_IT_INSTEAD);
        }
        if (vulnerabilities == 0 && tool.name().toLowerCase(Locale.ROOT).contains("trivy")) {
            // Trivy writes "vulnerabilities": [] also when it did not scan (--format cyclonedx alone disables scanning).
            throw new ReportParseException(Printable.of(file) + ": a CycloneDX BOM by Trivy with an empty \"vulnerabilities\" array cannot show a "
                    + "scan: Trivy writes it so also when --format cyclonedx made it skip vulnerability scanning (without --scanners vuln). "
                    + "Give Trivy's own report instead (trivy ... --format json, or --format sarif)");
        }
    }
}
