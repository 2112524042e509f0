package dev.securebuild.shared.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.shared.yaml.PositionedNode;

/**
 * Writes and reads the result files: {@code <project>/target/secure-build/results/<goal>.json}, one per goal that
 * decides and project, written atomically (a reader sees the old or the new result, never half of one). The one writer
 * of the format, for the plugin's goals and the Enforcer rules alike, so the two cannot drift apart. Reading is strict:
 * a file that is not a result of this format is an {@link InvalidResultException} naming the file and what was
 * expected, never skipped, so a broken result cannot pass for a missing one or the other way round.
 */
public final class GoalResults {

    /** Where a project's results lie, relative to its build directory ({@code target}). */
    public static final String FOLDER = "secure-build/results";

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> FIELDS = Set.of("format", "check", "goal", "project", "modules", "version", "time", "verdict",
            "summary", "exceptions", "details", "sourceTree");
    private static final Set<String> EXCEPTION_FIELDS = Set.of("id", "reason", "approvedBy", "expires", "modules");

    private GoalResults() {}

    /** The results folder of a project whose build directory is {@code buildDirectory}. */
    public static Path folder(Path buildDirectory) {
        return buildDirectory.resolve(FOLDER);
    }

    /** The file a goal's result is written to. */
    public static Path file(Path folder, String goal) {
        if (!NAME.matcher(goal).matches()) {
            throw new IllegalArgumentException("A result file is named after its goal, in lower case with dashes; got \"" + goal + "\"");
        }
        return folder.resolve(goal + ".json");
    }

    /** Writes the result to {@code <folder>/<goal>.json}, atomically, and returns that file; each text without the build's secrets. */
    public static Path write(Path folder, GoalResult result, KnownSecrets secrets) throws IOException {
        Path file = file(folder, result.goal());
        writeTo(file, result, secrets);
        return file;
    }

    /**
     * Writes the result to the given file, atomically. For writers whose goal is no file name: the Enforcer rule
     * {@code enforce (approvedDependencies)} writes {@code allowlist.json}, after its check.
     */
    public static void writeTo(Path file, GoalResult result, KnownSecrets secrets) throws IOException {
        AtomicFiles.write(file, secrets.redacting(out -> {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("format", GoalResult.FORMAT);
                json.writeStringField("check", result.check());
                json.writeStringField("goal", result.goal());
                json.writeStringField("project", result.project());
                json.writeArrayFieldStart("modules");
                for (String module : result.modules()) {
                    json.writeString(module);
                }
                json.writeEndArray();
                json.writeStringField("version", result.version());
                json.writeStringField("time", result.time().toString());
                json.writeStringField("verdict", result.verdict().label());
                json.writeStringField("summary", result.summary());
                json.writeArrayFieldStart("exceptions");
                for (GoalResult.ResultException exception : result.exceptions()) {
                    json.writeStartObject();
                    json.writeStringField("id", exception.id());
                    json.writeStringField("reason", exception.reason());
                    json.writeStringField("approvedBy", exception.approvedBy());
                    json.writeStringField("expires", exception.expires());
                    if (!exception.modules().isEmpty()) {
                        json.writeArrayFieldStart("modules");
                        for (String module : exception.modules()) {
                            json.writeString(module);
                        }
                        json.writeEndArray();
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeStringField("details", result.details());
                if (result.sourceTree() != null) {
                    json.writeStringField("sourceTree", result.sourceTree().label());
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }));
    }

    /** Every result in a folder ({@code *.json}, by name); none when the folder does not exist. */
    public static List<GoalResult> readAll(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        files.sort(null);
        List<GoalResult> results = new ArrayList<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                results.add(read(file));
            }
        }
        return results;
    }

    /** Reads one result file, strictly. */
    public static GoalResult read(Path file) throws IOException {
        JsonNode root;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = PositionedNode.readBounded(in, file.toString(), (name, location, expected) -> new InvalidResultException(
                    PositionedNode.message(name, location, expected)));
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            try {
                root = Reader.MAPPER.readTree(parser);
                if (parser.nextToken() != null) {
                    throw new InvalidResultException(PositionedNode.message(file.toString(), parser.currentTokenLocation(),
                            "expected the end of the file after the result object"));
                }
            } catch (JsonProcessingException e) {
                // A parser limit (nesting depth, string length) has no location of its own: where the parser stopped.
                throw new InvalidResultException(PositionedNode.message(file.toString(), e.getLocation() != null ? e.getLocation()
                        : parser.currentLocation(), "not valid JSON (" + PositionedNode.parserProblem(e) + ")"));
            }
        }
        return new Reading(file).result(root);
    }

    /** Databind is for reading only: a goal that writes its result does not pay its start-up (about 0.3 s in a cold JVM). */
    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper(JSON);
    }

    private static final class Reading {

        private final Path file;

        Reading(Path file) {
            this.file = file;
        }

        GoalResult result(JsonNode root) throws InvalidResultException {
            if (root == null || !root.isObject()) {
                throw error("expected a JSON object, a secure-build result (format " + GoalResult.FORMAT + ")");
            }
            unknown(root, FIELDS, "the result");
            String format = text(root, "format", true);
            if (!GoalResult.FORMAT.equals(format)) {
                throw error("format: expected \"" + GoalResult.FORMAT + "\"; got \"" + Printable.abbreviated(format) + "\"");
            }
            String check = name(root, "check");
            String goal = text(root, "goal", true);
            String project = text(root, "project", true);
            List<String> modules = modules(root, "modules");
            String version = text(root, "version", false);
            Instant time;
            String timeText = text(root, "time", true);
            try {
                time = Instant.parse(timeText);
            } catch (DateTimeParseException e) {
                throw error("time: expected an ISO-8601 instant such as 2026-12-01T10:15:30Z; got \"" + Printable.abbreviated(timeText) + "\"");
            }
            GoalResult.Verdict verdict;
            try {
                verdict = GoalResult.Verdict.parse(text(root, "verdict", true));
            } catch (IllegalArgumentException e) {
                throw error("verdict: expected " + GoalResult.Verdict.LABELS + "; got \"" + Printable.abbreviated(root.get("verdict").asText()) + "\"");
            }
            String summary = text(root, "summary", false);
            List<GoalResult.ResultException> exceptions = new ArrayList<>();
            JsonNode exceptionsNode = root.get("exceptions");
            if (exceptionsNode != null && !exceptionsNode.isNull()) {
                if (!exceptionsNode.isArray()) {
                    throw error("exceptions: expected a list of {id, reason, approvedBy, expires}");
                }
                int index = 0;
                for (JsonNode exception : exceptionsNode) {
                    index++;
                    String where = "exceptions #" + index;
                    if (!exception.isObject()) {
                        throw error(where + ": expected an object {id, reason, approvedBy, expires}");
                    }
                    unknown(exception, EXCEPTION_FIELDS, where);
                    exceptions.add(new GoalResult.ResultException(text(exception, "id", true, where), text(exception, "reason", false, where),
                            text(exception, "approvedBy", false, where), text(exception, "expires", false, where),
                            modules(exception, where + ".modules")));
                }
            }
            String details = text(root, "details", false);
            String sourceTreeText = text(root, "sourceTree", false);
            GoalResult.SourceTree sourceTree;
            try {
                sourceTree = sourceTreeText == null ? null : GoalResult.SourceTree.parse(sourceTreeText);
            } catch (IllegalArgumentException e) {
                throw error("sourceTree: expected clean, dirty or unknown; got \"" + Printable.abbreviated(sourceTreeText) + "\"");
            }
            return new GoalResult(check, goal, project, modules, version, time, verdict, summary, exceptions, details, sourceTree);
        }

        /** An optional list of {@code groupId:artifactId}; {@code where} names it in messages, its last part is the field. */
        private List<String> modules(JsonNode node, String where) throws InvalidResultException {
            List<String> modules = new ArrayList<>();
            JsonNode modulesNode = node.get(where.substring(where.lastIndexOf('.') + 1));
            if (modulesNode != null && !modulesNode.isNull()) {
                if (!modulesNode.isArray()) {
                    throw error(where + ": expected a list of groupId:artifactId");
                }
                for (JsonNode module : modulesNode) {
                    if (!module.isTextual() || module.asText().isBlank()) {
                        throw error(where + ": expected a list of groupId:artifactId; got " + Printable.abbreviated(module.toString()));
                    }
                    modules.add(module.asText());
                }
            }
            return modules;
        }

        private String name(JsonNode node, String field) throws InvalidResultException {
            String value = text(node, field, true);
            if (!NAME.matcher(value).matches()) {
                throw error(field + ": expected a name in lower case with dashes (sign, findings, reproducible); got \"" + Printable.abbreviated(value) + "\"");
            }
            return value;
        }

        private String text(JsonNode node, String field, boolean required) throws InvalidResultException {
            return text(node, field, required, null);
        }

        private String text(JsonNode node, String field, boolean required, String where) throws InvalidResultException {
            String name = where == null ? field : where + "." + field;
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    throw error(name + ": expected a text; the field is missing");
                }
                return null;
            }
            if (!value.isTextual() || (required && value.asText().isBlank())) {
                throw error(name + ": expected a" + (required ? " non-empty" : "") + " text; got " + Printable.abbreviated(value.toString()));
            }
            return value.asText();
        }

        private void unknown(JsonNode node, Set<String> allowed, String where) throws InvalidResultException {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw error(where + ": unknown field \"" + Printable.abbreviated(name) + "\"; expected " + String.join(", ", new TreeSet<>(allowed)));
                }
            }
        }

        /** Each value the message quotes from the file is escaped and abbreviated where it is quoted; the file's name here. */
        private InvalidResultException error(String message) {
            return new InvalidResultException(Printable.of(file.toString()) + ": " + message);
        }
    }

    /** A result file that is not a result of this format. */
    public static final class InvalidResultException extends IOException {
        public InvalidResultException(String message) {
            super(message);
        }
    }
}
