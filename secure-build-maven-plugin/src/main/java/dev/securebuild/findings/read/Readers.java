package dev.securebuild.findings.read;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportReader;

/** The reader of each format. Readers keep no state between files, so one instance per call is cheap and thread-safe. */
public final class Readers {

    private Readers() {}

    /** Within the default limits. */
    public static ReportReader forFormat(ReportFormat format) {
        return forFormat(format, ReportLimits.DEFAULT);
    }

    public static ReportReader forFormat(ReportFormat format, ReportLimits limits) {
        return switch (format) {
            case SARIF -> new SarifReader(limits);
            case DEPENDENCY_CHECK_XML -> new DependencyCheckXmlReader(limits);
            case DEPENDENCY_CHECK_JSON -> new DependencyCheckJsonReader(limits);
            case TRIVY -> new TrivyReader(limits);
            case GRYPE -> new GrypeReader(limits);
            case OSV_SCANNER -> new OsvScannerReader(limits);
            case CYCLONEDX_JSON -> new CycloneDxJsonReader(limits);
            case CYCLONEDX_XML -> new CycloneDxXmlReader(limits);
            case OPENVEX -> new OpenVexReader(limits);
        };
    }
}
