package dev.securebuild.lock;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.securebuild.shared.text.Printable;
import dev.securebuild.shared.yaml.PositionedNode;

/**
 * Reads a lock strictly, as a stream: a reactor's lock holds tens of thousands of uses, and a tree of every value
 * with its position (what the policies and lists are read into) cost a build 200 MB and most of a second. Anything but
 * the format (a key twice, an unknown field, a digest of the wrong length, a use of an artifact the lock has no
 * digests for) is an error naming the file, the line and the column.
 */
final class LockReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> ROOT_FIELDS = Set.of("format", "artifacts", "builds", "modules");
    private static final List<String> ARTIFACT_FIELDS = List.of("sha256", "sha512", "repository", "remoteChecksum");
    private static final List<String> MODULE_FIELDS = List.of("build", "uses", "reactor");
    private static final java.util.regex.Pattern BUILD_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final List<String> USE_FIELDS = List.of("kind", "artifact", "scope", "by");

    private final String file;
    private final JsonParser parser;
    // A reactor's lock names each artifact in many uses: each key is parsed once.
    private final Map<String, LockKey> keys = new HashMap<>();
    // Modules use mostly the same dependencies the same way: each use's text is parsed once.
    private final Map<String, LockedUse> usesRead = new HashMap<>();
    private Set<LockKey> locked;
    private final List<Object[]> unchecked = new ArrayList<>(); // {module, key, location}: uses read before "artifacts"
    // Where each way of writing a use was first seen: as a mapping (format 1) and as a text (format 2), and a part of format 2.
    private JsonLocation mappingUse;
    private JsonLocation textUse;
    private JsonLocation formatTwoPart;
    private String formatTwoPartName;

    /** A module as read, made once the builds it refers to are read too. */
    private static final class ReadModule {
        final String name;
        final String build;
        final JsonLocation buildAt;
        final List<LockedUse> uses;
        final List<String> reactor;

        ReadModule(String name, String build, JsonLocation buildAt, List<LockedUse> uses, List<String> reactor) {
            this.name = name;
            this.build = build;
            this.buildAt = buildAt;
            this.uses = uses;
            this.reactor = reactor;
        }
    }

    private LockReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    static LockFile read(byte[] bytes, String file) throws IOException {
        try (JsonParser parser = JSON.createParser(bytes)) {
            try {
                return new LockReader(file, parser).lock();
            } catch (JsonProcessingException e) {
                throw new InvalidLockException(PositionedNode.message(file, e.getLocation() != null ? e.getLocation() : parser.currentLocation(),
                        "not valid JSON (" + PositionedNode.parserProblem(e) + ")"));
            }
        }
    }

    private LockFile lock() throws IOException {
        next();
        JsonLocation root = object("the lock");
        Map<String, JsonLocation> seen = new HashMap<>();
        String format = null;
        JsonLocation formatAt = null;
        List<LockedArtifact> artifacts = null;
        Map<String, List<LockedUse>> builds = null;
        List<ReadModule> modules = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = field(seen, ROOT_FIELDS, "the lock");
            next();
            if (field.equals("format")) {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    throw error(here(), "expected \"format\": \"" + LockFile.FORMAT + "\"");
                }
                if (!LockFile.FORMAT.equals(parser.getText()) && !LockFile.FORMAT_1.equals(parser.getText())) {
                    throw error(here(), "format " + describe() + " is not " + LockFile.FORMAT + " nor " + LockFile.FORMAT_1 + ", the ones this version"
                            + " of secure-build reads; review the build's artifacts and rewrite the lock with this version: mvn secure-build:lock");
                }
                format = parser.getText();
                formatAt = here();
            } else if (field.equals("artifacts")) {
                artifacts = artifacts();
            } else if (field.equals("builds")) {
                formatTwo(here(), "\"builds\"");
                builds = builds();
            } else {
                modules = modules();
            }
        }
        if (format == null) {
            throw error(root, "expected \"format\": \"" + LockFile.FORMAT + "\"");
        }
        if (artifacts == null) {
            throw error(root, "the lock: \"artifacts\" is missing");
        }
        if (modules == null) {
            throw error(root, "the lock: \"modules\" is missing");
        }
        if (format.equals(LockFile.FORMAT_1) && (formatTwoPart != null || textUse != null)) {
            throw error(formatTwoPart != null ? formatTwoPart : textUse, (formatTwoPart != null ? formatTwoPartName : "a use written as a text")
                    + " is format " + LockFile.FORMAT + ", and the lock says " + LockFile.FORMAT_1 + " (line " + formatAt.getLineNr() + ")");
        }
        if (format.equals(LockFile.FORMAT) && mappingUse != null) {
            throw error(mappingUse, "a use written as a mapping is format " + LockFile.FORMAT_1 + "; format " + LockFile.FORMAT
                    + " writes it as a text, \"<kind> [<scope>] <artifact> [by <artifact>]\"");
        }
        if (format.equals(LockFile.FORMAT) && builds == null) {
            throw error(root, "the lock: \"builds\" is missing");
        }
        if (parser.nextToken() != null) {
            throw error(here(), "expected the end of the lock (one document, one mapping)");
        }
        for (Object[] use : unchecked) {
            notLocked((String) use[0], (LockKey) use[1], (JsonLocation) use[2]);
        }
        return new LockFile(artifacts, made(modules, builds == null ? Map.of() : builds), format);
    }

    /** The modules, each with the uses of its build first; every build must be one the lock names, and be used. */
    private List<ModuleLock> made(List<ReadModule> read, Map<String, List<LockedUse>> builds) throws InvalidLockException {
        List<ModuleLock> modules = new ArrayList<>(read.size());
        Set<String> used = new HashSet<>();
        Map<String, Set<LockedUse>> buildSets = new HashMap<>();
        for (ReadModule module : read) {
            List<LockedUse> uses = module.uses;
            if (module.build != null) {
                List<LockedUse> build = builds.get(module.build);
                if (build == null) {
                    throw error(module.buildAt, "module " + module.name + ": build \"" + module.build + "\" is not under \"builds\"");
                }
                used.add(module.build);
                Set<LockedUse> inBuild = buildSets.computeIfAbsent(module.build, name -> new HashSet<>(build));
                for (LockedUse use : module.uses) {
                    if (inBuild.contains(use)) {
                        throw error(module.buildAt, "module " + module.name + ": " + use + " is given in its uses and in build " + module.build
                                + "; expected each use once");
                    }
                }
                uses = new ArrayList<>(build.size() + module.uses.size());
                uses.addAll(build);
                uses.addAll(module.uses);
            }
            modules.add(new ModuleLock(module.name, uses, module.reactor));
        }
        for (String build : builds.keySet()) {
            if (!used.contains(build)) {
                throw error(buildsAt.get(build), "build \"" + build + "\" is the build of no module; expected each build used");
            }
        }
        return modules;
    }

    /** Notes a part only format 2 has. */
    private void formatTwo(JsonLocation at, String name) {
        if (formatTwoPart == null) {
            formatTwoPart = at;
            formatTwoPartName = name;
        }
    }

    private final Map<String, JsonLocation> buildsAt = new HashMap<>();

    private Map<String, List<LockedUse>> builds() throws IOException {
        object("builds");
        Map<String, List<LockedUse>> builds = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = field(buildsAt, null, "builds");
            if (!BUILD_NAME.matcher(name).matches()) {
                throw error(buildsAt.get(name), "build \"" + Printable.shortened(name) + "\": expected a name of letters, digits, '.', '_' or '-'");
            }
            next();
            builds.put(name, uses("build " + name, "build " + name));
        }
        return builds;
    }

    private List<LockedArtifact> artifacts() throws IOException {
        object("artifacts");
        List<LockedArtifact> artifacts = new ArrayList<>();
        Map<String, JsonLocation> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = field(seen, null, "artifacts");
            LockKey key = key(name, seen.get(name));
            String where = "artifact " + name;
            next();
            JsonLocation start = object(where);
            int[] fields = new int[ARTIFACT_FIELDS.size()];
            String sha256 = null;
            String sha512 = null;
            String repository = "";
            RemoteChecksum remote = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = knownField(ARTIFACT_FIELDS, fields, where);
                next();
                String value = text(where + ": " + field);
                if (field.equals("sha256")) {
                    if (!LockedArtifact.SHA256.matcher(value).matches()) {
                        throw error(here(), where + ": sha256 is " + describe() + "; expected 64 lowercase hex digits");
                    }
                    sha256 = value;
                } else if (field.equals("sha512")) {
                    if (!LockedArtifact.SHA512.matcher(value).matches()) {
                        throw error(here(), where + ": sha512 is " + describe() + "; expected 128 lowercase hex digits");
                    }
                    sha512 = value;
                } else if (field.equals("repository")) {
                    repository = value;
                } else {
                    try {
                        remote = RemoteChecksum.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw error(here(), where + ": remoteChecksum is " + describe() + "; " + e.getMessage());
                    }
                }
            }
            if (sha256 == null || sha512 == null) {
                throw error(start, where + ": \"" + (sha256 == null ? "sha256" : "sha512") + "\" is missing");
            }
            artifacts.add(new LockedArtifact(key, sha256, sha512, repository, remote));
        }
        locked = new HashSet<>();
        artifacts.forEach(a -> locked.add(a.key()));
        return artifacts;
    }

    private List<ReadModule> modules() throws IOException {
        object("modules");
        List<ReadModule> modules = new ArrayList<>();
        Map<String, JsonLocation> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String module = field(seen, null, "modules");
            if (module.split(":", -1).length != 2 || module.startsWith(":") || module.endsWith(":")) {
                throw error(seen.get(module), "module \"" + Printable.shortened(module) + "\": expected groupId:artifactId");
            }
            next();
            modules.add(module(module));
        }
        return modules;
    }

    private ReadModule module(String module) throws IOException {
        String where = "module " + module;
        JsonLocation start = object(where);
        int[] fields = new int[MODULE_FIELDS.size()];
        List<LockedUse> uses = null;
        List<String> reactor = new ArrayList<>();
        String build = null;
        JsonLocation buildAt = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = knownField(MODULE_FIELDS, fields, where);
            next();
            if (field.equals("build")) {
                buildAt = here();
                formatTwo(buildAt, "\"build\" of " + where);
                build = text(where + ": build");
            } else if (field.equals("uses")) {
                uses = uses("module " + module, where);
            } else {
                array(where + ": reactor");
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String coordinates = text(where + ": reactor");
                    if (coordinates.split(":", -1).length != 3) {
                        throw error(here(), where + ": reactor module " + describe() + "; expected groupId:artifactId:version");
                    }
                    reactor.add(coordinates);
                }
            }
        }
        if (uses == null) {
            throw error(start, where + ": \"uses\" is missing");
        }
        return new ReadModule(module, build, buildAt, uses, reactor);
    }

    /** @param module who uses them: {@code module g:a} or {@code build build-1} */
    private List<LockedUse> uses(String module, String where) throws IOException {
        array(where + ": uses");
        List<LockedUse> uses = new ArrayList<>();
        Set<LockedUse> seen = new HashSet<>();
        String aUse = where + ": a use";
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                LockedUse use = textUse(module, where);
                if (!seen.add(use)) {
                    throw error(here(), where + ": " + use + " is given twice; expected each use once");
                }
                uses.add(use);
                continue;
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw error(here(), aUse + ": expected a text, \"<kind> [<scope>] <artifact> [by <artifact>]\"; got " + describe());
            }
            if (mappingUse == null) {
                mappingUse = here();
            }
            JsonLocation start = object(aUse);
            int[] fields = new int[USE_FIELDS.size()];
            LockedUse.Kind kind = null;
            LockKey artifact = null;
            JsonLocation artifactAt = null;
            String scope = null;
            JsonLocation scopeAt = null;
            LockKey by = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = knownField(USE_FIELDS, fields, aUse);
                next();
                String value = text(where + ": " + field);
                switch (field) {
                    case "kind":
                        try {
                            kind = LockedUse.Kind.parse(value);
                        } catch (IllegalArgumentException e) {
                            throw error(here(), where + ": kind is " + describe() + "; " + e.getMessage());
                        }
                        break;
                    case "artifact":
                        artifact = key(value, null);
                        if (locked == null) {
                            artifactAt = here(); // checked once "artifacts" is read
                        } else if (!locked.contains(artifact)) {
                            notLocked(module, artifact, here());
                        }
                        break;
                    case "scope":
                        scopeAt = here();
                        scope = value;
                        break;
                    default:
                        by = key(value, null);
                }
            }
            if (kind == null || artifact == null) {
                throw error(start, aUse + ": \"" + (kind == null ? "kind" : "artifact") + "\" is missing");
            }
            if (scope != null && kind != LockedUse.Kind.DEPENDENCY) {
                throw error(scopeAt, where + ": a " + kind.label() + " has no scope; only a dependency has one");
            }
            if (artifactAt != null) {
                unchecked.add(new Object[] {module, artifact, artifactAt});
            }
            LockedUse use;
            try {
                use = new LockedUse(kind, artifact, scope, by);
            } catch (IllegalArgumentException e) {
                throw error(scopeAt != null ? scopeAt : start, where + ": " + e.getMessage());
            }
            if (!seen.add(use)) {
                throw error(start, where + ": " + use + " is given twice; expected each use once");
            }
            uses.add(use);
        }
        return uses;
    }

    /** A use written as a text (format 2): {@code <kind> [<scope>] <artifact> [by <artifact>]}. */
    private LockedUse textUse(String module, String where) throws IOException {
        JsonLocation at = here();
        if (textUse == null) {
            textUse = at;
        }
        String text = parser.getText();
        LockedUse use = usesRead.get(text);
        if (use == null) {
            try {
                use = LockedUse.parse(text, this::keyOf);
            } catch (IllegalArgumentException e) {
                throw error(at, where + ": the use \"" + Printable.shortened(text) + "\": " + e.getMessage());
            }
            usesRead.put(text, use);
        }
        if (locked == null) {
            unchecked.add(new Object[] {module, use.artifact(), at});
        } else {
            notLocked(module, use.artifact(), at);
        }
        return use;
    }

    /** A key for {@link LockedUse#parse}: each text parsed once. */
    private LockKey keyOf(String text) {
        LockKey key = keys.get(text);
        if (key == null) {
            key = LockKey.parse(text);
            keys.put(text, key);
        }
        return key;
    }

    private void notLocked(String module, LockKey artifact, JsonLocation at) throws InvalidLockException {
        if (!locked.contains(artifact)) {
            throw error(at, module + " uses " + artifact + ", which is not under \"artifacts\": a lock names the digests of every"
                    + " artifact it uses");
        }
    }

    /**
     * A field of a mapping whose fields are known ({@code names}): refused when unknown or given twice ({@code lines}
     * holds the line each was first seen on, 0 for not yet), without a map or a position per field.
     */
    private String knownField(List<String> names, int[] lines, String where) throws IOException {
        String name = parser.currentName();
        int index = names.indexOf(name);
        if (index < 0) {
            throw error(here(), where + ": unknown field \"" + Printable.shortened(name) + "\"; expected " + String.join(", ", new TreeSet<>(names)));
        }
        if (lines[index] > 0) {
            throw error(here(), "key \"" + name + "\" is given twice (first at line " + lines[index] + "); expected each key once");
        }
        lines[index] = Math.max(1, parser.currentTokenLocation().getLineNr());
        return name;
    }

    /** The field the parser is on: refused when given twice in its mapping, or (with {@code allowed}) unknown. */
    private String field(Map<String, JsonLocation> seen, Set<String> allowed, String where) throws IOException {
        String name = parser.currentName();
        JsonLocation at = here();
        JsonLocation first = seen.putIfAbsent(name, at);
        if (first != null) {
            throw error(at, "key \"" + name + "\" is given twice (first at line " + first.getLineNr() + "); expected each key once");
        }
        if (allowed != null && !allowed.contains(name)) {
            throw error(at, where + ": unknown field \"" + Printable.shortened(name) + "\"; expected " + String.join(", ", new TreeSet<>(allowed)));
        }
        return name;
    }

    private LockKey key(String text, JsonLocation location) throws InvalidLockException {
        try {
            return keyOf(text);
        } catch (IllegalArgumentException e) {
            throw error(location != null ? location : here(), "\"" + Printable.shortened(text) + "\": " + e.getMessage());
        }
    }

    private void next() throws IOException {
        if (parser.nextToken() == null) {
            throw error(parser.currentLocation(), "expected a value, found the end of the file");
        }
    }

    private JsonLocation object(String where) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(here(), where + ": expected a mapping; got " + describe());
        }
        return here();
    }

    private void array(String where) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(here(), where + ": expected a list; got " + describe());
        }
    }

    private String text(String where) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw error(here(), where + ": expected a text; got " + describe());
        }
        return parser.getText();
    }

    /** The value the parser is on, as an error quotes it. */
    private String describe() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return "a mapping";
        }
        if (token == JsonToken.START_ARRAY) {
            return "a list";
        }
        if (token == JsonToken.VALUE_NULL) {
            return "nothing (null)";
        }
        return token == JsonToken.VALUE_STRING ? "\"" + Printable.shortened(parser.getText()) + "\"" : Printable.shortened(parser.getText());
    }

    private JsonLocation here() {
        return parser.currentTokenLocation();
    }

    private InvalidLockException error(JsonLocation location, String expected) {
        return new InvalidLockException(PositionedNode.message(file, location, expected));
    }
}
