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

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.findings.Severity;
import dev.securebuild.shared.text.Printable;

/**
 * Grype's JSON report (descriptor versions 0.7 to 0.96), read as a stream: one match at a time is held as a tree.
 * {@code matches} are findings; {@code ignoredMatches} (matches an ignore rule of {@code .grype.yaml} removed) are
 * suppressed findings naming the rule. The {@code descriptor} with Grype's version usually comes after the matches, so
 * findings read before it have no tool version; {@link ReportSink#tool} is called at the end with it.
 */
public final class GrypeReader implements ReportReader {

    static final String TOOL = "Grype";
    private static final String EXPECTED_REPORT = "expected a Grype JSON report, an object with \"matches\"";

    private final JsonFactory json;

    /** Within the default limits. */
    public GrypeReader() {
        this(ReportLimits.DEFAULT);
    }

    public GrypeReader(ReportLimits limits) {
        this.json = limits.jsonFactory();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.GRYPE;
    }

    @Override
    public void read(Path file, ReportSink sink) throws IOException {
        String name = file.toString();
        String version = null;
        JsonParser parser = json.createParser(file.toFile());
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ReportParseException.at(name, parser.currentLocation(), EXPECTED_REPORT);
            }
            JsonLocation start = parser.currentTokenLocation();
            boolean hasMatches = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "matches", "ignoredMatches" -> {
                        hasMatches |= field.equals("matches");
                        if (value == JsonToken.VALUE_NULL) {
                            continue;
                        }
                        if (value != JsonToken.START_ARRAY) {
                            throw ReportParseException.at(name, parser.currentTokenLocation(), "expected \"" + field + "\" to be an array of matches");
                        }
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (parser.currentToken() != JsonToken.START_OBJECT) {
                                throw ReportParseException.at(name, parser.currentTokenLocation(),
                                        "expected a match object with \"vulnerability\" and \"artifact\" in \"" + field + "\"");
                            }
                            JsonLocation at = parser.currentTokenLocation();
                            JsonNode match = parser.readValueAsTree();
                            sink.finding(finding(match, name, at, version, field.equals("ignoredMatches")));
                        }
                    }
                    case "descriptor" -> {
                        if (value == JsonToken.START_OBJECT) {
                            version = text(parser.readValueAsTree(), "version");
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (!hasMatches) {
                throw ReportParseException.at(name, start, EXPECTED_REPORT + "; this object has none");
            }
            ReportJson.expectEnd(parser, name);
        } catch (JsonProcessingException e) {
            throw ReportLimits.notReadable(name, e, parser);
        }
        sink.tool(TOOL, version);
    }

    private static Finding finding(JsonNode match, String file, JsonLocation at, String version, boolean ignored) throws ReportParseException {
        JsonNode vulnerability = match.path("vulnerability");
        String id = text(vulnerability, "id");
        if (id == null || id.isBlank()) {
            throw ReportParseException.at(file, at, "expected a match with \"vulnerability\".\"id\"");
        }
        JsonNode artifact = match.path("artifact");
        Set<String> aliases = new LinkedHashSet<>();
        CvssChoice cvss = new CvssChoice();
        offerCvss(vulnerability, cvss);
        String description = text(vulnerability, "description");
        for (JsonNode related : match.path("relatedVulnerabilities")) {
            String relatedId = text(related, "id");
            if (relatedId != null && !relatedId.isBlank()) {
                aliases.add(relatedId);
            }
            offerCvss(related, cvss);
            description = firstText(description, text(related, "description"));
        }
        aliases.remove(id);

        String severityText = text(vulnerability, "severity");
        Severity severity = Severity.fromText(severityText);
        if (severityText != null && severity == null) {
            // An unknown word would count as unknown severity and pass.
            throw ReportParseException.at(file, at, "\"vulnerability\".\"severity\": \"" + Printable.of(severityText) + "\" is not a severity; "
                    + "expected one of Critical, High, Medium, Low, Negligible, Unknown");
        }
        String component = firstText(text(artifact, "purl"), purl(artifact));
        String path = text(artifact.path("locations").path(0), "path");
        String packageName = firstText(text(artifact, "name"), "?") + " " + Objects.requireNonNullElse(text(artifact, "version"), "");
        String message = oneLine(firstText(description, id + " in " + packageName.strip()));
        return new Finding(TOOL, version, FindingKind.DEPENDENCY, id, aliases, severity == null ? Severity.UNKNOWN : severity,
                severityText == null ? "Grype gave no severity" : "Grype severity " + severityText, cvss.version(), cvss.score(), component,
                path, 0, "grype:" + id + "|" + firstText(component, path, packageName), ignored ? ignoredBy(match) : null, message, file);
    }

    /** {@code cvss[]} of Grype 0.2x and later; {@code cvssV2}/{@code cvssV3} objects of the first versions (0.7). */
    private static void offerCvss(JsonNode vulnerability, CvssChoice cvss) {
        for (JsonNode entry : vulnerability.path("cvss")) {
            JsonNode score = entry.path("metrics").path("baseScore");
            if (score.isNumber()) {
                cvss.offer(firstText(text(entry, "version"), ReportJson.cvssVersionOf(text(entry, "vector"))), score.asDouble());
            }
        }
        for (String field : new String[] {"cvssV3", "cvssV2"}) {
            JsonNode entry = vulnerability.path(field);
            if (entry.path("baseScore").isNumber()) {
                String version = firstText(ReportJson.cvssVersionOf(text(entry, "vector")), field.equals("cvssV3") ? "3" : "2.0");
                cvss.offer(version, entry.path("baseScore").asDouble());
            }
        }
    }

    /** A purl from the artifact's type, name and version, when Grype gave none (Java archives by their POM coordinates). */
    private static String purl(JsonNode artifact) {
        String name = text(artifact, "name");
        String version = text(artifact, "version");
        String type = Objects.requireNonNullElse(text(artifact, "type"), "");
        if (type.equals("java-archive") || type.equals("jenkins-plugin")) {
            JsonNode metadata = artifact.path("metadata");
            String groupId = text(metadata, "pomGroupID");
            String artifactId = firstText(text(metadata, "pomArtifactID"), name);
            return groupId == null || groupId.isBlank() ? EcosystemPurls.generic(firstText(name, "?"), version)
                    : EcosystemPurls.of("maven", groupId + ":" + artifactId, version);
        }
        String purlType = switch (type) {
            case "npm" -> "npm";
            case "python" -> "pypi";
            case "gem" -> "gem";
            case "go-module" -> "golang";
            case "rust-crate" -> "cargo";
            case "php-composer" -> "composer";
            case "dotnet" -> "nuget";
            case "hex" -> "hex";
            case "dart-pub" -> "pub";
            case "conan" -> "conan";
            case "pod" -> "cocoapods";
            case "swift" -> "swift";
            default -> null;
        };
        if (purlType != null) {
            return EcosystemPurls.of(purlType, name, version);
        }
        return name == null || name.isBlank() ? null : EcosystemPurls.generic(name, version);
    }

    /** "ignored by Grype rule: vulnerability=CVE-..., reason=..., package.name=...": the fields the applied rule set. */
    private static String ignoredBy(JsonNode match) {
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : match.path("appliedIgnoreRules")) {
            List<String> fields = new ArrayList<>();
            describe("", rule, fields);
            if (!fields.isEmpty()) {
                rules.add(String.join(", ", fields));
            }
        }
        return "ignored by Grype rule: " + (rules.isEmpty() ? "(the report does not say which)" : String.join("; ", rules));
    }

    private static void describe(String prefix, JsonNode node, List<String> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                describe(prefix + field.getKey() + ".", value, fields);
            } else if (value.isValueNode() && !value.isNull() && !value.asText().isBlank() && !(value.isBoolean() && !value.asBoolean())) {
                fields.add(prefix + field.getKey() + "=" + value.asText());
            }
        }
    }
}
