package dev.securebuild.findings.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AgesTest {

    @Test
    void shortAndIsoFormsAreRead() {
        assertEquals(Duration.ofHours(24), Ages.parse("24h"));
        assertEquals(Duration.ofDays(7), Ages.parse("7d"));
        assertEquals(Duration.ofMinutes(30), Ages.parse(" 30m "));
        assertEquals(Duration.ofDays(1), Ages.parse("P1D"));
        assertEquals(Duration.ofHours(2), Ages.parse("pt2h"));
        assertThrows(IllegalArgumentException.class, () -> Ages.parse("a week"));
    }

    @Test
    void agesAreDescribedInTheUnitAPersonUses() {
        assertEquals("90 minutes", Ages.describe(Duration.ofMinutes(90)));
        assertEquals("30 hours", Ages.describe(Duration.ofHours(30)));
        assertEquals("3 days", Ages.describe(Duration.ofHours(80)));
    }
}
