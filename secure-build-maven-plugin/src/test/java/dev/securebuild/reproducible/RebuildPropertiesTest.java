package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.reproducible.RebuildProperties.ConfigSyntax;
import dev.securebuild.shared.secrets.PublicProperties;

/** The build's -D properties as the rebuild gets them: in an owner-only maven.config of the copy, put back afterwards. */
class RebuildPropertiesTest {

    @TempDir
    Path copy;

    private static Map<String, String> properties(String... nameValue) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.put(nameValue[i], nameValue[i + 1]);
        }
        return map;
    }

    @Test
    void theMavenVersionSaysHowMavenConfigIsRead() {
        assertEquals(ConfigSyntax.WHITESPACE_SEPARATED, ConfigSyntax.of("3.8.7"));
        assertEquals(ConfigSyntax.ONE_PER_LINE, ConfigSyntax.of("3.9.16"));
        assertEquals(ConfigSyntax.ONE_PER_LINE, ConfigSyntax.of("4.0.0-rc-4"));
        assertEquals(ConfigSyntax.WHITESPACE_SEPARATED, ConfigSyntax.of(null));
        assertEquals(ConfigSyntax.WHITESPACE_SEPARATED, ConfigSyntax.of("garbage"));
    }

    @Test
    void passesTheUsersPropertiesAndLeavesOutWhatTheRebuildOrMavenSets() {
        RebuildProperties rebuild = RebuildProperties.of(properties("skipTests", "true", "rat.skip", "", "token", "s3cr3t",
                "maven.repo.local", "/home/me/.m2/repository", "user.timezone", "UTC", Rebuild.MARKER_PROPERTY, "true",
                "session.rootDirectory", "/src/project", "maven.project.conf", "/src/project/.mvn"),
                Set.of("maven.repo.local", "user.timezone"), ConfigSyntax.ONE_PER_LINE);

        assertEquals(Map.of("skipTests", "true", "rat.skip", "", "token", "s3cr3t"), rebuild.passed());
        assertEquals(Set.of("maven.repo.local", "user.timezone", Rebuild.MARKER_PROPERTY, "session.rootDirectory", "maven.project.conf"),
                rebuild.leftOut().keySet());
        assertEquals("Maven sets it", rebuild.leftOut().get("session.rootDirectory"));
        assertEquals("the rebuild sets it", rebuild.leftOut().get("user.timezone"));
    }

    @Test
    void aValueWithASpaceCannotBeWrittenForMaven38ButCanFor39() {
        Map<String, String> given = properties("argLine", "-Xmx1g -ea", "multi", "a\nb");

        RebuildProperties old = RebuildProperties.of(given, Set.of(), ConfigSyntax.WHITESPACE_SEPARATED);
        RebuildProperties current = RebuildProperties.of(given, Set.of(), ConfigSyntax.ONE_PER_LINE);

        assertEquals(Set.of("argLine", "multi"), old.leftOut().keySet());
        assertTrue(old.leftOut().get("argLine").contains("rebuildArguments"));
        assertEquals(Map.of("argLine", "-Xmx1g -ea"), current.passed());
        assertEquals("its value has a line break", current.leftOut().get("multi"));
    }

    @Test
    void writesAnOwnerOnlyFileAfterTheProjectsOwnLinesAndPutsItBack() throws IOException {
        Path config = Files.createDirectories(copy.resolve(".mvn")).resolve("maven.config");
        Files.writeString(config, "-T1C");
        RebuildProperties rebuild = RebuildProperties.of(properties("skipTests", "true", "token", "s3cr3t"), Set.of(),
                ConfigSyntax.ONE_PER_LINE);

        try (RebuildProperties.Written written = rebuild.writeInto(copy)) {
            assertEquals(List.of("-T1C", "-DskipTests=true", "-Dtoken=s3cr3t"), Files.readAllLines(written.file()));
            if (Files.getFileStore(config).supportsFileAttributeView("posix")) {
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(config));
            }
        }
        assertEquals("-T1C", Files.readString(config, StandardCharsets.UTF_8));
    }

    @Test
    void aFileItMadeIsDeletedWithItsFolder() throws IOException {
        try (RebuildProperties.Written written = RebuildProperties.of(properties("token", "s3cr3t"), Set.of(), ConfigSyntax.ONE_PER_LINE)
                .writeInto(copy)) {
            assertTrue(Files.isRegularFile(written.file()));
        }
        assertFalse(Files.exists(copy.resolve(".mvn")));
    }

    @Test
    void noPropertyWritesNothing() throws IOException {
        try (RebuildProperties.Written written = RebuildProperties.NONE.writeInto(copy)) {
            assertFalse(Files.exists(written.file()));
        }
        assertFalse(Files.exists(copy.resolve(".mvn")));
    }

    @Test
    void rebuildArgsGiveOnlyPublicValuesThenProfilesThenGoals() {
        RebuildProperties rebuild = RebuildProperties.of(properties("skipTests", "", "revision", "1.2 beta", "gpg.passphrase", "hunter2",
                "maven.repo.local", "/home/me/.m2"), Set.of("maven.repo.local"), ConfigSyntax.ONE_PER_LINE);

        String args = rebuild.rebuildArgs(List.of("release"), List.of("clean", "verify"), PublicProperties.of(PublicProperties.DEFAULT));

        assertEquals("-Drevision='1.2 beta' -DskipTests -Prelease clean verify", args);
    }

    @Test
    void aPublicNameWithASecretLookingValueIsLeftOut() {
        RebuildProperties rebuild = RebuildProperties.of(properties("revision", "ghp_0123456789abcdefghijABCDEFGHIJ012345"), Set.of(),
                ConfigSyntax.ONE_PER_LINE);

        assertEquals("verify", rebuild.rebuildArgs(List.of(), List.of("verify"), PublicProperties.of("revision")));
    }

    @Test
    void theLogNamesThePropertiesNeverTheirValues() {
        List<String> lines = RebuildProperties.of(properties("token", "s3cr3t", "bad\u001b[31mname", "x"), Set.of(),
                ConfigSyntax.ONE_PER_LINE).description();

        assertTrue(lines.get(0).contains("token") && !String.join("\n", lines).contains("s3cr3t"), lines.toString());
        assertFalse(String.join("\n", lines).contains("\u001b"), lines.toString());
    }
}
