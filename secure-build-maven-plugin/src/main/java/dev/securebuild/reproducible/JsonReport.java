package dev.securebuild.reproducible;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The report machines read (and the release gate): the same content as the text report. Its shape is documented in
 * docs/goals/diff.md; {@code format} changes when a field is removed or changes meaning. Written field by field with
 * Jackson's streaming generator: databind's start-up (its serializers for these records, built by reflection) cost
 * every {@code diff} more than writing the report itself.
 */
public final class JsonReport {

    public static final String FORMAT = "secure-build-comparison/1";

    private static final JsonFactory JSON = new JsonFactory();

    private JsonReport() {}

    public static byte[] render(ComparisonReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("goal", report.goal());
            json.writeStringField("created", report.created().toString());
            json.writeStringField("left", report.left());
            json.writeStringField("right", report.right());
            json.writeBooleanField("reproducible", !report.differs());
            json.writeObjectFieldStart("summary");
            for (ArtifactComparison.Status status : ArtifactComparison.Status.values()) {
                json.writeNumberField(status.name(), report.count(status));
            }
            json.writeEndObject();
            strings(json, "notes", report.notes());
            json.writeArrayFieldStart("artifacts");
            for (ArtifactComparison artifact : report.artifacts()) {
                artifact(json, artifact);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void artifact(JsonGenerator json, ArtifactComparison artifact) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", artifact.name());
        json.writeStringField("status", artifact.status().name());
        json.writeStringField("leftSha512", artifact.leftSha512());
        json.writeStringField("rightSha512", artifact.rightSha512());
        json.writeNumberField("leftSize", artifact.leftSize());
        json.writeNumberField("rightSize", artifact.rightSize());
        json.writeArrayFieldStart("differences");
        for (Difference difference : artifact.differences()) {
            difference(json, difference);
        }
        json.writeEndArray();
        json.writeStringField("ignoredBecause", artifact.ignoredBecause());
        json.writeEndObject();
    }

    private static void difference(JsonGenerator json, Difference difference) throws IOException {
        json.writeStartObject();
        json.writeStringField("location", difference.location());
        json.writeStringField("kind", difference.kind().name());
        json.writeStringField("summary", difference.summary());
        json.writeNumberField("count", difference.count());
        strings(json, "details", difference.details());
        json.writeObjectFieldStart("facts");
        for (Map.Entry<String, String> fact : difference.facts().entrySet()) {
            json.writeStringField(fact.getKey(), fact.getValue());
        }
        json.writeEndObject();
        Explanation explanation = difference.explanation();
        if (explanation == null) {
            json.writeNullField("explanation");
        } else {
            json.writeObjectFieldStart("explanation");
            json.writeStringField("cause", explanation.cause());
            json.writeStringField("fix", explanation.fix());
            json.writeStringField("producedBy", explanation.producedBy());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
