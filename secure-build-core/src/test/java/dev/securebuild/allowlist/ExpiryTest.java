package dev.securebuild.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ExpiryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void theExpiryIsTheLastDayInForceAndWarnsFromTheWindowOn() {
        assertEquals(Expiry.State.IN_FORCE, Expiry.state(null, TODAY, 30), "no expiry: always in force");
        assertEquals(Expiry.State.IN_FORCE, Expiry.state(TODAY.plusDays(31), TODAY, 30));
        assertEquals(Expiry.State.EXPIRING, Expiry.state(TODAY.plusDays(30), TODAY, 30));
        assertEquals(Expiry.State.EXPIRING, Expiry.state(TODAY, TODAY, 30), "its last day is still in force");
        assertEquals(Expiry.State.IN_FORCE, Expiry.state(TODAY, TODAY, -1), "a negative window never warns");
        assertEquals(Expiry.State.EXPIRED, Expiry.state(TODAY.minusDays(1), TODAY, 30));
        assertEquals(Expiry.State.EXPIRING, Expiry.state(TODAY, TODAY, 0));
    }

    @Test
    void daysAreSaidInWords() {
        assertEquals(0, Expiry.daysLeft(TODAY, TODAY));
        assertEquals(-3, Expiry.daysLeft(TODAY, TODAY.minusDays(3)));
        assertEquals("its last day", Expiry.left(0));
        assertEquals("1 day left", Expiry.left(1));
        assertEquals("12 days left", Expiry.left(12));
        assertEquals("1 day ago", Expiry.ago(1));
        assertEquals("3 days ago", Expiry.ago(3));
    }

    @Test
    void aCoordinatePatternMatchesWholeNamesWithStarsForAnyRun() {
        CoordinatePattern group = new CoordinatePattern("dev.securebuild*");
        assertTrue(group.matches("dev.securebuild"));
        assertTrue(group.matches("dev.securebuild.tools"));
        assertFalse(group.matches("org.dev.securebuild"));
        assertFalse(group.matches(null));
        CoordinatePattern exact = new CoordinatePattern("a.b");
        assertTrue(exact.matches("a.b"));
        assertFalse(exact.matches("aXb"), "a dot is a dot, not a regular expression");
        assertEquals("dev.securebuild*", group.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CoordinatePattern("org.(x|y)"));
        assertTrue(e.getMessage().startsWith("not a coordinate pattern: org.(x|y)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CoordinatePattern(""));
    }
}
