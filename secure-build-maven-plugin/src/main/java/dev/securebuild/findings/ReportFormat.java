package dev.securebuild.findings;

/** The report formats secure-build reads, each detected from the file's content, never from its name. */
public enum ReportFormat {
    SARIF("SARIF 2.1.0"),
    DEPENDENCY_CHECK_XML("OWASP Dependency-Check XML"),
    DEPENDENCY_CHECK_JSON("OWASP Dependency-Check JSON"),
    TRIVY("Trivy JSON"),
    GRYPE("Grype JSON"),
    OSV_SCANNER("OSV-Scanner JSON"),
    CYCLONEDX_JSON("CycloneDX JSON"),
    CYCLONEDX_XML("CycloneDX XML"),
    OPENVEX("OpenVEX");

    private final String label;

    ReportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
