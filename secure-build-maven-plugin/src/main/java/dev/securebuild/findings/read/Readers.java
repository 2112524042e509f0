package dev.securebuild.findings.read;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportReader;

/** The reader of each format. Readers keep no state between files, so one instance per call is cheap and thread-safe. */
public final class Readers {

    private Readers() {}

    public static ReportReader forFormat(ReportFormat format) {
        return switch (format) {
            case SARIF -> new SarifReader();
            case DEPENDENCY_CHECK_XML -> new DependencyCheckXmlReader();
            case DEPENDENCY_CHECK_JSON -> new DependencyCheckJsonReader();
            case TRIVY -> new TrivyReader();
            case GRYPE -> new GrypeReader();
            case OSV_SCANNER -> new OsvScannerReader();
            case CYCLONEDX_JSON -> new CycloneDxJsonReader();
            case CYCLONEDX_XML -> new CycloneDxXmlReader();
            case OPENVEX -> new OpenVexReader();
        };
    }
}
