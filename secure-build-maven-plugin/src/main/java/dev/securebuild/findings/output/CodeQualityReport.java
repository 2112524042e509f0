package dev.securebuild.findings.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.Severity;
import dev.securebuild.shared.digest.DigestAlgorithm;

/**
 * The check as GitLab's Code Quality report ({@code gl-code-quality-report.json}, collected with
 * {@code artifacts:reports:codequality}), which GitLab shows in the merge request: a JSON array with one issue per
 * blocking finding, warning and policy violation, each with the fields GitLab reads ({@code description},
 * {@code check_name}, {@code fingerprint}, {@code severity}, {@code location.path}, {@code location.lines.begin}).
 * Cleared findings (excepted, not affected, suppressed) are not issues and are left out; findings.json has them.
 *
 * <p>GitLab places an issue by its path relative to the repository root: {@code repositoryPath} gives it for a
 * finding, or null when the finding has no file (a vulnerable dependency) or lies outside the repository; such an issue
 * and every policy violation are placed at {@code fallbackPath} (the module's POM), line 1.
 */
public final class CodeQualityReport {

    public static final String FILE = "gl-code-quality-report.json";

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private CodeQualityReport() {}

    public static void write(CheckResult result, String fallbackPath, Function<Finding, String> repositoryPath, OutputStream out)
            throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (Decision decision : result.decisions()) {
                if (decision.outcome() == Outcome.BLOCKING || decision.outcome() == Outcome.WARNING) {
                    writeFinding(json, decision, fallbackPath, repositoryPath);
                }
            }
            for (String violation : result.violations()) {
                writeIssue(json, "policy violation: " + violation, "secure-build/policy", fingerprint("policy|" + violation), "blocker",
                        fallbackPath, 1);
            }
            json.writeEndArray();
        }
        out.write('\n');
    }

    private static void writeFinding(JsonGenerator json, Decision decision, String fallbackPath, Function<Finding, String> repositoryPath)
            throws IOException {
        MergedFinding finding = decision.finding();
        Finding primary = finding.primary();
        String path = primary.path() == null ? null : repositoryPath.apply(primary);
        String description = finding.id() + ": " + primary.message() + " ("
                + (decision.outcome() == Outcome.BLOCKING ? "blocks the build: " : "a warning: ") + decision.reason() + "; "
                + String.join(", ", finding.tools()) + ")";
        writeIssue(json, description, finding.id(), fingerprint(finding.key()), severity(finding.severity()),
                path == null ? fallbackPath : path, path == null ? 1 : Math.max(primary.line(), 1));
    }

    private static void writeIssue(JsonGenerator json, String description, String checkName, String fingerprint, String severity,
                                   String path, int line) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "issue");
        json.writeStringField("description", description);
        json.writeStringField("check_name", checkName);
        json.writeStringField("fingerprint", fingerprint);
        json.writeStringField("severity", severity);
        json.writeObjectFieldStart("location");
        json.writeStringField("path", path);
        json.writeObjectFieldStart("lines");
        json.writeNumberField("begin", line);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * GitLab's five levels: critical findings are blockers, high critical, medium major, low minor; a finding whose
     * tool gave no severity is major, not waved through as minor.
     */
    static String severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "blocker";
            case HIGH -> "critical";
            case MEDIUM, UNKNOWN -> "major";
            case LOW -> "minor";
            case INFO -> "info";
        };
    }

    /** Stable across runs (the merged finding's key is), and unique in one report, as GitLab requires. */
    private static String fingerprint(String key) {
        return DigestAlgorithm.hex(DigestAlgorithm.SHA256.newMessageDigest().digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
