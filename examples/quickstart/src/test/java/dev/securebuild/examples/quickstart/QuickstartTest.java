package dev.securebuild.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuickstartTest {

    @Test
    void slugDropsAccentsAndPunctuation() {
        assertEquals("hello-world", Slug.of("  Héllo, World!  "));
        assertEquals("release-1-2-0", Slug.of("Release 1.2.0"));
    }

    @Test
    void uniqueSlugEndsWithFourDigits() {
        assertTrue(Slug.unique("Hello, World!").matches("hello-world-[1-9][0-9]{3}"));
    }

    @Test
    void versionsSortByNumbersThenPreRelease() {
        assertTrue(SemanticVersion.parse("1.10.0").compareTo(SemanticVersion.parse("1.9.3")) > 0);
        assertTrue(SemanticVersion.parse("2.0.0-rc1").compareTo(SemanticVersion.parse("2.0.0")) < 0);
        assertEquals("2.0.0-rc1", SemanticVersion.parse(" 2.0.0-rc1 ").toString());
        assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse("1.2"));
    }
}
