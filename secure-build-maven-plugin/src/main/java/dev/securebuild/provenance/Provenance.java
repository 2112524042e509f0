package dev.securebuild.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.securebuild.shared.secrets.Redaction;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.shared.results.GoalResult;

/**
 * An in-toto Statement v1 whose predicate is SLSA Provenance v1, with our build type (docs/provenance.md describes
 * every field). Everything a user or the environment chose passes through {@link Redaction} on the way in, in the
 * constructors of the parts, so that no caller can record a secret by forgetting to ask.
 */
public record Provenance(List<Subject> subjects, ExternalParameters externalParameters, Map<String, String> internalParameters,
                         List<ResourceDescriptor> resolvedDependencies, RunDetails runDetails) {

    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";
    /** Our build type: what the fields of buildDefinition mean (docs/provenance.md). */
    public static final String BUILD_TYPE = "https://securebuild.dev/provenance/maven/v1";

    private static final JsonFactory JSON = new JsonFactory();

    public Provenance {
        subjects = List.copyOf(subjects);
        internalParameters = Collections.unmodifiableMap(new LinkedHashMap<>(internalParameters));
        resolvedDependencies = List.copyOf(resolvedDependencies);
    }

    /** A file the build produced: its name as deployed and its digests (algorithm as in-toto names it, e.g. {@code sha256} → lowercase hex). */
    public record Subject(String name, Map<String, String> digest) {
        public Subject {
            digest = Collections.unmodifiableMap(new TreeMap<>(digest));
        }
    }

    /** A SLSA ResourceDescriptor; {@code digest} empty when the file could not be read. */
    public record ResourceDescriptor(String uri, String name, Map<String, String> digest, Map<String, String> annotations) {
        public ResourceDescriptor {
            digest = Collections.unmodifiableMap(new TreeMap<>(digest));
            annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        }
    }

    /** Where the sources came from: a {@code git+URL[@ref]} URI and the commit, each possibly unknown (null). */
    public record Source(String uri, String commit) {
        public Source {
            uri = Redaction.redact("source.uri", uri);
            commit = Redaction.redact("source.commit", commit);
        }
    }

    /**
     * The git working tree the sources were read from, against the commit it was checked out at: the names (never the
     * content) of the tracked files that differ, at most {@link #MAX_LISTED}, their number, and the number of untracked
     * files that are not ignored. {@code incomplete} when git printed more than could be read: the counts are then
     * lower bounds.
     */
    public record WorkingTree(List<String> modifiedFiles, int modifiedFileCount, int untrackedFileCount, boolean incomplete) {

        public static final int MAX_LISTED = 100;

        public WorkingTree {
            modifiedFiles = modifiedFiles.stream().limit(MAX_LISTED).map(name -> Redaction.redact("workingTree.modifiedFile", name)).toList();
        }

        /** For a person: how many files differ, the first names (escaped for a log), how many are untracked. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append(modifiedFileCount).append(modifiedFileCount == 1 ? " tracked file differs" : " tracked files differ").append(" from the commit");
            if (!modifiedFiles.isEmpty()) {
                int shown = Math.min(modifiedFiles.size(), 10);
                text.append(" (").append(String.join(", ", modifiedFiles.subList(0, shown).stream().map(Printable::of).toList()))
                        .append(modifiedFileCount > shown ? ", ..." : "").append(")");
            }
            text.append(", ").append(untrackedFileCount).append(untrackedFileCount == 1 ? " untracked file" : " untracked files");
            if (incomplete) {
                text.append(" (at least: git listed more than could be read)");
            }
            return text.toString();
        }

        /** Nothing differs from the commit: the commit is the source. */
        public boolean clean() {
            return modifiedFileCount == 0 && untrackedFileCount == 0 && !incomplete;
        }

        /** As the release gate reads it from a result file: clean, dirty, or unknown when nothing was recorded (null). */
        public static GoalResult.SourceTree state(WorkingTree tree) {
            return tree == null ? GoalResult.SourceTree.UNKNOWN : tree.clean() ? GoalResult.SourceTree.CLEAN : GoalResult.SourceTree.DIRTY;
        }
    }

    /**
     * What the person or CI job that started the build chose; each value redacted.
     *
     * @param workingTree the state of the git working tree; null when git could not tell
     */
    public record ExternalParameters(List<String> goals, List<String> profiles, Map<String, String> userProperties, Source source,
                                     WorkingTree workingTree) {

        /** Without a working tree state: git could not tell. */
        public ExternalParameters(List<String> goals, List<String> profiles, Map<String, String> userProperties, Source source) {
            this(goals, profiles, userProperties, source, null);
        }

        public ExternalParameters {
            goals = goals.stream().map(goal -> Redaction.redact("goal", goal)).toList();
            profiles = profiles.stream().map(profile -> Redaction.redact("profile", profile)).toList();
            Map<String, String> redacted = new TreeMap<>();
            userProperties.forEach((name, value) -> redacted.put(name, Redaction.redact(name, value)));
            userProperties = Collections.unmodifiableMap(redacted);
        }
    }

    /** The builder and this run of it; ids redacted (a CI URL may carry credentials). */
    public record RunDetails(String builderId, Map<String, String> builderVersion, String invocationId, Instant startedOn, Instant finishedOn) {
        public RunDetails {
            builderId = Redaction.redact("builder.id", builderId);
            invocationId = Redaction.redact("invocationId", invocationId);
            builderVersion = Collections.unmodifiableMap(new TreeMap<>(builderVersion));
        }
    }

    /** The statement as UTF-8 JSON without insignificant white space, fields in a fixed order: the DSSE payload. */
    public byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("_type", STATEMENT_TYPE);
            json.writeArrayFieldStart("subject");
            for (Subject subject : subjects) {
                json.writeStartObject();
                json.writeStringField("name", subject.name());
                writeMap(json, "digest", subject.digest());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("predicateType", PREDICATE_TYPE);
            json.writeObjectFieldStart("predicate");

            json.writeObjectFieldStart("buildDefinition");
            json.writeStringField("buildType", BUILD_TYPE);
            json.writeObjectFieldStart("externalParameters");
            writeList(json, "goals", externalParameters.goals());
            writeList(json, "profiles", externalParameters.profiles());
            writeMap(json, "userProperties", externalParameters.userProperties());
            Source source = externalParameters.source();
            if (source != null && (source.uri() != null || source.commit() != null)) {
                json.writeObjectFieldStart("source");
                if (source.uri() != null) {
                    json.writeStringField("uri", source.uri());
                }
                if (source.commit() != null) {
                    json.writeObjectFieldStart("digest");
                    json.writeStringField("gitCommit", source.commit());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            WorkingTree tree = externalParameters.workingTree();
            if (tree != null) {
                json.writeObjectFieldStart("workingTree");
                json.writeBooleanField("clean", tree.clean());
                writeList(json, "modifiedFiles", tree.modifiedFiles());
                json.writeNumberField("modifiedFileCount", tree.modifiedFileCount());
                json.writeNumberField("untrackedFileCount", tree.untrackedFileCount());
                if (tree.incomplete()) {
                    json.writeBooleanField("incomplete", true);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            writeMap(json, "internalParameters", internalParameters);
            json.writeArrayFieldStart("resolvedDependencies");
            for (ResourceDescriptor dependency : resolvedDependencies) {
                json.writeStartObject();
                json.writeStringField("uri", dependency.uri());
                if (dependency.name() != null) {
                    json.writeStringField("name", dependency.name());
                }
                if (!dependency.digest().isEmpty()) {
                    writeMap(json, "digest", dependency.digest());
                }
                if (!dependency.annotations().isEmpty()) {
                    writeMap(json, "annotations", dependency.annotations());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();

            json.writeObjectFieldStart("runDetails");
            json.writeObjectFieldStart("builder");
            json.writeStringField("id", runDetails.builderId());
            if (!runDetails.builderVersion().isEmpty()) {
                writeMap(json, "version", runDetails.builderVersion());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("metadata");
            json.writeStringField("invocationId", runDetails.invocationId());
            json.writeStringField("startedOn", timestamp(runDetails.startedOn()));
            json.writeStringField("finishedOn", timestamp(runDetails.finishedOn()));
            json.writeEndObject();
            json.writeEndObject();

            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Writing JSON to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** RFC 3339 in UTC, to the second, as SLSA's Timestamp. */
    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void writeList(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : new ArrayList<>(values)) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeMap(JsonGenerator json, String field, Map<String, String> values) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
