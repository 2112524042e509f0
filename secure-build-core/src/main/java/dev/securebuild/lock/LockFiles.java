package dev.securebuild.lock;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.io.BoundedFiles;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.shared.yaml.PositionedNode;

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
    private static final Set<String> ROOT_FIELDS = Set.of("format", "artifacts", "modules");
    private static final Set<String> ARTIFACT_FIELDS = Set.of("sha256", "sha512", "repository", "remoteChecksum");
    private static final Set<String> MODULE_FIELDS = Set.of("uses", "reactor");
    private static final Set<String> USE_FIELDS = Set.of("kind", "artifact", "scope", "by");

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
        PositionedNode root;
        try (JsonParser parser = JSON.createParser(bytes)) {
            root = PositionedNode.readDocument(parser, name, "JSON", "a secure-build lock (format " + LockFile.FORMAT + ")", "the lock",
                    (f, location, expected) -> new InvalidLockException(PositionedNode.message(f, location, expected)));
        }
        return new Reading(name).lock(root);
    }

    private static final class Reading {

        private final String file;
        private final Map<String, LockKey> keys = new java.util.HashMap<>();

        Reading(String file) {
            this.file = file;
        }

        LockFile lock(PositionedNode root) throws InvalidLockException {
            object(root, "the lock");
            fields(root, ROOT_FIELDS, "the lock");
            PositionedNode format = root.fields().get("format");
            if (format == null || format.type() != PositionedNode.Type.STRING) {
                throw error(format == null ? root : format, "expected \"format\": \"" + LockFile.FORMAT + "\"");
            }
            if (!LockFile.FORMAT.equals(format.text())) {
                throw error(format, "format " + format.describe() + " is not " + LockFile.FORMAT + ", the one this version of secure-build reads;"
                        + " review the build's artifacts and rewrite the lock with this version: mvn secure-build:lock");
            }
            List<LockedArtifact> artifacts = new ArrayList<>();
            PositionedNode artifactsNode = required(root, "artifacts", "the lock");
            object(artifactsNode, "artifacts");
            for (Map.Entry<String, PositionedNode> entry : artifactsNode.fields().entrySet()) {
                PositionedNode value = entry.getValue();
                String where = "artifact " + entry.getKey();
                LockKey key = key(entry.getKey(), artifactsNode.keyLocations().get(entry.getKey()));
                object(value, where);
                fields(value, ARTIFACT_FIELDS, where);
                String repository = value.fields().containsKey("repository") ? text(value.fields().get("repository"), where + ": repository") : "";
                PositionedNode sha256 = required(value, "sha256", where);
                PositionedNode sha512 = required(value, "sha512", where);
                if (!LockedArtifact.SHA256.matcher(text(sha256, where + ": sha256")).matches()) {
                    throw error(sha256, where + ": sha256 is " + sha256.describe() + "; expected 64 lowercase hex digits");
                }
                if (!LockedArtifact.SHA512.matcher(text(sha512, where + ": sha512")).matches()) {
                    throw error(sha512, where + ": sha512 is " + sha512.describe() + "; expected 128 lowercase hex digits");
                }
                RemoteChecksum remote = null;
                PositionedNode remoteNode = value.fields().get("remoteChecksum");
                if (remoteNode != null) {
                    try {
                        remote = RemoteChecksum.parse(text(remoteNode, where + ": remoteChecksum"));
                    } catch (IllegalArgumentException e) {
                        throw error(remoteNode, where + ": remoteChecksum is " + remoteNode.describe() + "; " + e.getMessage());
                    }
                }
                artifacts.add(new LockedArtifact(key, sha256.text(), sha512.text(), repository, remote));
            }
            Set<LockKey> locked = new HashSet<>();
            artifacts.forEach(a -> locked.add(a.key()));
            List<ModuleLock> modules = new ArrayList<>();
            PositionedNode modulesNode = required(root, "modules", "the lock");
            object(modulesNode, "modules");
            for (Map.Entry<String, PositionedNode> entry : modulesNode.fields().entrySet()) {
                String module = entry.getKey();
                if (module.split(":", -1).length != 2 || module.startsWith(":") || module.endsWith(":")) {
                    throw error(modulesNode.keyLocations().get(module), "module \"" + Printable.shortened(module) + "\": expected groupId:artifactId");
                }
                modules.add(module(module, entry.getValue(), locked));
            }
            return new LockFile(artifacts, modules);
        }

        private ModuleLock module(String module, PositionedNode node, Set<LockKey> locked) throws InvalidLockException {
            String where = "module " + module;
            object(node, where);
            fields(node, MODULE_FIELDS, where);
            List<LockedUse> uses = new ArrayList<>();
            Set<LockedUse> seen = new HashSet<>();
            PositionedNode usesNode = required(node, "uses", where);
            array(usesNode, where + ": uses");
            for (PositionedNode item : usesNode.items()) {
                object(item, where + ": a use");
                fields(item, USE_FIELDS, where + ": a use");
                LockedUse.Kind kind;
                PositionedNode kindNode = required(item, "kind", where + ": a use");
                try {
                    kind = LockedUse.Kind.parse(text(kindNode, where + ": kind"));
                } catch (IllegalArgumentException e) {
                    throw error(kindNode, where + ": kind is " + kindNode.describe() + "; " + e.getMessage());
                }
                PositionedNode artifactNode = required(item, "artifact", where + ": a use");
                LockKey artifact = key(text(artifactNode, where + ": artifact"), artifactNode.location());
                if (!locked.contains(artifact)) {
                    throw error(artifactNode, where + " uses " + artifact + ", which is not under \"artifacts\": a lock names the digests of every"
                            + " artifact it uses");
                }
                String scope = item.fields().containsKey("scope") ? text(item.fields().get("scope"), where + ": scope") : null;
                if (scope != null && kind != LockedUse.Kind.DEPENDENCY) {
                    throw error(item.fields().get("scope"), where + ": a " + kind.label() + " has no scope; only a dependency has one");
                }
                PositionedNode byNode = item.fields().get("by");
                LockKey by = byNode == null ? null : key(text(byNode, where + ": by"), byNode.location());
                LockedUse use = new LockedUse(kind, artifact, scope, by);
                if (!seen.add(use)) {
                    throw error(item, where + ": " + use + " is given twice; expected each use once");
                }
                uses.add(use);
            }
            List<String> reactor = new ArrayList<>();
            if (node.fields().containsKey("reactor")) {
                PositionedNode reactorNode = node.fields().get("reactor");
                array(reactorNode, where + ": reactor");
                for (PositionedNode item : reactorNode.items()) {
                    String coordinates = text(item, where + ": reactor");
                    if (coordinates.split(":", -1).length != 3) {
                        throw error(item, where + ": reactor module " + item.describe() + "; expected groupId:artifactId:version");
                    }
                    reactor.add(coordinates);
                }
            }
            return new ModuleLock(module, uses, reactor);
        }

        private LockKey key(String text, com.fasterxml.jackson.core.JsonLocation location) throws InvalidLockException {
            LockKey key = keys.get(text); // a reactor's lock names each artifact in many uses: parsed once
            if (key != null) {
                return key;
            }
            try {
                key = LockKey.parse(text);
            } catch (IllegalArgumentException e) {
                throw error(location, "\"" + Printable.shortened(text) + "\": " + e.getMessage());
            }
            keys.put(text, key);
            return key;
        }

        private PositionedNode required(PositionedNode node, String field, String where) throws InvalidLockException {
            PositionedNode value = node.fields().get(field);
            if (value == null) {
                throw error(node, where + ": \"" + field + "\" is missing");
            }
            return value;
        }

        private void object(PositionedNode node, String where) throws InvalidLockException {
            if (!node.isObject()) {
                throw error(node, where + ": expected a mapping; got " + node.describe());
            }
        }

        private void array(PositionedNode node, String where) throws InvalidLockException {
            if (!node.isArray()) {
                throw error(node, where + ": expected a list; got " + node.describe());
            }
        }

        private String text(PositionedNode node, String where) throws InvalidLockException {
            if (node.type() != PositionedNode.Type.STRING) {
                throw error(node, where + ": expected a text; got " + node.describe());
            }
            return node.text();
        }

        private void fields(PositionedNode node, Set<String> allowed, String where) throws InvalidLockException {
            for (Map.Entry<String, PositionedNode> field : node.fields().entrySet()) {
                if (!allowed.contains(field.getKey())) {
                    throw error(node.keyLocations().get(field.getKey()), where + ": unknown field \"" + Printable.shortened(field.getKey())
                            + "\"; expected " + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }

        private InvalidLockException error(PositionedNode node, String expected) {
            return error(node.location(), expected);
        }

        private InvalidLockException error(com.fasterxml.jackson.core.JsonLocation location, String expected) {
            return new InvalidLockException(PositionedNode.message(file, location, expected));
        }
    }
}
