package dev.securebuild.reproducible;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The report machines read (and the release gate): the same content as the text report. Its shape is documented in
 * docs/goals/diff.md; {@code format} changes when a field is removed or changes meaning.
 */
public final class JsonReport {

    public static final String FORMAT = "secure-build-comparison/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static byte[] render(ComparisonReport report) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("goal", report.goal());
        root.put("created", report.created().toString());
        root.put("left", report.left());
        root.put("right", report.right());
        root.put("reproducible", !report.differs());
        Map<String, Long> summary = new LinkedHashMap<>();
        for (ArtifactComparison.Status status : ArtifactComparison.Status.values()) {
            summary.put(status.name(), report.count(status));
        }
        root.put("summary", summary);
        root.put("notes", report.notes());
        root.put("artifacts", report.artifacts());
        return MAPPER.writeValueAsBytes(root);
    }
}
