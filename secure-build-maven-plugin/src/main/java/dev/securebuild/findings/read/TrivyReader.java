package dev.securebuild.findings.read;

import static dev.securebuild.findings.read.ReportJson.firstText;
import static dev.securebuild.findings.read.ReportJson.oneLine;
import static dev.securebuild.findings.read.ReportJson.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.findings.Severity;
import dev.securebuild.shared.text.Printable;

/**
 * Trivy's JSON report, read as a stream: one vulnerability, misconfiguration, secret or license at a time is held as a
 * tree. Reads schema v2 ({@code SchemaVersion: 2}, {@code Results[]}), the legacy top-level array of results, a bare
 * {@code null} (Trivy before 0.20 wrote it when nothing was scanned) and the {@code trivy k8s} reports (resources with
 * results under {@code Vulnerabilities}, {@code Misconfigurations} or {@code Resources}). Findings Trivy filtered out but
 * still lists ({@code ExperimentalModifiedFindings}, from {@code --show-suppressed}) are read as suppressed. A secret's
 * matched text ({@code Match}, {@code Code}) is never read into a finding.
 */
public final class TrivyReader implements ReportReader {

    static final String TOOL = "Trivy";
    private static final String EXPECTED_REPORT = "expected a Trivy JSON report: an object with \"SchemaVersion\": 2 (or a Kubernetes report with "
            + "\"ClusterName\"), a legacy array of results, or null";

    private final JsonFactory json;

    /** Within the default limits. */
    public TrivyReader() {
        this(ReportLimits.DEFAULT);
    }

    public TrivyReader(ReportLimits limits) {
        this.json = limits.jsonFactory();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.TRIVY;
    }

    @Override
    public void read(Path file, ReportSink sink) throws IOException {
        Report report = new Report(file.toString(), sink);
        JsonParser parser = json.createParser(file.toFile());
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ReportParseException.at(report.file, parser.currentLocation(), EXPECTED_REPORT + "; the file is empty");
            }
            switch (first) {
                case VALUE_NULL -> {
                    // Trivy before 0.20: nothing was scanned, so nothing was found.
                }
                case START_ARRAY -> readResults(parser, report, null);
                case START_OBJECT -> readReportObject(parser, report);
                default -> throw ReportParseException.at(report.file, parser.currentTokenLocation(), EXPECTED_REPORT);
            }
            ReportJson.expectEnd(parser, report.file);
        } catch (JsonProcessingException e) {
            throw ReportLimits.notReadable(report.file, e, parser);
        }
        sink.tool(TOOL, report.version);
    }

    private void readReportObject(JsonParser parser, Report report) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        boolean isTrivy = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "SchemaVersion" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != 2) {
                        throw ReportParseException.at(report.file, parser.currentTokenLocation(),
                                "expected \"SchemaVersion\": 2, the only JSON schema of Trivy reports, found " + parser.getText());
                    }
                    isTrivy = true;
                }
                case "ClusterName" -> {
                    isTrivy = true;
                    parser.skipChildren();
                }
                case "Trivy" -> report.version = text(readObjectOrNull(parser, report, field), "Version");
                case "Metadata" -> report.osFamily = text(readObjectOrNull(parser, report, field).path("OS"), "Family");
                case "Results" -> readResults(parser, report, null);
                // trivy k8s: resources, each with its own results.
                case "Vulnerabilities", "Misconfigurations", "Resources" -> readResources(parser, report);
                default -> parser.skipChildren();
            }
        }
        if (!isTrivy) {
            throw ReportParseException.at(report.file, start, EXPECTED_REPORT + "; this object has neither \"SchemaVersion\" nor \"ClusterName\"");
        }
    }

    private void readResources(JsonParser parser, Report report) throws IOException {
        if (!startArrayOrNull(parser, report, "Kubernetes resources")) {
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expectObject(parser, report, "a Kubernetes resource object with Namespace, Kind, Name and Results");
            String namespace = null;
            String kind = null;
            String name = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "Namespace" -> namespace = string(parser, report, field);
                    case "Kind" -> kind = string(parser, report, field);
                    case "Name" -> name = string(parser, report, field);
                    case "Results" -> readResults(parser, report, resourceLabel(namespace, kind, name));
                    default -> parser.skipChildren();
                }
            }
        }
    }

    private static String resourceLabel(String namespace, String kind, String name) {
        return (namespace == null || namespace.isBlank() ? "" : namespace + "/") + firstText(kind, "?") + "/" + firstText(name, "?");
    }

    private void readResults(JsonParser parser, Report report, String resource) throws IOException {
        if (!startArrayOrNull(parser, report, "Results")) {
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expectObject(parser, report, "a result object with Target and Vulnerabilities, Misconfigurations, Secrets or Licenses");
            readResult(parser, report, resource);
        }
    }

    /** One result: its Target, Class and Type come first in Trivy's output; entries seen before Target wait for it. */
    private void readResult(JsonParser parser, Report report, String resource) throws IOException {
        Target target = new Target(resource);
        List<Map.Entry<String, JsonNode>> waiting = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "Target" -> target.name = string(parser, report, field);
                case "Type" -> target.type = string(parser, report, field);
                case "Class" -> target.resultClass = string(parser, report, field);
                case "Vulnerabilities", "Misconfigurations", "Secrets", "Licenses", "ExperimentalModifiedFindings" -> {
                    if (!startArrayOrNull(parser, report, field)) {
                        continue;
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        expectObject(parser, report, "an object in \"" + field + "\"");
                        JsonLocation at = parser.currentTokenLocation();
                        JsonNode entry = parser.readValueAsTree();
                        checkSeverity(field.equals("ExperimentalModifiedFindings") ? entry.path("Finding") : entry, report, at);
                        if (target.name == null) {
                            waiting.add(Map.entry(field, entry));
                        } else {
                            emit(field, entry, target, report, null);
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        for (Map.Entry<String, JsonNode> entry : waiting) {
            emit(entry.getKey(), entry.getValue(), target, report, null);
        }
    }

    private void emit(String field, JsonNode entry, Target target, Report report, String suppressedBy) {
        switch (field) {
            case "Vulnerabilities", "vulnerability" -> vulnerability(entry, target, report, suppressedBy);
            case "Misconfigurations", "misconfiguration" -> misconfiguration(entry, target, report, suppressedBy);
            case "Secrets", "secret" -> secret(entry, target, report, suppressedBy);
            case "Licenses", "license" -> license(entry, target, report, suppressedBy);
            case "ExperimentalModifiedFindings" -> modified(entry, target, report);
            default -> {
                // A modified finding of a type this reader does not know: it is suppressed, so it cannot block.
            }
        }
    }

    /** A finding Trivy filtered out (.trivyignore, VEX...) and lists with --show-suppressed: suppressed, with why. */
    private void modified(JsonNode modified, Target target, Report report) {
        JsonNode finding = modified.path("Finding");
        if (!finding.isObject()) {
            return;
        }
        String statement = text(modified, "Statement");
        String source = text(modified, "Source");
        String suppressedBy = "Trivy " + firstText(text(modified, "Status"), "suppressed") + (source == null ? "" : " by " + source)
                + (statement == null || statement.isBlank() ? "" : ": " + statement);
        emit(Objects.requireNonNullElse(text(modified, "Type"), ""), finding, target, report, suppressedBy);
    }

    private void vulnerability(JsonNode vulnerability, Target target, Report report, String suppressedBy) {
        String id = firstText(text(vulnerability, "VulnerabilityID"), "unknown-vulnerability");
        Set<String> aliases = new LinkedHashSet<>();
        vulnerability.path("VendorIDs").forEach(vendorId -> {
            if (vendorId.isTextual() && !vendorId.asText().isBlank()) {
                aliases.add(vendorId.asText());
            }
        });
        aliases.remove(id);
        String component = firstText(text(vulnerability.path("PkgIdentifier"), "PURL"),
                purl(target, report, text(vulnerability, "PkgName"), text(vulnerability, "InstalledVersion")));
        String severityText = text(vulnerability, "Severity");
        String severitySource = text(vulnerability, "SeveritySource");
        String source = severityText == null ? "Trivy gave no severity"
                : "Trivy severity " + severityText + (severitySource == null ? "" : " (SeveritySource " + severitySource + ")");
        CvssChoice cvss = cvss(vulnerability.path("CVSS"));
        String message = oneLine(firstText(text(vulnerability, "Title"), text(vulnerability, "Description"), id));
        report.sink.finding(new Finding(TOOL, report.version, FindingKind.DEPENDENCY, id, aliases, severity(severityText), source,
                cvss.version(), cvss.score(), component, target.name, 0, "trivy:" + id + "|" + firstText(component, target.name, ""),
                suppressedBy, target.inResource(message), report.file));
    }

    /** The score of the highest CVSS version Trivy gives, NVD's first, then GHSA's, then the other sources' in file order. */
    private static CvssChoice cvss(JsonNode bySource) {
        List<JsonNode> sources = new ArrayList<>();
        sources.add(bySource.path("nvd"));
        sources.add(bySource.path("ghsa"));
        for (Iterator<Map.Entry<String, JsonNode>> it = bySource.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> source = it.next();
            if (!source.getKey().equals("nvd") && !source.getKey().equals("ghsa")) {
                sources.add(source.getValue());
            }
        }
        CvssChoice choice = new CvssChoice();
        for (JsonNode source : sources) {
            choice.offer("4.0", score(source, "V40Score"));
            choice.offer(firstText(ReportJson.cvssVersionOf(text(source, "V3Vector")), "3"), score(source, "V3Score"));
            choice.offer("2.0", score(source, "V2Score"));
        }
        return choice;
    }

    private static Double score(JsonNode source, String field) {
        JsonNode score = source.path(field);
        return score.isNumber() ? score.asDouble() : null;
    }

    private void misconfiguration(JsonNode misconfiguration, Target target, Report report, String suppressedBy) {
        String status = text(misconfiguration, "Status");
        if (status != null && !status.equals("FAIL")) {
            return; // PASS and EXCEPTION are not failures
        }
        String checkId = text(misconfiguration, "ID");
        String id = firstText(text(misconfiguration, "AVDID"), checkId, "unknown-check");
        Set<String> aliases = new LinkedHashSet<>();
        if (checkId != null && !checkId.isBlank() && !checkId.equals(id)) {
            aliases.add(checkId);
        }
        String severityText = text(misconfiguration, "Severity");
        String message = target.inResource(oneLine(firstText(text(misconfiguration, "Title"), text(misconfiguration, "Message"), id)));
        int line = misconfiguration.path("CauseMetadata").path("StartLine").asInt(0);
        report.sink.finding(new Finding(TOOL, report.version, FindingKind.CONFIGURATION, id, aliases, severity(severityText),
                severitySource(severityText), null, null, null, target.name, line, ReportJson.fingerprint(TOOL, id, target.name, message),
                suppressedBy, message, report.file));
    }

    /** A secret: its rule and where it is, never its Match or Code, which hold the secret (masked or not). */
    private void secret(JsonNode secret, Target target, Report report, String suppressedBy) {
        String id = firstText(text(secret, "RuleID"), "unknown-secret-rule");
        String category = text(secret, "Category");
        String severityText = text(secret, "Severity");
        String message = target.inResource(oneLine(firstText(text(secret, "Title"), category == null ? null : category + " secret",
                "secret found by rule " + id)));
        report.sink.finding(new Finding(TOOL, report.version, FindingKind.SECRET, id, Set.of(), severity(severityText),
                severitySource(severityText), null, null, null, target.name, secret.path("StartLine").asInt(0),
                ReportJson.fingerprint(TOOL, id, target.name, message), suppressedBy, message, report.file));
    }

    private void license(JsonNode license, Target target, Report report, String suppressedBy) {
        String id = firstText(text(license, "Name"), "unknown-license");
        String packageName = text(license, "PkgName");
        String category = text(license, "Category");
        String severityText = text(license, "Severity");
        String message = target.inResource(oneLine(id + " license" + (category == null || category.isBlank() ? "" : " (" + category + ")")
                + (packageName == null || packageName.isBlank() ? "" : " of " + packageName)));
        report.sink.finding(new Finding(TOOL, report.version, FindingKind.LICENSE, id, Set.of(), severity(severityText),
                severitySource(severityText), null, null, licensedPackage(target, report, packageName),
                firstText(text(license, "FilePath"), target.name), 0, ReportJson.fingerprint(TOOL, id, target.name, message), suppressedBy,
                message, report.file));
    }

    /** A license entry names its package without version: a purl for OS packages and Maven coordinates, else the name. */
    private static String licensedPackage(Target target, Report report, String packageName) {
        if (packageName == null || packageName.isBlank()) {
            return null;
        }
        if (target.type != null) {
            return purl(target, report, packageName, null);
        }
        if ("OS Packages".equals(target.name) && report.osFamily != null) {
            return firstText(EcosystemPurls.osPackage(report.osFamily, packageName, null), packageName);
        }
        return packageName.contains(":") ? EcosystemPurls.of("maven", packageName, null) : packageName;
    }

    /** The purl of a package of a result of Trivy type {@code target.type} (an OS family or a language package type). */
    private static String purl(Target target, Report report, String name, String version) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String type = target.type == null ? "" : target.type;
        String purlType = purlType(type);
        if (purlType != null) {
            return EcosystemPurls.of(purlType, name, version);
        }
        String os = EcosystemPurls.osPackage(type, name, version);
        if (os == null && "os-pkgs".equals(target.resultClass)) {
            os = EcosystemPurls.osPackage(report.osFamily, name, version);
        }
        return os != null ? os : EcosystemPurls.generic(name, version);
    }

    /** The purl type of a Trivy language package type; null for OS families and types without one. */
    static String purlType(String trivyType) {
        return switch (trivyType) {
            case "jar", "pom", "gradle", "sbt", "war", "ear", "par" -> "maven";
            case "npm", "yarn", "pnpm", "bun", "node-pkg" -> "npm";
            case "pip", "pipenv", "poetry", "uv", "python-pkg" -> "pypi";
            case "gomod", "gobinary" -> "golang";
            case "cargo", "rust-binary" -> "cargo";
            case "composer", "composer-vendor" -> "composer";
            case "nuget", "dotnet-core", "packages-props" -> "nuget";
            case "bundler", "gemspec", "rubygems" -> "gem";
            case "conan" -> "conan";
            case "hex" -> "hex";
            case "pub" -> "pub";
            case "swift" -> "swift";
            case "cocoapods" -> "cocoapods";
            case "conda-pkg", "conda-environment" -> "conda";
            case "julia" -> "julia";
            default -> null;
        };
    }

    /** A severity Trivy does not write ("SEVERE", "banana") would count as unknown and pass: refused where it is. */
    private static void checkSeverity(JsonNode entry, Report report, JsonLocation at) throws ReportParseException {
        String text = text(entry, "Severity");
        if (text != null && Severity.fromText(text) == null) {
            throw ReportParseException.at(report.file, at, "\"Severity\": \"" + Printable.of(text) + "\" is not a severity; expected one of "
                    + "CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN");
        }
    }

    private static Severity severity(String text) {
        Severity severity = Severity.fromText(text);
        return severity == null ? Severity.UNKNOWN : severity;
    }

    private static String severitySource(String severityText) {
        return severityText == null ? "Trivy gave no severity" : "Trivy severity " + severityText;
    }

    private static JsonNode readObjectOrNull(JsonParser parser, Report report, String field) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return MissingNode.getInstance();
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ReportParseException.at(report.file, parser.currentTokenLocation(), "expected \"" + field + "\" to be an object");
        }
        return parser.readValueAsTree();
    }

    /** A string value, or null for null; anything else (an array where a name goes) is an error. */
    private static String string(JsonParser parser, Report report, String field) throws IOException {
        JsonToken value = parser.currentToken();
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw ReportParseException.at(report.file, parser.currentTokenLocation(), "expected \"" + field + "\" to be a string");
        }
        return parser.getText();
    }

    /** True at the start of an array; false for null (Go's empty slice); an error for anything else. */
    private static boolean startArrayOrNull(JsonParser parser, Report report, String what) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ReportParseException.at(report.file, parser.currentTokenLocation(), "expected \"" + what + "\" to be an array");
        }
        return true;
    }

    private static void expectObject(JsonParser parser, Report report, String expected) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ReportParseException.at(report.file, parser.currentTokenLocation(), "expected " + expected);
        }
    }

    /** What the report says once for all its results. */
    private static final class Report {
        final String file;
        final ReportSink sink;
        String version;
        String osFamily;

        Report(String file, ReportSink sink) {
            this.file = file;
            this.sink = sink;
        }
    }

    /** A result's target: a file, an image or a Kubernetes object, and the type of the packages found in it. */
    private static final class Target {
        final String resource;
        String name;
        String type;
        String resultClass;

        Target(String resource) {
            this.resource = resource;
        }

        /** In a Kubernetes report the same target (an image, a check) recurs per resource: the message says which. */
        String inResource(String message) {
            return resource == null ? message : "[" + resource + "] " + message;
        }
    }
}
