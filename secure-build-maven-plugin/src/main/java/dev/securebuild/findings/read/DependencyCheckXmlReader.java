package dev.securebuild.findings.read;

import static dev.securebuild.findings.read.XmlReports.nextChild;
import static dev.securebuild.findings.read.XmlReports.skip;
import static dev.securebuild.findings.read.XmlReports.text;

import java.io.IOException;
import java.nio.file.Path;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.findings.read.DependencyCheckMapping.Cvss;
import dev.securebuild.findings.read.DependencyCheckMapping.Dependency;
import dev.securebuild.findings.read.DependencyCheckMapping.Vulnerability;

/**
 * OWASP Dependency-Check XML reports, schemas 1.3 to 4.0, read as a stream: one {@code dependency} at a time is held.
 * Elements are matched by local name, so the schema namespace ({@code .../dependency-check.2.5.xsd}) may be any
 * version. Each {@code vulnerability} of a dependency is a finding, each {@code suppressedVulnerability} one suppressed
 * by the suppression file. A report whose dependencies have no vulnerabilities has no findings.
 */
public final class DependencyCheckXmlReader implements ReportReader {

    private final ReportLimits limits;

    /** Within the default limits. */
    public DependencyCheckXmlReader() {
        this(ReportLimits.DEFAULT);
    }

    public DependencyCheckXmlReader(ReportLimits limits) {
        this.limits = limits;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.DEPENDENCY_CHECK_XML;
    }

    @Override
    public void read(Path file, ReportSink sink) throws IOException {
        XmlReports.read(file, limits, xml -> readAnalysis(xml, file.toString(), sink));
    }

    private void readAnalysis(XMLStreamReader xml, String file, ReportSink sink) throws XMLStreamException, IOException {
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: declaration, comments, whitespace
        }
        if (!xml.isStartElement()) {
            throw ReportParseException.at(file, xml.getLocation(), "expected a Dependency-Check report, root element <analysis>; found no element");
        }
        if (!xml.getLocalName().equals("analysis")) {
            throw ReportParseException.at(file, xml.getLocation(),
                    "expected a Dependency-Check report, root element <analysis>; found <" + xml.getLocalName() + ">");
        }
        String engineVersion = null;
        boolean toolReported = false;
        while (nextChild(xml)) {
            switch (xml.getLocalName()) {
                case "scanInfo" -> {
                    engineVersion = readEngineVersion(xml);
                    sink.tool(DependencyCheckMapping.TOOL, engineVersion);
                    toolReported = true;
                }
                case "dependencies" -> {
                    if (!toolReported) {
                        sink.tool(DependencyCheckMapping.TOOL, engineVersion);
                        toolReported = true;
                    }
                    while (nextChild(xml)) {
                        if (xml.getLocalName().equals("dependency")) {
                            DependencyCheckMapping.emit(readDependency(xml, file), engineVersion, file, sink::finding);
                        } else {
                            skip(xml);
                        }
                    }
                }
                default -> skip(xml);
            }
        }
        if (!toolReported) {
            sink.tool(DependencyCheckMapping.TOOL, engineVersion);
        }
    }

    /** {@code scanInfo/engineVersion}; old reports leave scanInfo empty. */
    private static String readEngineVersion(XMLStreamReader xml) throws XMLStreamException {
        String version = null;
        while (nextChild(xml)) {
            if (xml.getLocalName().equals("engineVersion")) {
                version = DependencyCheckMapping.blankToNull(text(xml).strip());
            } else {
                skip(xml);
            }
        }
        return version;
    }

    private static Dependency readDependency(XMLStreamReader xml, String file) throws XMLStreamException, ReportParseException {
        Dependency dependency = new Dependency();
        while (nextChild(xml)) {
            switch (xml.getLocalName()) {
                case "fileName" -> dependency.fileName = text(xml);
                case "filePath" -> dependency.filePath = text(xml);
                case "identifiers" -> readIdentifiers(xml, dependency);
                case "vulnerabilities" -> readVulnerabilities(xml, file, dependency, false);
                case "suppressedVulnerabilities" -> readVulnerabilities(xml, file, dependency, true);
                // Related dependencies are files Dependency-Check found to be the same package as this one (the same
                // jar in several modules, a jar and its pom): their vulnerabilities are this dependency's, listed
                // once here, so they make no findings of their own.
                default -> skip(xml);
            }
        }
        return dependency;
    }

    /**
     * {@code package/id} (package URLs, schema 2 on) and {@code identifier type=".."/name} (schema 1); CPEs under
     * {@code vulnerabilityIds} and suppressed identifiers name no package. Nested {@code identifiers} are read too.
     */
    private static void readIdentifiers(XMLStreamReader xml, Dependency dependency) throws XMLStreamException {
        while (nextChild(xml)) {
            switch (xml.getLocalName()) {
                case "package" -> {
                    while (nextChild(xml)) {
                        if (xml.getLocalName().equals("id")) {
                            dependency.packageIds.add(text(xml));
                        } else {
                            skip(xml);
                        }
                    }
                }
                case "identifier" -> {
                    String type = xml.getAttributeValue(null, "type");
                    while (nextChild(xml)) {
                        if (xml.getLocalName().equals("name")) {
                            dependency.typedIdentifiers.add(new String[] {type, text(xml)});
                        } else {
                            skip(xml);
                        }
                    }
                }
                case "identifiers" -> readIdentifiers(xml, dependency);
                default -> skip(xml);
            }
        }
    }

    /** {@code vulnerabilities} holds {@code vulnerability} and {@code suppressedVulnerability}; anything under {@code suppressedVulnerabilities} is suppressed. */
    private static void readVulnerabilities(XMLStreamReader xml, String file, Dependency dependency, boolean allSuppressed)
            throws XMLStreamException, ReportParseException {
        while (nextChild(xml)) {
            switch (xml.getLocalName()) {
                case "vulnerability" -> dependency.vulnerabilities.add(readVulnerability(xml, file, allSuppressed));
                case "suppressedVulnerability" -> dependency.vulnerabilities.add(readVulnerability(xml, file, true));
                default -> skip(xml);
            }
        }
    }

    private static Vulnerability readVulnerability(XMLStreamReader xml, String file, boolean suppressed) throws XMLStreamException, ReportParseException {
        Vulnerability vulnerability = new Vulnerability(suppressed);
        while (nextChild(xml)) {
            switch (xml.getLocalName()) {
                case "name" -> vulnerability.name = text(xml);
                case "severity" -> {
                    Location at = xml.getLocation();
                    vulnerability.severity = text(xml);
                    String unknown = DependencyCheckMapping.unknownSeverity(vulnerability.severity);
                    if (unknown != null) {
                        throw ReportParseException.at(file, at, unknown);
                    }
                }
                // Schema 1.x: the CVSS v2 score sits on the vulnerability itself.
                case "cvssScore" -> vulnerability.cvssV2 = new Cvss(text(xml), null);
                case "cvssV2" -> vulnerability.cvssV2 = readCvss(xml, "score");
                case "cvssV3" -> vulnerability.cvssV3 = readCvss(xml, "baseScore");
                case "cvssV4" -> vulnerability.cvssV4 = readCvss(xml, "baseScore");
                case "description" -> vulnerability.description = text(xml);
                case "notes" -> vulnerability.notes = text(xml);
                default -> skip(xml);
            }
        }
        return vulnerability;
    }

    private static Cvss readCvss(XMLStreamReader xml, String scoreElement) throws XMLStreamException {
        String score = null;
        String version = null;
        while (nextChild(xml)) {
            String element = xml.getLocalName();
            if (element.equals(scoreElement)) {
                score = text(xml);
            } else if (element.equals("version")) {
                version = text(xml);
            } else {
                skip(xml);
            }
        }
        return new Cvss(score, version);
    }
}
