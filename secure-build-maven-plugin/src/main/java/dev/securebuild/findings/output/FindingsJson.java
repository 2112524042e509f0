package dev.securebuild.findings.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.ExceptionStatus;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.ReadReport;
import dev.securebuild.findings.Severity;

/**
 * {@code findings.json}: every merged finding with its decision and the evidence of each tool, streamed. The verdict
 * comes first and the summary second, so that {@code head} or a streaming reader learns the outcome without reading
 * the findings; the schema name follows them. Absent values are written as null, so every object has the same fields.
 */
public final class FindingsJson {

    /** The schema name in the {@code format} field; a change that breaks readers gets a new number. */
    public static final String FORMAT = "secure-build-findings/1";

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private FindingsJson() {}

    public static void write(CheckResult result, OutputStream out) throws IOException {
        FindingsSummary summary = FindingsSummary.of(result);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("verdict", result.verdict());
            writeSummary(json, summary);
            json.writeStringField("format", FORMAT);
            json.writeStringField("policy", result.policy());
            json.writeStringField("checkedAt", String.valueOf(result.checkedAt()));
            json.writeArrayFieldStart("reports");
            for (ReadReport report : result.reports()) {
                writeReport(json, report);
            }
            json.writeEndArray();
            writeStrings(json, "violations", result.violations());
            writeStrings(json, "warnings", result.warnings());
            json.writeArrayFieldStart("exceptions");
            for (ExceptionStatus exception : result.exceptions()) {
                writeException(json, exception);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("findings");
            for (Decision decision : result.decisions()) {
                writeFinding(json, decision);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeSummary(JsonGenerator json, FindingsSummary summary) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("raw", summary.raw());
        json.writeNumberField("merged", summary.merged());
        json.writeNumberField("blocking", summary.count(Outcome.BLOCKING));
        json.writeNumberField("warnings", summary.count(Outcome.WARNING));
        json.writeNumberField("excepted", summary.count(Outcome.EXCEPTED));
        json.writeNumberField("notAffected", summary.count(Outcome.NOT_AFFECTED));
        json.writeNumberField("suppressed", summary.count(Outcome.SUPPRESSED));
        json.writeObjectFieldStart("bySeverity");
        for (Map.Entry<Severity, Integer> entry : summary.bySeverity().entrySet()) {
            json.writeNumberField(Labels.of(entry.getKey()), entry.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("byTool");
        for (Map.Entry<String, Integer> entry : summary.byTool().entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("byKind");
        for (Map.Entry<FindingKind, Integer> entry : summary.byKind().entrySet()) {
            json.writeNumberField(Labels.of(entry.getKey()), entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeReport(JsonGenerator json, ReadReport report) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", report.path());
        json.writeStringField("format", report.format() == null ? null : report.format().label());
        json.writeStringField("tool", report.tool());
        json.writeStringField("toolVersion", report.toolVersion());
        json.writeNumberField("findings", report.findings());
        json.writeNumberField("vexStatements", report.vexStatements());
        json.writeStringField("modified", report.modified() == null ? null : report.modified().toString());
        json.writeEndObject();
    }

    private static void writeException(JsonGenerator json, ExceptionStatus exception) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", exception.id());
        json.writeStringField("matches", exception.matches());
        json.writeStringField("state", Labels.of(exception.state()));
        json.writeStringField("expires", exception.expires() == null ? null : exception.expires().toString());
        json.writeNumberField("matched", exception.matched());
        json.writeBooleanField("violation", exception.violation());
        json.writeStringField("justification", exception.justification());
        json.writeStringField("reason", exception.reason());
        json.writeStringField("approvedBy", exception.approvedBy());
        json.writeStringField("message", exception.message());
        json.writeEndObject();
    }

    private static void writeFinding(JsonGenerator json, Decision decision) throws IOException {
        MergedFinding finding = decision.finding();
        json.writeStartObject();
        json.writeStringField("id", finding.id());
        writeStrings(json, "ids", finding.ids());
        json.writeStringField("key", finding.key());
        json.writeStringField("severity", Labels.of(finding.severity()));
        json.writeStringField("kind", Labels.of(finding.kind()));
        json.writeStringField("where", finding.where());
        writeStrings(json, "tools", finding.tools());
        json.writeStringField("outcome", Labels.of(decision.outcome()));
        json.writeStringField("reason", decision.reason());
        json.writeStringField("exception", decision.exceptionId());
        Finding scored = finding.highestScored();
        if (scored == null) {
            json.writeNullField("cvss");
        } else {
            json.writeObjectFieldStart("cvss");
            json.writeStringField("version", scored.cvssVersion());
            json.writeNumberField("score", scored.cvssScore());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("evidence");
        for (Finding evidence : finding.evidence()) {
            writeEvidence(json, evidence);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeEvidence(JsonGenerator json, Finding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("tool", finding.tool());
        json.writeStringField("toolVersion", finding.toolVersion());
        json.writeStringField("id", finding.id());
        json.writeStringField("severity", Labels.of(finding.severity()));
        json.writeStringField("severitySource", finding.severitySource());
        json.writeStringField("component", finding.component());
        json.writeStringField("path", finding.path());
        json.writeNumberField("line", finding.line());
        json.writeStringField("fingerprint", finding.fingerprint());
        json.writeStringField("suppressedBy", finding.suppressedBy());
        json.writeStringField("report", finding.report());
        json.writeStringField("message", finding.message());
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String field, Iterable<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
