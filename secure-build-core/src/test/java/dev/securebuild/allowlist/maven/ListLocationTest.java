package dev.securebuild.allowlist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ListLocationTest {

    @Test
    void coordinatesWithTheDefaultExtensionYaml() {
        ListLocation location = ListLocation.parse(" com.example.security:approved-list:1.2 ");

        assertEquals(ListLocation.Kind.COORDINATES, location.kind());
        assertEquals("com.example.security", location.groupId());
        assertEquals("approved-list", location.artifactId());
        assertEquals("1.2", location.version());
        assertEquals("yaml", location.extension());
        assertEquals("com.example.security:approved-list:1.2:yaml", location.toString());
    }

    @Test
    void coordinatesWithAnExtension() {
        assertEquals("json", ListLocation.parse("com.example:list:1.0:json").extension());
    }

    @Test
    void urlsOfFileAndHttps() {
        assertEquals(ListLocation.Kind.URL, ListLocation.parse("https://example.com/allowlist.yaml").kind());
        assertEquals(ListLocation.Kind.URL, ListLocation.parse("file:/etc/allowlist.yaml").kind());
    }

    @Test
    void plainHttpAndOtherSchemesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListLocation.parse("http://example.com/list.yaml"));
        assertTrue(e.getMessage().contains("only file: and https:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ListLocation.parse("ftp://example.com/list.yaml"));
    }

    @Test
    void everythingElseIsAPath() {
        assertEquals(ListLocation.Kind.PATH, ListLocation.parse("allowlist.yaml").kind());
        assertEquals(ListLocation.Kind.PATH, ListLocation.parse("config/team:list.yaml").kind());
        assertEquals(ListLocation.Kind.PATH, ListLocation.parse("C:\\lists\\org.yaml").kind());
        assertEquals(ListLocation.Kind.PATH, ListLocation.parse("a:b:c:d:e").kind());
    }

    @Test
    void anEmptyListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ListLocation.parse("  "));
        assertThrows(IllegalArgumentException.class, () -> ListLocation.parse(null));
    }
}
