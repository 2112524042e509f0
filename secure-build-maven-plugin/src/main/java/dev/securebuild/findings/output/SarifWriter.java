package dev.securebuild.findings.output;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.ExceptionStatus;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.Severity;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run whose tool is secure-build (the scanners that saw each
 * finding are named in its message and properties), one rule per merged id, one result per merged finding.
 * <ul>
 * <li>{@code findings.sarif}: every finding; the cleared ones carry an accepted suppression with its justification,
 * for viewers that honour suppressions.</li>
 * <li>{@code blocking.sarif}: only what blocks, without suppressions, because GitHub ignores suppressions: an alert
 * there is an alert that fails the build, and it closes once an exception or a fix clears it.</li>
 * </ul>
 * GitHub needs a location for every result; a finding without a file of its own (a dependency, a license) is placed
 * at line 1 of the project file ({@code pom.xml}), and its message says so. The two files have different
 * {@code automationDetails.id}s so that both can be uploaded to one repository.
 */
public final class SarifWriter {

    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String TOOL = "secure-build";
    static final String INFORMATION_URI = "https://github.com/secure-build/secure-build";
    /** The key of our fingerprint in {@code fingerprints} and {@code partialFingerprints}. */
    public static final String FINGERPRINT = "secureBuild/v1";

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final String pluginVersion;
    private final String projectFile;

    /**
     * @param pluginVersion  written as the driver's version
     * @param projectFile    where findings without a file are located, relative to the repository root ({@code pom.xml})
     */
    public SarifWriter(String pluginVersion, String projectFile) {
        this.pluginVersion = pluginVersion;
        this.projectFile = projectFile;
    }

    public SarifWriter(String pluginVersion) {
        this(pluginVersion, "pom.xml");
    }

    /** Every finding, cleared ones with their suppression. */
    public void writeAll(CheckResult result, OutputStream out) throws IOException {
        write(result, result.decisions(), true, "secure-build/findings/", out);
    }

    /** Only blocking findings, no suppressions: for GitHub code scanning. */
    public void writeBlocking(CheckResult result, OutputStream out) throws IOException {
        List<Decision> blocking = result.decisions().stream().filter(d -> d.outcome().blocks()).toList();
        write(result, blocking, false, "secure-build/blocking/", out);
    }

    private void write(CheckResult result, List<Decision> decisions, boolean withSuppressions, String automationId, OutputStream out)
            throws IOException {
        Map<String, Rule> rules = rules(decisions);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        rules.keySet().forEach(id -> ruleIndex.put(id, ruleIndex.size()));
        Map<String, ExceptionStatus> exceptions = result.exceptions().stream()
                .collect(Collectors.toMap(ExceptionStatus::id, Function.identity(), (a, b) -> a));
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            writeTool(json, rules);
            json.writeObjectFieldStart("automationDetails");
            json.writeStringField("id", automationId);
            json.writeEndObject();
            writeInvocation(json, result);
            json.writeArrayFieldStart("results");
            for (Decision decision : decisions) {
                writeResult(json, decision, ruleIndex.get(decision.finding().id()), withSuppressions, exceptions);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("properties");
            json.writeStringField("verdict", result.verdict());
            json.writeStringField("policy", result.policy());
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /** One rule per merged id, in the order of first appearance (blocking first, as the decisions are). */
    private static Map<String, Rule> rules(List<Decision> decisions) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            MergedFinding finding = decision.finding();
            rules.merge(finding.id(), new Rule(finding, securitySeverity(finding)), Rule::higher);
        }
        return rules;
    }

    private void writeTool(JsonGenerator json, Map<String, Rule> rules) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", TOOL);
        json.writeStringField("version", pluginVersion);
        json.writeStringField("informationUri", INFORMATION_URI);
        json.writeArrayFieldStart("rules");
        for (Map.Entry<String, Rule> entry : rules.entrySet()) {
            Rule rule = entry.getValue();
            MergedFinding finding = rule.example();
            json.writeStartObject();
            json.writeStringField("id", entry.getKey());
            json.writeObjectFieldStart("shortDescription");
            json.writeStringField("text", entry.getKey() + ": " + firstMessage(finding));
            json.writeEndObject();
            // GitHub code scanning requires a full description of every rule (the SARIF multitool's rule GH2012).
            json.writeObjectFieldStart("fullDescription");
            json.writeStringField("text", fullDescription(entry.getKey(), finding));
            json.writeEndObject();
            json.writeObjectFieldStart("help");
            json.writeStringField("text", help(entry.getKey(), finding));
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            if (rule.score() != null) {
                json.writeStringField("security-severity", formatScore(rule.score()));
            }
            json.writeArrayFieldStart("tags");
            json.writeString("security");
            json.writeString(Labels.of(finding.kind()));
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Policy violations and warnings are not findings; they travel as notifications of the one invocation. */
    private static void writeInvocation(JsonGenerator json, CheckResult result) throws IOException {
        json.writeArrayFieldStart("invocations");
        json.writeStartObject();
        json.writeBooleanField("executionSuccessful", true);
        json.writeArrayFieldStart("toolConfigurationNotifications");
        for (String violation : result.violations()) {
            writeNotification(json, "error", violation);
        }
        for (String warning : result.warnings()) {
            writeNotification(json, "warning", warning);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void writeNotification(JsonGenerator json, String level, String text) throws IOException {
        json.writeStartObject();
        json.writeStringField("level", level);
        json.writeObjectFieldStart("message");
        json.writeStringField("text", text);
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeResult(JsonGenerator json, Decision decision, int ruleIndex, boolean withSuppressions,
                             Map<String, ExceptionStatus> exceptions) throws IOException {
        MergedFinding finding = decision.finding();
        Finding located = finding.evidence().stream().filter(f -> f.path() != null && !f.path().isBlank()).findFirst().orElse(null);
        json.writeStartObject();
        json.writeStringField("ruleId", finding.id());
        json.writeNumberField("ruleIndex", ruleIndex);
        json.writeStringField("level", switch (decision.outcome()) {
            case BLOCKING -> "error";
            case WARNING -> "warning";
            default -> "note";
        });
        json.writeObjectFieldStart("message");
        json.writeStringField("text", message(decision, located == null));
        json.writeEndObject();

        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", located == null ? projectFile : uri(located.path()));
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", located == null ? 1 : Math.max(1, located.line()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();

        json.writeObjectFieldStart("fingerprints");
        json.writeStringField(FINGERPRINT, finding.key());
        json.writeEndObject();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FINGERPRINT, finding.key());
        json.writeEndObject();

        if (withSuppressions && decision.outcome() != Outcome.BLOCKING && decision.outcome() != Outcome.WARNING) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", decision.outcome() == Outcome.SUPPRESSED ? "inSource" : "external");
            json.writeStringField("status", "accepted");
            json.writeStringField("justification", justification(decision, exceptions));
            json.writeEndObject();
            json.writeEndArray();
        }

        json.writeObjectFieldStart("properties");
        Double score = securitySeverity(finding);
        if (score != null) {
            json.writeStringField("security-severity", formatScore(score));
        }
        json.writeStringField("severity", Labels.of(finding.severity()));
        json.writeStringField("outcome", Labels.of(decision.outcome()));
        json.writeStringField("reason", decision.reason());
        json.writeArrayFieldStart("tools");
        for (String tool : finding.tools()) {
            json.writeString(tool);
        }
        json.writeEndArray();
        if (finding.primary().component() != null) {
            json.writeStringField("component", finding.primary().component());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** What, where, which tools, and the decision, in a sentence or three. */
    private String message(Decision decision, boolean placedAtProjectFile) {
        MergedFinding finding = decision.finding();
        StringBuilder text = new StringBuilder(finding.id()).append(" (").append(Labels.of(finding.severity())).append(')');
        String where = finding.where();
        if (!where.isEmpty()) {
            text.append(" in ").append(where);
        }
        String message = firstMessage(finding);
        if (!message.isEmpty()) {
            text.append(": ").append(message);
        }
        endSentence(text);
        text.append(" Reported by ").append(String.join(", ", finding.tools())).append('.');
        text.append(' ').append(capitalized(Labels.words(decision.outcome()))).append(": ").append(decision.reason());
        endSentence(text);
        if (placedAtProjectFile) {
            text.append(" Shown at ").append(projectFile).append(" because the finding names no file.");
        }
        return text.toString();
    }

    private static String justification(Decision decision, Map<String, ExceptionStatus> exceptions) {
        return switch (decision.outcome()) {
            case EXCEPTED -> {
                ExceptionStatus exception = decision.exceptionId() == null ? null : exceptions.get(decision.exceptionId());
                if (exception == null) {
                    yield "exception " + decision.exceptionId() + ": " + decision.reason();
                }
                StringBuilder text = new StringBuilder("exception ").append(exception.id()).append(": ")
                        .append(exception.reason() == null ? decision.reason() : exception.reason());
                List<String> terms = new ArrayList<>();
                if (exception.approvedBy() != null) {
                    terms.add("approved by " + exception.approvedBy());
                }
                if (exception.expires() != null) {
                    terms.add("expires " + exception.expires());
                }
                if (!terms.isEmpty()) {
                    text.append(" (").append(String.join(", ", terms)).append(')');
                }
                yield text.toString();
            }
            case NOT_AFFECTED -> "VEX: " + decision.reason();
            case SUPPRESSED -> decision.finding().evidence().stream().map(Finding::suppressedBy).filter(s -> s != null && !s.isBlank())
                    .findFirst().orElse(decision.reason());
            default -> decision.reason();
        };
    }

    /** What the tools said of it: the primary finding's message, and where it is. */
    private static String fullDescription(String id, MergedFinding finding) {
        String where = finding.where();
        return id + ": " + firstMessage(finding) + (where.isEmpty() ? "" : " (" + where + ")") + ".";
    }

    private static String help(String id, MergedFinding finding) {
        StringBuilder text = new StringBuilder(id);
        if (finding.ids().size() > 1) {
            text.append(" (also known as ").append(finding.ids().stream().filter(other -> !other.equals(id)).collect(Collectors.joining(", ")))
                    .append(')');
        }
        text.append(", reported by ").append(String.join(", ", finding.tools())).append(". ");
        text.append("secure-build fails the build on findings at or above the policy's threshold; clear one by fixing it, ")
                .append("by a VEX statement, or by a policy exception with a reason, an approver and an expiry date. ")
                .append("See target/secure-build/findings/report.html for every finding and the evidence of each tool.");
        return text.toString();
    }

    /**
     * GitHub's {@code security-severity}: the CVSS score when it agrees with the merged severity, else a score in the
     * middle of the severity's band, so that GitHub shows the severity the policy decided on. Info and unknown
     * findings get none: GitHub then falls back on the level.
     */
    static Double securitySeverity(MergedFinding finding) {
        Finding scored = finding.highestScored();
        if (scored != null && Severity.fromScore(scored.cvssScore()) == finding.severity()) {
            return scored.cvssScore();
        }
        return switch (finding.severity()) {
            case CRITICAL -> 9.5;
            case HIGH -> 8.0;
            case MEDIUM -> 5.5;
            case LOW -> 2.0;
            case INFO, UNKNOWN -> null;
        };
    }

    private static String formatScore(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    /** A relative path as a relative URI reference (slashes, spaces escaped); an absolute one as a {@code file:} URI. */
    static String uri(String path) {
        if (path.startsWith("file:") || path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            return path;
        }
        String slashed = path.replace('\\', '/');
        if (slashed.startsWith("/")) {
            return Path.of(slashed).toUri().toString();
        }
        try {
            return new URI(null, null, slashed, null).toASCIIString();
        } catch (URISyntaxException e) {
            return slashed;
        }
    }

    private static String firstMessage(MergedFinding finding) {
        for (Finding evidence : finding.evidence()) {
            if (evidence.message() != null && !evidence.message().isBlank()) {
                return evidence.message().strip();
            }
        }
        return "";
    }

    private static void endSentence(StringBuilder text) {
        char last = text.charAt(text.length() - 1);
        if (last != '.' && last != '!' && last != '?') {
            text.append('.');
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A rule: the finding that describes it and its highest score among the results that share its id. */
    private record Rule(MergedFinding example, Double score) {
        Rule higher(Rule other) {
            if (score == null) {
                return other.score == null ? this : other;
            }
            return other.score != null && other.score > score ? other : this;
        }
    }
}
