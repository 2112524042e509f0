package dev.securebuild.lock;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.io.BoundedFiles;
import dev.securebuild.shared.text.Printable;

/**
 * Writes and reads {@code secure-build.lock.json}. Written stable: keys sorted, one artifact and one use per line, no
 * time in it, so that locking the same build twice gives the same bytes and a review sees one line per change. Read
 * strictly: anything but this format (a key twice, an unknown field, a digest of the wrong length, a use of an artifact
 * the lock has no digests for) is an error naming the file, the line and the column.
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

    /** The lock as it is written. */
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
        out.append(lock.artifacts().isEmpty() ? "},\n" : "\n  },\n").append("  \"modules\": {");
        separator = "\n";
        for (ModuleLock module : lock.modules().values()) {
            out.append(separator).append("    ").append(string(module.module())).append(": {\n      \"uses\": [");
            String item = "\n";
            for (LockedUse use : module.uses()) {
                out.append(item).append("        ").append(object(json -> {
                    json.writeStringField("kind", use.kind().label());
                    json.writeStringField("artifact", use.artifact().toString());
                    if (use.scope() != null) {
                        json.writeStringField("scope", use.scope());
                    }
                    if (use.by() != null) {
                        json.writeStringField("by", use.by().toString());
                    }
                }));
                item = ",\n";
            }
            out.append(module.uses().isEmpty() ? "],\n" : "\n      ],\n").append("      \"reactor\": [");
            item = "";
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

    private static String string(String value) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeString(value);
        }
        return text.toString();
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
