package dev.securebuild.findings.read;

import static dev.securebuild.findings.read.ReportJson.firstText;
import static dev.securebuild.findings.read.ReportJson.oneLine;
import static dev.securebuild.findings.read.ReportJson.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * OSV-Scanner's JSON report (v1 and v2), read as a stream: one package, with its vulnerabilities and alias groups, is
 * held as a tree at a time. OSV-Scanner lists every advisory of a package ({@code GHSA-x}, {@code CVE-y} and
 * {@code PYSEC-z} of one issue) and groups the aliases of one issue in {@code groups}: one finding per group, so one
 * issue counts once; a package without groups gives one finding per vulnerability. License violations
 * ({@code --experimental-licenses}) are license findings.
 * <p>
 * An empty file is an error, not "no findings": OSV-Scanner writes {@code {"results": []}} when it finds nothing, so
 * an empty file is a report that was never written (the scan failed, or was stopped, after its output was opened).
 */
public final class OsvScannerReader implements ReportReader {

    static final String TOOL = "OSV-Scanner";
    private static final String EXPECTED_REPORT = "expected an OSV-Scanner JSON object with \"results\"";

    private final JsonFactory json;

    /** Within the default limits. */
    public OsvScannerReader() {
        this(ReportLimits.DEFAULT);
    }

    public OsvScannerReader(ReportLimits limits) {
        this.json = limits.jsonFactory();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.OSV_SCANNER;
    }

    @Override
    public void read(Path file, ReportSink sink) throws IOException {
        String name = file.toString();
        JsonParser parser = json.createParser(file.toFile());
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ReportParseException.at(name, parser.currentLocation(), EXPECTED_REPORT
                        + "; the file is empty (OSV-Scanner writes {\"results\": []} when it finds nothing: an empty file is a scan that wrote no report)");
            }
            if (first != JsonToken.START_OBJECT) {
                throw ReportParseException.at(name, parser.currentTokenLocation(), EXPECTED_REPORT);
            }
            JsonLocation start = parser.currentTokenLocation();
            boolean hasResults = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("results")) {
                    hasResults = true;
                    if (value == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    expect(parser, name, JsonToken.START_ARRAY, "expected \"results\" to be an array of sources and their packages");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        expect(parser, name, JsonToken.START_OBJECT, "expected a result object with \"source\" and \"packages\"");
                        readResult(parser, name, sink);
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!hasResults) {
                throw ReportParseException.at(name, start, EXPECTED_REPORT + "; this object has none");
            }
            ReportJson.expectEnd(parser, name);
        } catch (JsonProcessingException e) {
            throw ReportLimits.notReadable(name, e, parser);
        }
        sink.tool(TOOL, null); // OSV-Scanner's JSON does not name its version
    }

    /** One source (a lockfile, an SBOM, an image layer's package database); its path comes before its packages. */
    private void readResult(JsonParser parser, String file, ReportSink sink) throws IOException {
        String sourcePath = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("source") && value == JsonToken.START_OBJECT) {
                sourcePath = text(parser.readValueAsTree(), "path");
            } else if (field.equals("packages") && value != JsonToken.VALUE_NULL) {
                expect(parser, file, JsonToken.START_ARRAY, "expected \"packages\" to be an array");
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    expect(parser, file, JsonToken.START_OBJECT, "expected a package object with \"package\" and \"vulnerabilities\"");
                    JsonLocation at = parser.currentTokenLocation();
                    readPackage(parser.readValueAsTree(), sourcePath, file, at, sink);
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private void readPackage(JsonNode entry, String sourcePath, String file, JsonLocation at, ReportSink sink) throws ReportParseException {
        JsonNode pkg = entry.path("package");
        String component = firstText(text(pkg, "purl"), purl(text(pkg, "ecosystem"), text(pkg, "name"), text(pkg, "version")));
        Map<String, JsonNode> vulnerabilities = new LinkedHashMap<>();
        JsonNode listed = entry.path("vulnerabilities");
        if (!listed.isMissingNode() && !listed.isNull() && !listed.isArray()) {
            throw ReportParseException.at(file, at, "expected the package's \"vulnerabilities\" to be an array");
        }
        for (JsonNode vulnerability : listed) {
            String id = text(vulnerability, "id");
            if (!vulnerability.isObject() || id == null || id.isBlank()) {
                throw ReportParseException.at(file, at, "expected each of the package's \"vulnerabilities\" to be an OSV object with an \"id\"");
            }
            vulnerabilities.put(id, vulnerability);
        }
        JsonNode groups = entry.path("groups");
        if (!groups.isMissingNode() && !groups.isNull() && !groups.isArray()) {
            throw ReportParseException.at(file, at, "expected the package's \"groups\" to be an array of alias groups with \"ids\"");
        }
        Set<String> grouped = new HashSet<>();
        for (JsonNode group : groups) {
            List<String> ids = new ArrayList<>();
            group.path("ids").forEach(id -> {
                if (id.isTextual() && !id.asText().isBlank()) {
                    ids.add(id.asText());
                }
            });
            if (ids.isEmpty()) {
                throw ReportParseException.at(file, at, "expected each of the package's \"groups\" to have \"ids\"");
            }
            grouped.addAll(ids);
            List<JsonNode> members = ids.stream().map(vulnerabilities::get).filter(v -> v != null).toList();
            Set<String> aliases = new LinkedHashSet<>(ids);
            group.path("aliases").forEach(alias -> aliases.add(alias.asText()));
            sink.finding(finding(ids.get(0), aliases, members, text(group, "max_severity"), component, sourcePath, file));
        }
        for (Map.Entry<String, JsonNode> vulnerability : vulnerabilities.entrySet()) {
            if (!grouped.contains(vulnerability.getKey())) {
                sink.finding(finding(vulnerability.getKey(), new LinkedHashSet<>(), List.of(vulnerability.getValue()), null, component,
                        sourcePath, file));
            }
        }
        for (JsonNode license : entry.path("license_violations")) {
            if (!license.isTextual() || license.asText().isBlank()) {
                throw ReportParseException.at(file, at, "expected the package's \"license_violations\" to be license names");
            }
            sink.finding(licenseViolation(license.asText(), text(pkg, "name"), component, sourcePath, file));
        }
    }

    private static Finding finding(String id, Set<String> aliases, List<JsonNode> members, String maxSeverity, String component,
                                   String sourcePath, String file) {
        String summary = null;
        String details = null;
        String cvssVersion = null;
        Severity advisorySeverity = null;
        String advisorySeverityText = null;
        for (JsonNode member : members) {
            member.path("aliases").forEach(alias -> aliases.add(alias.asText()));
            summary = firstText(summary, text(member, "summary"));
            details = firstText(details, text(member, "details"));
            for (JsonNode severity : member.path("severity")) {
                String version = cvssVersion(text(severity, "type"), text(severity, "score"));
                if (version != null && (cvssVersion == null || CvssChoice.rank(version) > CvssChoice.rank(cvssVersion))) {
                    cvssVersion = version;
                }
            }
            String text = text(member.path("database_specific"), "severity");
            Severity severity = Severity.fromText(text);
            if (severity != null && (advisorySeverity == null || severity.compareTo(advisorySeverity) < 0)) {
                advisorySeverity = severity;
                advisorySeverityText = text;
            }
        }
        aliases.remove(id);

        Double score = parseScore(maxSeverity);
        Severity severity;
        String source;
        if (score != null) {
            severity = Severity.fromScore(score);
            source = "OSV-Scanner max_severity " + maxSeverity.strip();
        } else if (advisorySeverity != null) {
            severity = advisorySeverity;
            source = "advisory database_specific severity " + advisorySeverityText;
        } else {
            severity = Severity.UNKNOWN;
            source = "OSV-Scanner gave no severity";
        }
        String message = oneLine(firstText(summary, details, id));
        return new Finding(TOOL, null, FindingKind.DEPENDENCY, id, aliases, severity, source, cvssVersion, score, component, sourcePath, 0,
                "osv-scanner:" + id + "|" + firstText(component, sourcePath, ""), null, message, file);
    }

    private static Finding licenseViolation(String license, String packageName, String component, String sourcePath, String file) {
        String message = license + " license of " + firstText(packageName, "a package") + " is not in the allowed licenses";
        return new Finding(TOOL, null, FindingKind.LICENSE, license, Set.of(), Severity.UNKNOWN, "OSV-Scanner gives license violations no severity",
                null, null, component, sourcePath, 0, ReportJson.fingerprint(TOOL, license, sourcePath, message), null, message, file);
    }

    /** "3.1" of a CVSS_V3 entry with {@code CVSS:3.1/...}; the score of an OSV severity entry is a vector, not a number. */
    private static String cvssVersion(String type, String vector) {
        if (type == null || !type.startsWith("CVSS_")) {
            return null;
        }
        String version = ReportJson.cvssVersionOf(vector);
        if (version != null) {
            return version;
        }
        return switch (type) {
            case "CVSS_V2" -> "2.0";
            case "CVSS_V3" -> "3";
            case "CVSS_V4" -> "4.0";
            default -> null;
        };
    }

    private static Double parseScore(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double score = Double.parseDouble(text.strip());
            return score >= 0 && score <= 10 ? score : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void expect(JsonParser parser, String file, JsonToken token, String expected) throws IOException {
        if (parser.currentToken() != token) {
            throw ReportParseException.at(file, parser.currentTokenLocation(), expected);
        }
    }

    /** OSV ecosystem names ({@code Maven}, {@code PyPI}, {@code crates.io}, {@code Debian:12}...) to purls. */
    static String purl(String ecosystem, String name, String version) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = ecosystem == null ? "" : ecosystem.split(":", 2)[0].strip();
        String purlType = switch (base.toLowerCase(Locale.ROOT)) {
            case "maven" -> "maven";
            case "npm" -> "npm";
            case "pypi" -> "pypi";
            case "go" -> "golang";
            case "crates.io" -> "cargo";
            case "rubygems" -> "gem";
            case "nuget" -> "nuget";
            case "packagist" -> "composer";
            case "pub" -> "pub";
            case "hex" -> "hex";
            case "hackage" -> "hackage";
            case "cran" -> "cran";
            case "swifturl" -> "swift";
            case "conancenter" -> "conan";
            default -> null;
        };
        if (purlType != null) {
            return EcosystemPurls.of(purlType, name, version);
        }
        String os = EcosystemPurls.osPackage(base, name, version);
        return os != null ? os : EcosystemPurls.generic(name, version);
    }
}
