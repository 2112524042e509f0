package dev.securebuild.findings.read;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.findings.read.DependencyCheckMapping.Cvss;
import dev.securebuild.findings.read.DependencyCheckMapping.Dependency;
import dev.securebuild.findings.read.DependencyCheckMapping.Vulnerability;

/**
 * OWASP Dependency-Check JSON reports, read as a stream: one element of {@code dependencies} at a time is held as a
 * tree. Each entry of a dependency's {@code vulnerabilities} is a finding, each of its {@code suppressedVulnerabilities}
 * one suppressed by the suppression file. {@code relatedDependencies} make no findings: they are files found to be
 * the same package as the dependency, whose vulnerabilities it already lists.
 */
public final class DependencyCheckJsonReader implements ReportReader {

    private static final String EXPECTED_REPORT = "expected a Dependency-Check JSON report, an object with \"scanInfo\" and \"dependencies\"";

    private final JsonFactory json;

    /** Within the default limits. */
    public DependencyCheckJsonReader() {
        this(ReportLimits.DEFAULT);
    }

    public DependencyCheckJsonReader(ReportLimits limits) {
        this.json = limits.jsonFactory();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.DEPENDENCY_CHECK_JSON;
    }

    @Override
    public void read(Path file, ReportSink sink) throws IOException {
        String name = file.toString();
        TopLevel top = readReport(file, name, sink);
        if (top.dependenciesSkipped()) {
            readDependenciesAgain(file, name, top.engineVersion(), sink);
        }
    }

    private record TopLevel(String engineVersion, boolean dependenciesSkipped) {}

    /**
     * Reads the report's top level, streaming {@code dependencies} when {@code scanInfo} (the engine version, and the
     * sign that this is a Dependency-Check report) came before it, as Dependency-Check writes it. Returns true when
     * {@code dependencies} came first (a report re-serialized with sorted keys) and was passed over, to be read again.
     */
    private TopLevel readReport(Path file, String name, ReportSink sink) throws IOException {
        JsonParser parser = json.createParser(file.toFile());
        try (parser) {
            JsonToken first = parser.nextToken();
            JsonLocation root = parser.currentTokenLocation();
            if (first != JsonToken.START_OBJECT) {
                throw ReportParseException.at(name, root, EXPECTED_REPORT + (first == null ? "; the file is empty" : ""));
            }
            boolean isDependencyCheck = false;
            boolean toolReported = false;
            boolean hasDependencies = false;
            boolean dependenciesSkipped = false;
            String engineVersion = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "reportSchema" -> {
                        isDependencyCheck = true;
                        parser.skipChildren();
                    }
                    case "scanInfo" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw ReportParseException.at(name, parser.currentTokenLocation(), "expected \"scanInfo\" to be an object with \"engineVersion\"");
                        }
                        JsonNode scanInfo = parser.readValueAsTree();
                        engineVersion = DependencyCheckMapping.blankToNull(text(scanInfo, "engineVersion"));
                        isDependencyCheck = true;
                        sink.tool(DependencyCheckMapping.TOOL, engineVersion);
                        toolReported = true;
                    }
                    case "dependencies" -> {
                        requireArray(parser, value, name);
                        hasDependencies = true;
                        if (isDependencyCheck) {
                            if (!toolReported) {
                                sink.tool(DependencyCheckMapping.TOOL, engineVersion);
                                toolReported = true;
                            }
                            readDependencies(parser, name, engineVersion, sink);
                        } else {
                            parser.skipChildren();
                            dependenciesSkipped = true;
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (!isDependencyCheck) {
                throw ReportParseException.at(name, root, EXPECTED_REPORT + "; this object has neither \"scanInfo\" nor \"reportSchema\"");
            }
            if (!hasDependencies) {
                throw ReportParseException.at(name, root, EXPECTED_REPORT + "; this object has no \"dependencies\"");
            }
            if (!toolReported) {
                sink.tool(DependencyCheckMapping.TOOL, engineVersion);
            }
            return new TopLevel(engineVersion, dependenciesSkipped);
        } catch (JsonProcessingException e) {
            throw ReportLimits.notReadable(name, e, parser);
        }
    }

    private void readDependenciesAgain(Path file, String name, String engineVersion, ReportSink sink) throws IOException {
        ReportJson.readFieldAgain(json, file, "dependencies", parser -> {
            requireArray(parser, parser.currentToken(), name);
            readDependencies(parser, name, engineVersion, sink);
        });
    }

    private static void requireArray(JsonParser parser, JsonToken value, String name) throws ReportParseException {
        if (value != JsonToken.START_ARRAY) {
            throw ReportParseException.at(name, parser.currentTokenLocation(), "expected \"dependencies\" to be an array of dependencies");
        }
    }

    /** The elements of {@code dependencies}, one tree at a time; the parser ends on the array's end. */
    private static void readDependencies(JsonParser parser, String name, String engineVersion, ReportSink sink) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
            JsonLocation at = parser.currentTokenLocation();
            JsonNode node = parser.readValueAsTree();
            DependencyCheckMapping.emit(dependency(node, name, at), engineVersion, name, sink::finding);
        }
        if (token != JsonToken.END_ARRAY) {
            throw ReportParseException.at(name, parser.currentTokenLocation(), "expected a dependency, a JSON object with \"fileName\" and \"vulnerabilities\"");
        }
    }

    private static Dependency dependency(JsonNode node, String name, JsonLocation at) throws ReportParseException {
        Dependency dependency = new Dependency();
        dependency.fileName = text(node, "fileName");
        dependency.filePath = text(node, "filePath");
        for (JsonNode pkg : node.path("packages")) {
            String id = text(pkg, "id");
            if (id != null) {
                dependency.packageIds.add(id);
            }
        }
        // Reports before packages named the package as typed identifiers, as the XML of schema 1 does.
        for (JsonNode identifier : node.path("identifiers")) {
            String identifierName = text(identifier, "name");
            if (identifierName != null) {
                dependency.typedIdentifiers.add(new String[] {text(identifier, "type"), identifierName});
            }
        }
        addVulnerabilities(node, "vulnerabilities", false, dependency, name, at);
        addVulnerabilities(node, "suppressedVulnerabilities", true, dependency, name, at);
        return dependency;
    }

    private static void addVulnerabilities(JsonNode node, String field, boolean suppressed, Dependency dependency, String name, JsonLocation at)
            throws ReportParseException {
        JsonNode list = node.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw ReportParseException.at(name, at, "expected the dependency's \"" + field + "\" to be an array");
        }
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw ReportParseException.at(name, at, "expected each of the dependency's \"" + field + "\" to be an object with \"name\"");
            }
            Vulnerability vulnerability = new Vulnerability(suppressed);
            vulnerability.name = text(entry, "name");
            vulnerability.severity = text(entry, "severity");
            String unknown = DependencyCheckMapping.unknownSeverity(vulnerability.severity);
            if (unknown != null) {
                throw ReportParseException.at(name, at, unknown);
            }
            vulnerability.cvssV2 = cvss(field(entry, "cvssv2", "cvssV2"), "score");
            if (vulnerability.cvssV2 == null && text(entry, "cvssScore") != null) {
                vulnerability.cvssV2 = new Cvss(text(entry, "cvssScore"), null);
            }
            vulnerability.cvssV3 = cvss(field(entry, "cvssv3", "cvssV3"), "baseScore");
            vulnerability.cvssV4 = cvss(field(entry, "cvssv4", "cvssV4"), "baseScore");
            vulnerability.description = text(entry, "description");
            vulnerability.notes = text(entry, "notes");
            dependency.vulnerabilities.add(vulnerability);
        }
    }

    private static Cvss cvss(JsonNode node, String scoreField) {
        return node.isObject() ? new Cvss(text(node, scoreField), text(node, "version")) : null;
    }

    /** Dependency-Check writes {@code cvssv3}; some tools that rewrite its reports write {@code cvssV3}. */
    private static JsonNode field(JsonNode node, String name, String otherName) {
        JsonNode value = node.path(name);
        return value.isMissingNode() ? node.path(otherName) : value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
