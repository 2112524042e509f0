package dev.securebuild.enforcer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.securebuild.allowlist.Decision;

/**
 * The small result file a rule leaves for {@code release-gate}, in the format every goal of secure-build writes
 * ({@code secure-build-result/1}, docs/release-gate.md): {@code target/secure-build/results/<check>.json}. Approvals
 * in force that are about to end are its exceptions. Written whole or not at all (a temporary file, then a move).
 */
public final class RuleResult {

    public static final String FORMAT = "secure-build-result/1";

    /** pass, warn or fail. */
    public enum Verdict { PASS, WARN, FAIL }

    private RuleResult() {}

    /**
     * @param expiring the EXPIRING decisions: allowed, on approvals that end soon
     */
    public static void write(Path file, String check, String goal, String project, String version, Verdict verdict, String summary,
                             List<Decision> expiring, Instant time) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary);
                 JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
                json.writeStartObject();
                json.writeStringField("format", FORMAT);
                json.writeStringField("check", check);
                json.writeStringField("goal", goal);
                json.writeStringField("project", project);
                json.writeStringField("version", version);
                json.writeStringField("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
                json.writeStringField("verdict", verdict.name().toLowerCase(java.util.Locale.ROOT));
                json.writeStringField("summary", summary);
                json.writeArrayFieldStart("exceptions");
                for (Decision decision : expiring) {
                    json.writeStartObject();
                    json.writeStringField("id", decision.component().toString());
                    // The format's exception fields only (release-gate rejects others): the entry is named in the reason.
                    json.writeStringField("reason", decision.entry().reason() + " (entry " + decision.entry().location() + ")");
                    json.writeStringField("approvedBy", decision.entry().owner());
                    json.writeStringField("expires", String.valueOf(decision.entry().expires()));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeNullField("details");
                json.writeEndObject();
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
