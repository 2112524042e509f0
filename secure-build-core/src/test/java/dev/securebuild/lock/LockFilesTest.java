package dev.securebuild.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertTrue(text.startsWith("{\n  \"format\": \"secure-build-lock/1\",\n  \"artifacts\": {\n"
                + "    \"com.google.guava:failureaccess:jar:1.0.2\": {\"sha256\": \"" + B256 + "\", \"sha512\": \"" + B512 + "\", \"repository\": \"central\"},\n"), text);
        assertTrue(text.contains("      \"uses\": [\n"
                + "        {\"kind\": \"parent\", \"artifact\": \"org.example:corporate-parent:pom:7\"},\n"
                + "        {\"kind\": \"plugin\", \"artifact\": \"org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0\"},\n"
                + "        {\"kind\": \"plugin-dependency\", \"artifact\": \"org.codehaus.plexus:plexus-java:jar:1.4.0\", \"by\": \"org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0\"},\n"
                + "        {\"kind\": \"dependency\", \"artifact\": \"com.google.guava:failureaccess:jar:1.0.2\", \"scope\": \"compile\", \"by\": \"com.google.guava:guava:jar:33.3.1-jre\"},\n"
                + "        {\"kind\": \"dependency\", \"artifact\": \"com.google.guava:guava:jar:33.3.1-jre\", \"scope\": \"compile\"}\n"
                + "      ],\n      \"reactor\": [\"org.example:lib:1.0-SNAPSHOT\"]\n"), text);
        assertTrue(text.contains("    \"org.example:corporate-parent:pom:7\": {\"sha256\": \"" + A256 + "\", \"sha512\": \"" + A512
                + "\", \"repository\": \"corporate\", \"remoteChecksum\": \"not published\"}\n"), "what the repository's checksum said");
        assertTrue(text.endsWith("}\n}\n"), text);
        assertFalse(text.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT\\d\\d:.*"), "no time: locking twice gives the same bytes");
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

        assertEquals("secure-build.lock.json at line 2, column 13: format \"secure-build-lock/2\" is not secure-build-lock/1, the one this"
                + " version of secure-build reads; review the build's artifacts and rewrite the lock with this version: mvn secure-build:lock",
                errorOf(good.replace("secure-build-lock/1", "secure-build-lock/2")));
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
        assertTrue(errorOf(good.replace("\"kind\": \"parent\"", "\"kind\": \"grandparent\"")).contains(
                "kind is \"grandparent\"; expected parent, bom, extension, extension-dependency, plugin, plugin-dependency or dependency"));
        assertTrue(errorOf(good.replace("\"artifact\": \"org.example:corporate-parent:pom:7\"", "\"artifact\": \"org.example:other:pom:7\"")).contains(
                "uses org.example:other:pom:7, which is not under \"artifacts\""));
        assertTrue(errorOf(good.substring(0, good.length() - 4)).startsWith("secure-build.lock.json at line "), "a cut file");
        assertTrue(errorOf(good.replace("\"scope\": \"compile\"}\n", "\"scope\": \"compile\"},\n        {\"kind\": \"dependency\", \"artifact\":"
                + " \"com.google.guava:guava:jar:33.3.1-jre\", \"scope\": \"compile\"}\n")).contains("is given twice; expected each use once"));
    }

    @Test
    void aLockIsReadInAnyOrderOfItsPartsAndEveryPartIsChecked() throws IOException {
        String good = LockFiles.text(sample());
        int modules = good.indexOf("  \"modules\": {");
        String artifacts = good.substring(good.indexOf("  \"artifacts\": {"), modules);
        String modulesFirst = good.substring(0, good.indexOf("  \"artifacts\": {")) + good.substring(modules, good.lastIndexOf("\n}")) + ",\n"
                + artifacts.substring(0, artifacts.lastIndexOf(',')) + "\n}\n";

        assertEquals(sample(), LockFiles.read(modulesFirst, "secure-build.lock.json"), "modules before artifacts: the same lock");
        assertTrue(errorOf(modulesFirst.replace("\"artifact\": \"org.example:corporate-parent:pom:7\"", "\"artifact\": \"org.example:other:pom:7\""))
                .contains("module org.example:app uses org.example:other:pom:7, which is not under \"artifacts\""), "checked once artifacts are read");
        assertTrue(errorOf(good.replace("{\"kind\": \"parent\", \"artifact\": \"org.example:corporate-parent:pom:7\"}", "{\"kind\": \"parent\"}"))
                .contains("module org.example:app: a use: \"artifact\" is missing"));
        assertTrue(errorOf(good.substring(0, good.indexOf("  \"modules\"")).replaceAll(",\n$", "\n}\n")).contains("the lock: \"modules\" is missing"));
        assertTrue(errorOf(good + "{}").contains("expected the end of the lock (one document, one mapping)"));
        assertTrue(errorOf(good.replace("\"kind\": \"parent\", ", "\"kind\": \"parent\", \"kind\": \"bom\", ")).contains(
                "key \"kind\" is given twice (first at line "));
        assertTrue(errorOf(good.replace("\"scope\": \"compile\"}", "\"scope\": 7}")).contains("scope: expected a text; got 7"));
    }

    @Test
    void anEmptyOrHugeFileIsRefusedUnparsed() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertTrue(assertThrows(InvalidLockException.class, () -> LockFiles.read(empty)).getMessage().endsWith(
                "empty.json: the file is empty; expected a secure-build lock (format secure-build-lock/1), as mvn secure-build:lock writes it"));
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
