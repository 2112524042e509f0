package dev.securebuild.findings.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.shared.text.Printable;

/**
 * Tells a report's format from its content, never from its name: the root element of XML, or the top-level keys of
 * JSON, read until one of them is decisive (most formats say so in their first key; an unknown key is skipped as a
 * whole). A report of a format secure-build does not read is an error that names the format when it can be
 * recognized and says how to get one that is read, usually SARIF.
 */
public final class FormatDetector {

    static final String EXPECTED = "expected one of: SARIF 2.1.0, OWASP Dependency-Check XML or JSON, Trivy JSON, Grype JSON, "
            + "OSV-Scanner JSON, CycloneDX JSON or XML with vulnerabilities, OpenVEX";

    private final ReportLimits limits;
    private final JsonFactory json;

    /** Within the default limits. */
    public FormatDetector() {
        this(ReportLimits.DEFAULT);
    }

    public FormatDetector(ReportLimits limits) {
        this.limits = limits;
        this.json = limits.jsonFactory();
    }

    public ReportFormat detect(Path file) throws IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ReportParseException(Printable.of(name) + ": no such report file");
        }
        try (PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 4)) {
            int first = firstSignificantByte(in);
            if (first < 0) {
                throw new ReportParseException(Printable.of(name) + ": the file is empty; " + EXPECTED
                        + " (a scanner that found nothing still writes a report saying so)");
            }
            in.unread(first);
            return first == '<' ? detectXml(in, name) : detectJson(in, name);
        }
    }

    /** Skips a UTF-8 byte order mark and white space; -1 at the end of the file. */
    private static int firstSignificantByte(PushbackInputStream in) throws IOException {
        int b = in.read();
        if (b == 0xEF) {
            in.read();
            in.read();
            b = in.read();
        }
        while (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
            b = in.read();
        }
        return b;
    }

    private ReportFormat detectXml(InputStream in, String name) throws IOException {
        try {
            XMLStreamReader xml = XmlReports.open(in, limits);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    String root = xml.getLocalName();
                    String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                    if (root.equals("analysis") && (namespace.isEmpty() || namespace.contains("dependency-check") || namespace.contains("DependencyCheck"))) {
                        return ReportFormat.DEPENDENCY_CHECK_XML;
                    }
                    if (root.equals("bom") && namespace.contains("cyclonedx.org")) {
                        return ReportFormat.CYCLONEDX_XML;
                    }
                    String hint = root.equals("BugCollection") ? " This is SpotBugs XML: have SpotBugs write SARIF (spotbugs-maven-plugin sarifOutput=true) and give that file."
                            : root.equals("pmd") ? " This is PMD XML: have PMD write SARIF (format=sarif) and give that file."
                            : root.equals("testsuites") || root.equals("testsuite") ? " This is JUnit XML, an output, not a scanner report: give the scanner's own JSON or SARIF." : "";
                    throw ReportParseException.at(name, xml.getLocation(), "root element <" + root + (namespace.isEmpty() ? "" : " xmlns=\"" + Printable.of(namespace) + "\"")
                            + ">; expected <analysis> (OWASP Dependency-Check) or <bom xmlns=\"http://cyclonedx.org/schema/bom/1.x\"> (CycloneDX)." + hint);
                }
            }
            throw new ReportParseException(Printable.of(name) + ": an XML file with no root element; " + EXPECTED);
        } catch (XMLStreamException e) {
            throw XmlReports.notWellFormed(name, e);
        }
    }

    private ReportFormat detectJson(InputStream in, String name) throws IOException {
        JsonParser parser = json.createParser(in);
        try (parser) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                return ReportFormat.TRIVY; // Trivy before 0.20 writes a bare null when it scanned nothing
            }
            if (token == JsonToken.START_ARRAY) {
                return detectArray(parser, name);
            }
            if (token != JsonToken.START_OBJECT) {
                throw ReportParseException.at(name, parser.currentTokenLocation(), "a JSON object or array; " + EXPECTED);
            }
            List<String> keys = new ArrayList<>();
            boolean emptyResults = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                keys.add(key);
                JsonToken value = parser.nextToken();
                switch (key) {
                    case "runs":
                        return ReportFormat.SARIF;
                    case "$schema":
                        if (parser.getValueAsString("").toLowerCase(Locale.ROOT).contains("sarif")) {
                            return ReportFormat.SARIF;
                        }
                        break;
                    case "bomFormat":
                        if ("CycloneDX".equalsIgnoreCase(parser.getValueAsString(""))) {
                            return ReportFormat.CYCLONEDX_JSON;
                        }
                        break;
                    case "@context":
                        if (parser.getValueAsString("").contains("openvex")) {
                            return ReportFormat.OPENVEX;
                        }
                        break;
                    case "SchemaVersion", "ArtifactName", "ArtifactType", "Results", "ClusterName":
                        return ReportFormat.TRIVY;
                    case "matches", "ignoredMatches":
                        return ReportFormat.GRYPE;
                    case "reportSchema", "scanInfo":
                        return ReportFormat.DEPENDENCY_CHECK_JSON;
                    case "results":
                        if (value == JsonToken.START_ARRAY) {
                            JsonToken element = parser.nextToken();
                            if (element == JsonToken.END_ARRAY) {
                                emptyResults = true;
                                continue;
                            }
                            if (element == JsonToken.START_OBJECT) {
                                JsonNode first = parser.readValueAsTree();
                                if (first.has("packages") || first.has("source")) {
                                    return ReportFormat.OSV_SCANNER;
                                }
                                throw unsupported(name, parser, keys, first.has("check_id") ? " This is Semgrep JSON: run semgrep with --sarif and give that file." : "");
                            }
                        }
                        break;
                    default:
                        break;
                }
                parser.skipChildren();
            }
            if (emptyResults && keys.stream().allMatch(k -> k.equals("results") || k.startsWith("experimental"))) {
                return ReportFormat.OSV_SCANNER;
            }
            throw unsupported(name, parser, keys, hint(keys));
        } catch (JsonProcessingException e) {
            throw ReportLimits.notReadable(name, e, parser);
        }
    }

    /**
     * Trivy before 0.20 wrote a top-level array of results (and a bare null when it scanned nothing). An empty array
     * says nothing of the tool that wrote it (ESLint writes one too), so it is not taken for a clean Trivy scan.
     */
    private static ReportFormat detectArray(JsonParser parser, String name) throws IOException {
        JsonToken element = parser.nextToken();
        if (element == JsonToken.END_ARRAY) {
            throw ReportParseException.at(name, parser.currentTokenLocation(), "an empty array, which no format secure-build reads writes "
                    + "(Trivy writes null when it scanned nothing); " + EXPECTED);
        }
        if (element == JsonToken.START_OBJECT) {
            JsonNode first = parser.readValueAsTree();
            if (first.has("Target")) {
                return ReportFormat.TRIVY;
            }
            String hint = first.has("filePath") && first.has("messages") ? " This is ESLint JSON: use ESLint's SARIF formatter (@microsoft/eslint-formatter-sarif)."
                    : first.has("RuleID") || first.has("rule") && first.has("commit") ? " This is gitleaks JSON: run gitleaks with --report-format sarif." : "";
            throw ReportParseException.at(name, parser.currentTokenLocation(),
                    "an array whose elements have no \"Target\" (so not a Trivy report); " + EXPECTED + "." + hint);
        }
        throw ReportParseException.at(name, parser.currentTokenLocation(), "an array of Trivy results; " + EXPECTED);
    }

    private static ReportParseException unsupported(String name, JsonParser parser, List<String> keys, String hint) {
        return new ReportParseException(Printable.of(name) + ": not a report secure-build reads (top-level keys " + Printable.of(keys.toString()) + "); " + EXPECTED + "." + hint);
    }

    private static String hint(List<String> keys) {
        if (keys.contains("check_type") || keys.contains("checkov_version") || keys.contains("summary") && keys.contains("results")) {
            return " This looks like Checkov JSON: run checkov with --output sarif.";
        }
        if (keys.contains("kics_version") || keys.contains("queries_total")) {
            return " This is KICS JSON: run kics with --report-formats sarif.";
        }
        if (keys.contains("findings") && keys.contains("project")) {
            return " This is a Dependency-Track finding packaging format file: export the project's BOM with its vulnerabilities (CycloneDX) instead.";
        }
        if (keys.contains("packageManager") || keys.contains("vulnerabilities") && keys.contains("ok")) {
            return " This is Snyk JSON: run snyk test with --sarif-file-output.";
        }
        if (keys.contains("document") && keys.contains("vulnerabilities")) {
            return " This is a CSAF document: CSAF VEX is not read; give OpenVEX or CycloneDX VEX.";
        }
        if (keys.contains("results") && keys.contains("errors")) {
            return " This looks like Semgrep JSON: run semgrep with --sarif.";
        }
        if (keys.contains("Findings")) {
            return " This is AWS Security Hub (ASFF) output: have the scanner write its own JSON or SARIF.";
        }
        if (keys.contains("scan") && keys.contains("vulnerabilities")) {
            return " This is a GitLab security report: have the scanner write its own JSON or SARIF.";
        }
        if (keys.contains("data")) {
            return " This looks like a GitHub GraphQL answer: export Dependabot alerts as SARIF or scan with OSV-Scanner.";
        }
        if (keys.contains("apiVersion") && keys.contains("kind")) {
            return " This is a Kubernetes resource (trivy-operator?): run trivy itself with --format json.";
        }
        return "";
    }
}
