package dev.securebuild.findings.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.findings.Severity;
import dev.securebuild.findings.VexStatement;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.text.Printable;

/**
 * SARIF 2.1.0 from any tool, read as a stream: one result at a time is held as a tree, so a report of hundreds of
 * megabytes is read in bounded memory. Several runs, no runs, rules in the driver or in extensions, fingerprints as
 * strings or objects, and in-report suppressions (only accepted ones suppress) are all taken as real files have them.
 * Results whose {@code kind} is not {@code fail} (pass, review, notApplicable...) are not findings.
 */
public final class SarifReader implements ReportReader {

    private static final Pattern VULNERABILITY_ID = Pattern.compile("^(CVE-\\d{4}-\\d+|GHSA(-[23456789cfghjmpqrvwx]{4}){3}|[A-Z]+-\\d{4}-\\d+|OSV-\\d{4}-\\d+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CWE = Pattern.compile("(?i)cwe[-/]0*(\\d+)");

    /** Hands each finding to {@code findings} as it is read, keeping none. */
    public void read(Path file, Consumer<Finding> findings) throws IOException {
        read(file, new ReportSink() {
            @Override
            public void finding(Finding finding) {
                findings.accept(finding);
            }

            @Override
            public void vexStatement(VexStatement statement) {}
        });
    }

    private final JsonFactory json;

    /** Within the default limits. */
    public SarifReader() {
        this(ReportLimits.DEFAULT);
    }

    public SarifReader(ReportLimits limits) {
        this.json = limits.jsonFactory();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.SARIF;
    }

    @Override
    public void read(Path file, ReportSink sink) throws IOException {
        String name = file.toString();
        JsonParser parser = json.createParser(file.toFile());
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ReportParseException.at(name, parser.currentLocation(), "expected a SARIF log, a JSON object with \"version\" and \"runs\"");
            }
            JsonLocation start = parser.currentTokenLocation();
            String version = null;
            int runs = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "version" -> version = parser.getValueAsString();
                    case "runs" -> {
                        if (value == JsonToken.VALUE_NULL) {
                            continue;
                        }
                        if (value != JsonToken.START_ARRAY) {
                            throw ReportParseException.at(name, parser.currentLocation(), "\"runs\" must be an array of runs");
                        }
                        runs = 0;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            expectObject(parser, name, "a run object");
                            readRun(parser, name, runs++, sink);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (version != null && !version.startsWith("2.1")) {
                throw new ReportParseException(Printable.of(name) + ": SARIF version " + Printable.of(version) + "; expected 2.1.0");
            }
            if (runs <= 0) {
                // runs null: the producer failed (SARIF 2.1.0 §3.13.4); no runs at all: no tool's analysis is in the file.
                throw ReportParseException.at(name, start, "the SARIF log has " + (runs < 0 ? "no \"runs\" array (null or absent: the tool failed)"
                        : "an empty \"runs\" array: no tool's analysis is in it") + "; expected the run of the scanner, with \"results\": [] when it found nothing");
            }
        } catch (JsonProcessingException e) {
            throw ReportLimits.notReadable(name, e, parser);
        }
    }

    /**
     * A run: its tool (and rules) first, then its results; results that come before the tool wait for it. A run whose
     * tool failed, or that has no results array, is an error: it says nothing of what is in the code.
     */
    private void readRun(JsonParser parser, String file, int index, ReportSink sink) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        Tool tool = null;
        List<Located> waiting = new ArrayList<>();
        boolean hasResults = false;
        List<JsonNode> invocations = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("tool") && value == JsonToken.START_OBJECT) {
                JsonLocation at = parser.currentTokenLocation();
                tool = new Tool(parser.readValueAsTree(), file, at);
                sink.tool(tool.name, tool.version);
                for (Located result : waiting) {
                    emit(tool, result, file, sink);
                }
                waiting.clear();
            } else if (field.equals("results") && value == JsonToken.START_ARRAY) {
                hasResults = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    expectObject(parser, file, "a result object");
                    Located result = new Located(parser.currentTokenLocation(), parser.readValueAsTree());
                    if (tool == null) {
                        waiting.add(result);
                    } else {
                        emit(tool, result, file, sink);
                    }
                }
            } else if (field.equals("results") && value != JsonToken.VALUE_NULL) {
                throw ReportParseException.at(file, parser.currentTokenLocation(), "\"results\" must be an array of results");
            } else if (field.equals("invocations") && value == JsonToken.START_ARRAY) {
                parser.<JsonNode>readValueAsTree().forEach(invocations::add);
            } else {
                parser.skipChildren();
            }
        }
        if (!waiting.isEmpty()) {
            throw new ReportParseException(Printable.of(file) + ": a run has results but no \"tool\"; expected a run with tool.driver.name");
        }
        String run = "runs[" + index + "] (" + (tool == null ? "no tool named" : "tool " + Printable.of(tool.name)) + ")";
        for (JsonNode invocation : invocations) {
            SarifValues.checkSucceeded(invocation, file, start, run);
        }
        if (!hasResults) {
            throw ReportParseException.at(file, start, run + " has no \"results\" array: SARIF 2.1.0 §3.14.23 says the tool did not produce "
                    + "results (it failed or did not run to completion), which is not a scan without findings. Fix the scan and run it again; "
                    + "a tool that found nothing writes \"results\": []");
        }
    }

    private void emit(Tool tool, Located located, String file, ReportSink sink) throws ReportParseException {
        JsonNode result = located.node();
        String kind = SarifValues.enumerated(result, "kind", SarifValues.KINDS, file, located.at(), "a result's");
        if (kind != null && !kind.equals("fail")) {
            return;
        }
        JsonNode rule = tool.rule(result);
        String ruleId = firstText(text(result, "ruleId"), text(result.path("rule"), "id"), text(rule, "id"), "unknown-rule");
        String uri = text(result.path("locations").path(0).path("physicalLocation").path("artifactLocation"), "uri");
        int line = result.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt(0);
        // The text itself, or the rule's message string the result names by id, or the rule's description.
        String message = firstText(text(result.path("message"), "text"), text(result.path("message"), "markdown"),
                text(rule.path("messageStrings").path(Objects.requireNonNullElse(text(result.path("message"), "id"), "")), "text"),
                text(rule.path("shortDescription"), "text"));
        message = message == null ? "" : message.lines().findFirst().orElse("").strip();
        if (message.length() > 200) {
            message = message.substring(0, 197) + "...";
        }

        Severity severity;
        String source;
        JsonNode securitySeverity = firstPresent(result.path("properties").path("security-severity"),
                rule.path("properties").path("security-severity"));
        Double score = null;
        if (!securitySeverity.isMissingNode() && parseScore(securitySeverity.asText()) != null) {
            score = parseScore(securitySeverity.asText());
            severity = Severity.fromScore(score);
            source = "security-severity " + securitySeverity.asText();
        } else if (!securitySeverity.isMissingNode() && Severity.fromText(securitySeverity.asText()) != null) {
            severity = Severity.fromText(securitySeverity.asText());
            source = "security-severity " + securitySeverity.asText();
        } else {
            String level = firstText(SarifValues.enumerated(result, "level", SarifValues.LEVELS, file, located.at(), "a result's"),
                    tool.defaultLevel(rule), "warning");
            severity = switch (level) {
                case "error" -> Severity.HIGH;
                case "warning" -> Severity.MEDIUM;
                case "note" -> Severity.LOW;
                case "none" -> Severity.INFO;
                default -> Severity.UNKNOWN;
            };
            source = "SARIF level " + level;
        }

        Set<String> aliases = new LinkedHashSet<>();
        for (JsonNode tag : rule.path("properties").path("tags")) {
            Matcher cwe = CWE.matcher(tag.asText());
            if (cwe.find()) {
                aliases.add("CWE-" + cwe.group(1));
            }
        }
        aliases.remove(ruleId);
        FindingKind findingKind = tool.name.toLowerCase(Locale.ROOT).contains("gitleaks") ? FindingKind.SECRET
                : VULNERABILITY_ID.matcher(ruleId).matches() ? FindingKind.DEPENDENCY : FindingKind.CODE;
        sink.finding(new Finding(tool.name, tool.version, findingKind, ruleId, aliases, severity, source, null, score, null, uri, line,
                fingerprint(tool.name, ruleId, uri, message, result), SarifValues.suppression(result, file, located.at()), message, file));
    }

    /** The tool's own line-independent fingerprint when it has one, else the rule, the file and the message. */
    private static String fingerprint(String tool, String ruleId, String uri, String message, JsonNode result) {
        String own = text(result.path("partialFingerprints"), "primaryLocationLineHash");
        if (own == null) {
            for (JsonNode value : result.path("fingerprints")) {
                if (value.isTextual()) {
                    own = value.asText();
                    break;
                }
            }
        }
        if (own != null) {
            return tool + ":" + own;
        }
        var digest = DigestAlgorithm.SHA256.newMessageDigest();
        digest.update((tool + "\n" + ruleId + "\n" + uri + "\n" + message).getBytes(StandardCharsets.UTF_8));
        return "sb:" + HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static Double parseScore(String text) {
        try {
            double score = Double.parseDouble(text.strip());
            return score >= 0 && score <= 10 ? score : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode firstPresent(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (!node.isMissingNode() && !node.isNull()) {
                return node;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Anything else where an object must be would end the array early and drop what follows: refused. */
    private static void expectObject(JsonParser parser, String file, String expected) throws ReportParseException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ReportParseException.at(file, parser.currentTokenLocation(), "expected " + expected);
        }
    }

    /** A result held as a tree, and where it starts in the file. */
    private record Located(JsonLocation at, JsonNode node) {}

    /** A run's tool: its name and version, and its rules by id and by index (driver first, then extensions). */
    private static final class Tool {
        final String name;
        final String version;
        final Map<String, JsonNode> rulesById = new HashMap<>();
        final List<JsonNode> driverRules = new ArrayList<>();

        /** Every rule's default level is checked here, where the tool starts: a tree keeps no positions of its own. */
        Tool(JsonNode tool, String file, JsonLocation at) throws ReportParseException {
            JsonNode driver = tool.path("driver");
            this.name = firstText(text(driver, "name"), "unknown tool");
            this.version = firstText(text(driver, "version"), text(driver, "semanticVersion"));
            List<JsonNode> rules = new ArrayList<>();
            driver.path("rules").forEach(rules::add);
            driverRules.addAll(rules);
            tool.path("extensions").forEach(extension -> extension.path("rules").forEach(rules::add));
            for (JsonNode rule : rules) {
                SarifValues.enumerated(rule.path("defaultConfiguration"), "level", SarifValues.LEVELS, file, at,
                        "the tool's rule " + firstText(Printable.of(text(rule, "id")), "without id") + ": its defaultConfiguration's");
                add(rule);
            }
        }

        /** The rule's default level (checked when the tool was read), or null when it has none. */
        String defaultLevel(JsonNode rule) {
            return text(rule.path("defaultConfiguration"), "level");
        }

        private void add(JsonNode rule) {
            String id = text(rule, "id");
            if (id != null) {
                rulesById.putIfAbsent(id, rule);
            }
        }

        JsonNode rule(JsonNode result) {
            String id = firstText(text(result, "ruleId"), text(result.path("rule"), "id"));
            if (id != null && rulesById.containsKey(id)) {
                return rulesById.get(id);
            }
            int index = result.path("ruleIndex").asInt(result.path("rule").path("index").asInt(-1));
            if (index >= 0 && index < driverRules.size()) {
                return driverRules.get(index);
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
