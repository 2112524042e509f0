package dev.securebuild.shared.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationTest {

    @TempDir
    Path base;

    private Location parse(String text) {
        return Location.parse(text, "list", base);
    }

    @Test
    void shownAsConfiguredNeverAsTheMachinesFileAndNeverWithAToken() {
        LocationBase top = LocationBase.folder(Path.of("/work/reactor"));
        assertEquals("com.example:policy:1.4", Location.parse("com.example:policy:1.4", "policy", null).shown(top));
        assertEquals("https://lists.example.com/team.yaml",
                Location.parse("https://ci:s3cret@lists.example.com/team.yaml?token=abc#x", "list", null).shown(top));
        assertEquals("https://lists.example.com:8443/a.yaml", Location.parse("https://lists.example.com:8443/a.yaml", "list", null).shown(top));
        assertEquals("file:/etc/secure-build/p.yaml", Location.parse("file:/etc/secure-build/p.yaml", "policy", null).shown(top));
        assertEquals("policies/gate.yaml", Location.parse("policies/gate.yaml", "gatePolicy", null).shown(top));
        assertEquals("/etc/gate.yaml", Location.parse("/etc/gate.yaml", "gatePolicy", null).shown(top));
        assertEquals("/work/shared/gate.yaml", Location.parse("../shared/gate.yaml", "gatePolicy", null).shown(top));
    }

    @Test
    void coordinatesWithTheDefaultExtensionYaml() {
        Location location = parse("com.example.security:approved-list:1.2");

        assertEquals(Location.Kind.COORDINATES, location.kind());
        assertEquals("com.example.security", location.groupId());
        assertEquals("approved-list", location.artifactId());
        assertEquals("1.2", location.version());
        assertEquals("yaml", location.extension());
        assertEquals("", location.classifier());
        assertEquals("com.example.security:approved-list:1.2:yaml", location.toString());
    }

    @Test
    void coordinatesWithAnExtensionAndAClassifier() {
        assertEquals("json", parse("com.example:list:1.0:json").extension());
        Location classified = parse("com.example:policy:1.4:yaml:strict");
        assertEquals("yaml", classified.extension());
        assertEquals("strict", classified.classifier());
        assertEquals("com.example:policy:1.4:yaml:strict", classified.toString());
        assertEquals("com.example:policy:yaml:strict:1.4", LocationReader.artifact(classified).toString());
    }

    @Test
    void urlsOfFileAndHttps() {
        assertEquals(Location.Kind.URL, parse("https://example.com/allowlist.yaml").kind());
        assertEquals(Location.Kind.URL, parse("file:/etc/allowlist.yaml").kind());
        assertNull(parse("https://example.com/allowlist.yaml").groupId());
    }

    @Test
    void plainHttpAndOtherSchemesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("http://example.com/list.yaml"));
        assertTrue(e.getMessage().contains("only file: and https:"), e.getMessage());
        assertTrue(e.getMessage().startsWith("<list>http://example.com/list.yaml</list>"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("ftp://example.com/list.yaml"));
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> Location.parse("http://example.com/p.yaml", "policy", base));
        assertTrue(policy.getMessage().startsWith("<policy>"), policy.getMessage());
    }

    @Test
    void everythingElseIsAPath() {
        assertEquals(Location.Kind.PATH, parse("allowlist.yaml").kind());
        assertEquals(Location.Kind.PATH, parse("config/team:list.yaml").kind());
        assertEquals(Location.Kind.PATH, parse("C:\\lists\\org.yaml").kind());
        assertEquals(Location.Kind.PATH, parse("a:b:c:d:e:f").kind(), "six parts are no coordinates");
        assertEquals(base.resolve("config/list.yaml"), parse(" config/list.yaml ").path(base));
    }

    @Test
    void aFileOfTheProjectNamedLikeCoordinatesIsThatFile() throws IOException {
        assertEquals(Location.Kind.COORDINATES, parse("a:b:c:d:e").kind());
        Files.writeString(base.resolve("a:b:c:d:e"), "version: 1");
        assertEquals(Location.Kind.PATH, parse("a:b:c:d:e").kind(), "the file, as before five parts were coordinates");
        assertEquals(Location.Kind.COORDINATES, Location.parse("a:b:c:d:e", "list", null).kind(), "no base: the syntax only");
    }

    @Test
    void anEmptyValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("  "));
        assertTrue(e.getMessage().startsWith("an empty <list>: expected a path"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse(null));
    }
}
