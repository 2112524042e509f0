package dev.securebuild.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void aForgedLogLineStaysOnItsLine() {
        assertEquals("x\\n[INFO] BUILD SUCCESS", Printable.of("x\n[INFO] BUILD SUCCESS"));
        assertEquals("a\\r\\tb", Printable.of("a\r\tb"));
    }

    @Test
    void terminalEscapesAndInvisibleCharactersAreShown() {
        assertEquals("\\u001b[31mred", Printable.of("\u001b[31mred"));
        assertEquals("\\u009b2J", Printable.of("\u009b2J"));
        assertEquals("evil\\u202etxt.exe", Printable.of("evil\u202etxt.exe"));
        assertEquals("zero\\u200bwidth", Printable.of("zero\u200bwidth"));
        assertEquals("line\\u2028sep", Printable.of("line\u2028sep"));
        assertEquals("nul\\u0000", Printable.of("nul\u0000"));
        assertEquals("del\\u007f", Printable.of("del\u007f"));
    }

    @Test
    void aBackslashIsEscapedSoThatEscapesAreUnambiguous() {
        assertEquals("C:\\\\dir\\\\n", Printable.of("C:\\dir\\n"));
        assertFalse(Printable.isPrintable("a\\b"));
    }

    @Test
    void ordinaryTextOfAnyScriptIsKept() {
        String text = "org/acme/Über.java:12 — 漢字 😀 résumé";
        assertSame(text, Printable.of(text));
        assertTrue(Printable.isPrintable(text));
    }

    @Test
    void loneSurrogatesAreEscapedAndPairsKept() {
        assertEquals("a\\ud83db", Printable.of("a\ud83db"));
        assertEquals("\\ude00", Printable.of("\ude00"));
        assertEquals("😀", Printable.of("\ud83d\ude00"));
    }

    @Test
    void nullStaysNull() {
        assertNull(Printable.of(null));
        assertTrue(Printable.isPrintable(null));
    }

    @Test
    void aLongValueIsAbbreviatedToItsEscapedStartAndItsLength() {
        assertEquals("short \\n", Printable.abbreviated("short \n"));
        String longValue = "\n" + "x".repeat(1_000_000);
        String shown = Printable.abbreviated(longValue);
        assertEquals("\\n" + "x".repeat(199) + "... (1000001 characters)", shown);
        assertNull(Printable.abbreviated(null));
    }
}
