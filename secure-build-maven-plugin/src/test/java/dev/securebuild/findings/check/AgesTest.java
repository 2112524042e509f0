package dev.securebuild.findings.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.securebuild.shared.settings.InvalidSettingException;

class AgesTest {

    @Test
    void shortAndIsoFormsAreRead() throws InvalidSettingException {
        assertEquals(Duration.ofHours(24), Ages.parse("24h"));
        assertEquals(Duration.ofDays(7), Ages.parse("7d"));
        assertEquals(Duration.ofMinutes(30), Ages.parse(" 30m "));
        assertEquals(Duration.ofDays(1), Ages.parse("P1D"));
        assertEquals(Duration.ofHours(2), Ages.parse("pt2h"));
        assertThrows(InvalidSettingException.class, () -> Ages.parse("a week"));
        assertThrows(InvalidSettingException.class, () -> Ages.parse("99999999999999999999d"), "too long for a number");
        assertThrows(InvalidSettingException.class, () -> Ages.parse("9999999999999999d"), "too long for a Duration");
    }

    @Test
    void agesAreDescribedInTheUnitAPersonUses() {
        assertEquals("90 minutes", Ages.describe(Duration.ofMinutes(90)));
        assertEquals("30 hours", Ages.describe(Duration.ofHours(30)));
        assertEquals("3 days", Ages.describe(Duration.ofHours(80)));
    }
}
