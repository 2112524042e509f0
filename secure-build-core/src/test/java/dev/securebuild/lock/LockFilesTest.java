package dev.securebuild.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFilesTest {

    static final String A256 = "a".repeat(64);
    static final String A512 = "a".repeat(128);
    static final String B256 = "b".repeat(64);
    static final String B512 = "b".repeat(128);

    @TempDir
    Path dir;

    static LockFile sample() {
        LockKey guava = LockKey.parse("com.google.guava:guava:jar:33.3.1-jre");
        LockKey failure = LockKey.parse("com.google.guava:failureaccess:jar:1.0.2");
        LockKey compiler = LockKey.parse("org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0");
        LockKey plexus = LockKey.parse("org.codehaus.plexus:plexus-java:jar:1.4.0");
        LockKey parent = LockKey.parse("org.example:corporate-parent:pom:7");
        ModuleLock app = new ModuleLock("org.example:app", List.of(
                new LockedUse(LockedUse.Kind.DEPENDENCY, failure, "compile", guava),
                new LockedUse(LockedUse.Kind.DEPENDENCY, guava, "compile", null),
                new LockedUse(LockedUse.Kind.PLUGIN, compiler, null, null),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, plexus, null, compiler),
                new LockedUse(LockedUse.Kind.PARENT, parent, null, null)), List.of("org.example:lib:1.0-SNAPSHOT"));
        return new LockFile(List.of(new LockedArtifact(guava, A256, A512, "central"), new LockedArtifact(failure, B256, B512, "central"),
                new LockedArtifact(compiler, A256, A512, "central"), new LockedArtifact(plexus, B256, B512, "central"),
                new LockedArtifact(parent, A256, A512, "corporate", RemoteChecksum.NOT_PUBLISHED)), List.of(app));
    }

    @Test
    void writtenStableSortedOneLinePerArtifactAndUseAndReadBackEqual() throws IOException {
        Path file = dir.resolve(LockFile.FILE);
        LockFiles.write(sample(), file);
        String text = Files.readString(file);

        assertEquals(text, LockFiles.text(LockFiles.read(file)), "the same lock gives the same bytes");
        assertEquals(sample(), LockFiles.read(file));
        assertTrue(text.startsWith("{\n  \"format\": \"secure-build-lock/2\",\n  \"artifacts\": {\n"
                + "    \"com.google.guava:failureaccess:jar:1.0.2\": {\"sha256\": \"" + B256 + "\", \"sha512\": \"" + B512 + "\", \"repository\": \"central\"},\n"), text);
        assertTrue(text.contains("  \"builds\": {\n    \"build-1\": [\n"
                + "      \"parent org.example:corporate-parent:pom:7\",\n"
                + "      \"plugin org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0\",\n"
                + "      \"plugin-dependency org.codehaus.plexus:plexus-java:jar:1.4.0 by org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0\"\n"
                + "    ]\n  },\n"), text);
        assertTrue(text.contains("    \"org.example:app\": {\n      \"build\": \"build-1\",\n      \"uses\": [\n"
                + "        \"dependency compile com.google.guava:failureaccess:jar:1.0.2 by com.google.guava:guava:jar:33.3.1-jre\",\n"
                + "        \"dependency compile com.google.guava:guava:jar:33.3.1-jre\"\n"
                + "      ],\n      \"reactor\": [\"org.example:lib:1.0-SNAPSHOT\"]\n"), text);
        assertTrue(text.contains("    \"org.example:corporate-parent:pom:7\": {\"sha256\": \"" + A256 + "\", \"sha512\": \"" + A512
                + "\", \"repository\": \"corporate\", \"remoteChecksum\": \"not published\"}\n"), "what the repository's checksum said");
        assertTrue(text.endsWith("}\n}\n"), text);
        assertFalse(text.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT\\d\\d:.*"), "no time: locking twice gives the same bytes");
    }

    @Test
    void modulesThatBuildAlikeShareOneBuildAndEachOtherHasItsOwn() throws IOException {
        LockFile one = sample();
        ModuleLock app = one.modules().get("org.example:app");
        LockKey junit = LockKey.parse("junit:junit:jar:4.13.2");
        List<LockedUse> libUses = new ArrayList<>(app.uses());
        libUses.add(new LockedUse(LockedUse.Kind.DEPENDENCY, junit, "test", null));
        List<LockedUse> toolUses = new ArrayList<>(app.uses());
        toolUses.removeIf(use -> use.kind() == LockedUse.Kind.PARENT);
        List<LockedArtifact> artifacts = new ArrayList<>(one.artifacts().values());
        artifacts.add(new LockedArtifact(junit, A256, A512, "central"));
        LockFile three = new LockFile(artifacts, List.of(app, new ModuleLock("org.example:lib", libUses, List.of()),
                new ModuleLock("org.example:tool", toolUses, List.of())));

        String text = LockFiles.text(three);

        assertEquals(2, text.split("\"plugin org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0\"", -1).length - 1,
                "written once per build, not once per module: " + text);
        assertTrue(text.contains("    \"org.example:lib\": {\n      \"build\": \"build-1\",\n"), "lib builds as app does");
        assertTrue(text.contains("    \"org.example:tool\": {\n      \"build\": \"build-2\",\n"), "tool has no parent: a build of its own");
        assertTrue(text.contains("        \"dependency test junit:junit:jar:4.13.2\"\n"), text);
        assertEquals(three, LockFiles.read(text, "secure-build.lock.json"));
        assertEquals(text, LockFiles.text(LockFiles.read(text, "secure-build.lock.json")));
    }

    /** {@link #sample()} as format 1 wrote it: each use a mapping, in each module. */
    static final String SAMPLE_FORMAT_1 = "{\n  \"format\": \"secure-build-lock/1\",\n  \"artifacts\": {\n"
            + "    \"com.google.guava:failureaccess:jar:1.0.2\": {\"sha256\": \"" + B256 + "\", \"sha512\": \"" + B512 + "\", \"repository\": \"central\"},\n"
            + "    \"com.google.guava:guava:jar:33.3.1-jre\": {\"sha256\": \"" + A256 + "\", \"sha512\": \"" + A512 + "\", \"repository\": \"central\"},\n"
            + "    \"org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0\": {\"sha256\": \"" + A256 + "\", \"sha512\": \"" + A512 + "\", \"repository\": \"central\"},\n"
            + "    \"org.codehaus.plexus:plexus-java:jar:1.4.0\": {\"sha256\": \"" + B256 + "\", \"sha512\": \"" + B512 + "\", \"repository\": \"central\"},\n"
            + "    \"org.example:corporate-parent:pom:7\": {\"sha256\": \"" + A256 + "\", \"sha512\": \"" + A512
            + "\", \"repository\": \"corporate\", \"remoteChecksum\": \"not published\"}\n"
            + "  },\n  \"modules\": {\n    \"org.example:app\": {\n      \"uses\": [\n"
            + "        {\"kind\": \"parent\", \"artifact\": \"org.example:corporate-parent:pom:7\"},\n"
            + "        {\"kind\": \"plugin\", \"artifact\": \"org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0\"},\n"
            + "        {\"kind\": \"plugin-dependency\", \"artifact\": \"org.codehaus.plexus:plexus-java:jar:1.4.0\", \"by\": \"org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0\"},\n"
            + "        {\"kind\": \"dependency\", \"artifact\": \"com.google.guava:failureaccess:jar:1.0.2\", \"scope\": \"compile\", \"by\": \"com.google.guava:guava:jar:33.3.1-jre\"},\n"
            + "        {\"kind\": \"dependency\", \"artifact\": \"com.google.guava:guava:jar:33.3.1-jre\", \"scope\": \"compile\"}\n"
            + "      ],\n      \"reactor\": [\"org.example:lib:1.0-SNAPSHOT\"]\n    }\n  }\n}\n";

    @Test
    void aLockOfFormat1IsStillReadAndWrittenAgainAsFormat2() throws IOException {
        LockFile read = LockFiles.read(SAMPLE_FORMAT_1, "secure-build.lock.json");

        assertEquals(sample(), read);
        assertEquals(LockFile.FORMAT_1, read.format());
        assertEquals(LockFiles.text(sample()), LockFiles.text(read));
        assertTrue(errorOf(SAMPLE_FORMAT_1.replace("\"kind\": \"parent\", ", "\"kind\": \"parent\", \"kind\": \"bom\", ")).contains(
                "key \"kind\" is given twice (first at line "));
        assertTrue(errorOf(SAMPLE_FORMAT_1.replace("\"scope\": \"compile\"}", "\"scope\": 7}")).contains("scope: expected a text; got 7"));
        assertTrue(errorOf(SAMPLE_FORMAT_1.replace("\"scope\": \"compile\"}", "\"scope\": \"com\\npile\"}")).contains(
                "scope is empty or holds ':', a space or a control character"), "a scope that would forge a log line");
        assertEquals("secure-build.lock.json at line 13, column 9: a use written as a text is format secure-build-lock/2, and the lock says"
                + " secure-build-lock/1 (line 2)", errorOf(SAMPLE_FORMAT_1.replace(
                "{\"kind\": \"parent\", \"artifact\": \"org.example:corporate-parent:pom:7\"}", "\"parent org.example:corporate-parent:pom:7\"")));
        assertTrue(errorOf(SAMPLE_FORMAT_1.replace("  \"modules\": {", "  \"builds\": {},\n  \"modules\": {")).contains(
                "\"builds\" is format secure-build-lock/2, and the lock says secure-build-lock/1"));
    }

    @Test
    void thePathOfAUseFollowsWhatBroughtItIn() {
        ModuleLock app = sample().modules().get("org.example:app");
        LockedUse failure = app.uses().stream().filter(u -> u.artifact().artifactId().equals("failureaccess")).findFirst().orElseThrow();
        LockedUse plexus = app.uses().stream().filter(u -> u.artifact().artifactId().equals("plexus-java")).findFirst().orElseThrow();

        assertEquals(List.of("org.example:app", "com.google.guava:guava:jar:33.3.1-jre", "com.google.guava:failureaccess:jar:1.0.2"), app.path(failure));
        assertEquals(List.of("org.example:app", "org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0", "org.codehaus.plexus:plexus-java:jar:1.4.0"),
                app.path(plexus));
    }

    @Test
    void thePathOfAPluginsOrExtensionsTransitiveDependencyReachesThePluginOrExtension() {
        LockKey plugin = LockKey.parse("org.example:plugin:jar:1");
        LockKey direct = LockKey.parse("org.example:direct:jar:1");
        LockKey transitive = LockKey.parse("org.example:transitive:jar:1");
        LockKey extension = LockKey.parse("org.example:extension:jar:1");
        ModuleLock module = new ModuleLock("org.example:app", List.of(
                new LockedUse(LockedUse.Kind.PLUGIN, plugin, null, null),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, direct, null, plugin),
                new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, transitive, null, direct),
                new LockedUse(LockedUse.Kind.EXTENSION, extension, null, null),
                new LockedUse(LockedUse.Kind.EXTENSION_DEPENDENCY, direct, null, extension),
                new LockedUse(LockedUse.Kind.EXTENSION_DEPENDENCY, transitive, null, direct)), List.of());

        assertEquals(List.of("org.example:app", plugin.toString(), direct.toString(), transitive.toString()),
                module.path(new LockedUse(LockedUse.Kind.PLUGIN_DEPENDENCY, transitive, null, direct)));
        assertEquals(List.of("org.example:app", extension.toString(), direct.toString(), transitive.toString()),
                module.path(new LockedUse(LockedUse.Kind.EXTENSION_DEPENDENCY, transitive, null, direct)));
    }

    private String errorOf(String text) {
        return assertThrows(InvalidLockException.class, () -> LockFiles.read(text, "secure-build.lock.json")).getMessage();
    }

    @Test
    void aLockEditedByHandWrongIsRefusedWithItsFileLineAndColumn() throws IOException {
        String good = LockFiles.text(sample());

        assertEquals("secure-build.lock.json at line 2, column 13: format \"secure-build-lock/3\" is not secure-build-lock/2 nor"
                + " secure-build-lock/1, the ones this version of secure-build reads; review the build's artifacts and rewrite the lock with this"
                + " version: mvn secure-build:lock", errorOf(good.replace("secure-build-lock/2", "secure-build-lock/3")));
        String duplicated = good.replace("  \"artifacts\": {\n", "  \"artifacts\": {\n    \"com.google.guava:guava:jar:33.3.1-jre\": {\"sha256\": \""
                + A256 + "\", \"sha512\": \"" + A512 + "\"},\n");
        assertTrue(errorOf(duplicated).startsWith("secure-build.lock.json at line 6, column 5: key \"com.google.guava:guava:jar:33.3.1-jre\" is given"
                + " twice (first at line 4)"), errorOf(duplicated));
        assertTrue(errorOf(good.replace("\"sha256\": \"" + B256, "\"sha256\": \"" + B256.substring(1))).startsWith(
                "secure-build.lock.json at line 4, column 60: artifact com.google.guava:failureaccess:jar:1.0.2: sha256 is \"bbb"),
                errorOf(good.replace("\"sha256\": \"" + B256, "\"sha256\": \"" + B256.substring(1))));
        assertTrue(errorOf(good.replace("\"repository\": \"corporate\"", "\"repository\": \"corporate\", \"signedBy\": \"x\"")).contains(
                "unknown field \"signedBy\"; expected remoteChecksum, repository, sha256, sha512"));
        assertTrue(errorOf(good.replace("\"remoteChecksum\": \"not published\"", "\"remoteChecksum\": \"md5\"")).contains(
                "remoteChecksum is \"md5\"; expected one of sha256, sha512, sha1, not published, unreachable"));
        assertEquals("secure-build.lock.json at line 12, column 7: build build-1: the use \"grandparent org.example:corporate-parent:pom:7\": expected"
                + " parent, bom, extension, extension-dependency, plugin, plugin-dependency or dependency",
                errorOf(good.replace("\"parent org.example", "\"grandparent org.example")));
        assertTrue(errorOf(good.replace("\"parent org.example:corporate-parent:pom:7\"", "\"parent org.example:other:pom:7\"")).contains(
                "at line 12, column 7: build build-1 uses org.example:other:pom:7, which is not under \"artifacts\""));
        assertTrue(errorOf(good.replace("\"dependency compile com.google.guava:guava:jar:33.3.1-jre\"", "\"dependency com.google.guava:guava:jar:33.3.1-jre\""))
                .contains("the use \"dependency com.google.guava:guava:jar:33.3.1-jre\": expected \"dependency <scope> <artifact> [by <artifact>]\""));
        assertTrue(errorOf(good.replace("\"plugin org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0\"",
                "\"plugin org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0 from central\"")).contains(
                "expected \"plugin <artifact> [by <artifact>]\""));
        assertTrue(errorOf(good.substring(0, good.length() - 4)).startsWith("secure-build.lock.json at line "), "a cut file");
        assertTrue(errorOf(good.replace("\"dependency compile com.google.guava:guava:jar:33.3.1-jre\"\n", "\"dependency compile com.google.guava:guava:jar:33.3.1-jre\",\n"
                + "        \"dependency compile com.google.guava:guava:jar:33.3.1-jre\"\n")).contains("is given twice; expected each use once"));
        assertTrue(errorOf(good.replace("\"build\": \"build-1\"", "\"build\": \"build-2\"")).contains(
                "module org.example:app: build \"build-2\" is not under \"builds\""));
        assertTrue(errorOf(good.replace("      \"build\": \"build-1\",\n", "")).contains(
                "at line 11, column 5: build \"build-1\" is the build of no module; expected each build used"));
        assertTrue(errorOf(good.replace("\"dependency compile com.google.guava:guava:jar:33.3.1-jre\"\n", "\"dependency compile com.google.guava:guava:jar:33.3.1-jre\",\n"
                + "        \"parent org.example:corporate-parent:pom:7\"\n")).contains(
                "module org.example:app: parent org.example:corporate-parent:pom:7 is given in its uses and in build build-1; expected each use once"));
        assertTrue(errorOf(good.replace("\"dependency compile com.google.guava:guava:jar:33.3.1-jre\"",
                "{\"kind\": \"dependency\", \"artifact\": \"com.google.guava:guava:jar:33.3.1-jre\", \"scope\": \"compile\"}")).contains(
                "a use written as a mapping is format secure-build-lock/1; format secure-build-lock/2 writes it as a text"));
        assertTrue(errorOf(good.replace("\"dependency compile com.google.guava:guava:jar:33.3.1-jre\"", "7")).contains(
                "module org.example:app: a use: expected a text, \"<kind> [<scope>] <artifact> [by <artifact>]\"; got 7"));
        assertTrue(errorOf(good.replace("\"build-1\": [", "\"build 1\": [")).contains("build \"build 1\": expected a name of letters"));
    }

    @Test
    void aLockIsReadInAnyOrderOfItsPartsAndEveryPartIsChecked() throws IOException {
        String good = LockFiles.text(sample());
        int builds = good.indexOf("  \"builds\": {");
        int modules = good.indexOf("  \"modules\": {");
        String artifacts = good.substring(good.indexOf("  \"artifacts\": {"), builds);
        String modulesFirst = good.substring(0, good.indexOf("  \"artifacts\": {")) + good.substring(modules, good.lastIndexOf("\n}")) + ",\n"
                + good.substring(builds, modules) + artifacts.substring(0, artifacts.lastIndexOf(',')) + "\n}\n";

        assertEquals(sample(), LockFiles.read(modulesFirst, "secure-build.lock.json"), "modules, builds, then artifacts: the same lock");
        assertTrue(errorOf(modulesFirst.replace("\"parent org.example:corporate-parent:pom:7\"", "\"parent org.example:other:pom:7\""))
                .contains("build build-1 uses org.example:other:pom:7, which is not under \"artifacts\""), "checked once artifacts are read");
        assertTrue(errorOf(good.replace("\"parent org.example:corporate-parent:pom:7\"", "\"parent\"")).contains(
                "build build-1: the use \"parent\": expected \"parent <artifact> [by <artifact>]\""));
        assertTrue(errorOf(good.substring(0, good.indexOf("  \"modules\"")).replaceAll(",\n$", "\n}\n")).contains("the lock: \"modules\" is missing"));
        assertTrue(errorOf(good.substring(0, builds) + good.substring(modules)).contains("the lock: \"builds\" is missing"));
        assertTrue(errorOf(good + "{}").contains("expected the end of the lock (one document, one mapping)"));
    }

    @Test
    void anEmptyOrHugeFileIsRefusedUnparsed() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertTrue(assertThrows(InvalidLockException.class, () -> LockFiles.read(empty)).getMessage().endsWith(
                "empty.json: the file is empty; expected a secure-build lock (format secure-build-lock/2), as mvn secure-build:lock writes it"));
    }

    @Test
    void aKeyIsGroupArtifactExtensionOptionalClassifierAndVersion() {
        assertEquals("g:a:jar:tests:1.0", LockKey.parse("g:a:jar:tests:1.0").toString());
        assertEquals("g:a:jar:tests", LockKey.parse("g:a:jar:tests:1.0").versionless());
        assertThrows(IllegalArgumentException.class, () -> LockKey.parse("g:a:1.0"));
        assertThrows(IllegalArgumentException.class, () -> LockKey.parse("g:a:jar: :1.0"));
        assertThrows(IllegalArgumentException.class, () -> LockKey.parse("g:a\u202e:jar:1.0"), "a bidirectional override");
    }
}
