package dev.securebuild.lock;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.io.BoundedFiles;
import dev.securebuild.shared.text.Printable;

/**
 * Writes and reads {@code secure-build.lock.json}. Written stable: keys sorted, one artifact and one use per line, what
 * modules share written once, no time in it, so that locking the same build twice gives the same bytes and a review sees
 * one line per change. Read strictly (format 2, and format 1 as written before): anything but the format (a key twice,
 * an unknown field, a digest of the wrong length, a use of an artifact the lock has no digests for) is an error naming
 * the file, the line and the column.
 */
public final class LockFiles {

    /** A lock is JSON, which parses in linear time: it may be larger than a policy (a reactor of 50 modules of 300 artifacts). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private LockFiles() {}

    /** Writes the lock to {@code file}, atomically. */
    public static void write(LockFile lock, Path file) throws IOException {
        AtomicFiles.writeString(file, text(lock));
    }

    /**
     * The lock as it is written (format 2): the artifacts with their digests; the builds, each the uses a group of
     * modules makes alike (parents, BOMs, plugins, extensions and theirs: named {@code build-1}, {@code build-2}, ... in
     * the order of the first module that makes them); and per module its build and its dependencies, one use per line
     * as {@link LockedUse#text()}.
     */
    public static String text(LockFile lock) throws IOException {
        StringBuilder out = new StringBuilder("{\n  \"format\": \"").append(LockFile.FORMAT).append("\",\n  \"artifacts\": {");
        String separator = "\n";
        for (LockedArtifact artifact : lock.artifacts().values()) {
            out.append(separator).append("    ").append(string(artifact.key().toString())).append(": ").append(object(json -> {
                json.writeStringField("sha256", artifact.sha256());
                json.writeStringField("sha512", artifact.sha512());
                json.writeStringField("repository", artifact.repository());
                if (artifact.remoteChecksum() != null) {
                    json.writeStringField("remoteChecksum", artifact.remoteChecksum().label());
                }
            }));
            separator = ",\n";
        }
        Map<List<LockedUse>, String> builds = new LinkedHashMap<>();
        Map<String, String> buildOf = new LinkedHashMap<>();
        for (ModuleLock module : lock.modules().values()) {
            List<LockedUse> build = module.uses().stream().filter(use -> use.kind() != LockedUse.Kind.DEPENDENCY).collect(Collectors.toList());
            if (!build.isEmpty()) {
                buildOf.put(module.module(), builds.computeIfAbsent(build, b -> "build-" + (builds.size() + 1)));
            }
        }
        out.append(lock.artifacts().isEmpty() ? "},\n" : "\n  },\n").append("  \"builds\": {");
        separator = "\n";
        for (Map.Entry<List<LockedUse>, String> build : builds.entrySet()) {
            out.append(separator).append("    ").append(string(build.getValue())).append(": ");
            uses(out, build.getKey(), "    ");
            separator = ",\n";
        }
        out.append(builds.isEmpty() ? "},\n" : "\n  },\n").append("  \"modules\": {");
        separator = "\n";
        for (ModuleLock module : lock.modules().values()) {
            out.append(separator).append("    ").append(string(module.module())).append(": {\n");
            if (buildOf.containsKey(module.module())) {
                out.append("      \"build\": ").append(string(buildOf.get(module.module()))).append(",\n");
            }
            out.append("      \"uses\": ");
            uses(out, module.uses().stream().filter(use -> use.kind() == LockedUse.Kind.DEPENDENCY).collect(Collectors.toList()), "      ");
            out.append(",\n      \"reactor\": [");
            String item = "";
            for (String coordinates : module.reactor()) {
                out.append(item).append(string(coordinates));
                item = ", ";
            }
            out.append("]\n    }");
            separator = ",\n";
        }
        out.append(lock.modules().isEmpty() ? "}\n}\n" : "\n  }\n}\n");
        return out.toString();
    }

    /** A list of uses, one per line, indented under {@code indent}. */
    private static void uses(StringBuilder out, List<LockedUse> uses, String indent) {
        out.append('[');
        String item = "\n";
        for (LockedUse use : uses) {
            if (use.kind() == LockedUse.Kind.DEPENDENCY && use.scope() == null) {
                throw new IllegalArgumentException("the dependency " + use.artifact() + " has no scope");
            }
            out.append(item).append(indent).append("  ").append(string(use.text()));
            item = ",\n";
        }
        out.append(uses.isEmpty() ? "]" : "\n" + indent + "]");
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static String object(Fields fields) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        }
        return text.toString().replace("\":\"", "\": \"").replace("\",\"", "\", \"");
    }

    /** A JSON string: its text quoted and escaped as JSON requires. */
    private static String string(String value) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
    }

    /** Reads a lock file, strictly. */
    public static LockFile read(Path file) throws IOException {
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = BoundedFiles.readAtMost(in, MAX_BYTES);
        }
        if (bytes == null) {
            throw new InvalidLockException(Printable.of(name) + ": the file is larger than " + MAX_BYTES + " bytes; it was not read");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidLockException(Printable.of(name) + ": the file is empty; expected a secure-build lock (format " + LockFile.FORMAT
                    + "), as mvn secure-build:lock writes it");
        }
        return parse(bytes, name);
    }

    /** Reads text as a lock, for tests and for a lock held in memory. */
    public static LockFile read(String text, String name) throws IOException {
        return parse(text.getBytes(StandardCharsets.UTF_8), name);
    }

    private static LockFile parse(byte[] bytes, String name) throws IOException {
        return LockReader.read(bytes, name);
    }
}
