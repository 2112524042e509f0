package dev.securebuild.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LogLineTest {

    @Test
    void aLineIsItsLevelAndText() {
        assertEquals(LogLine.Level.WARN, LogLine.warn(new StringBuilder("careful")).level());
        assertEquals("careful", LogLine.warn("careful").text());
        assertEquals(LogLine.error("x"), LogLine.error("x"));
        assertNotEquals(LogLine.error("x"), LogLine.info("x"));
        assertEquals("INFO x", LogLine.info("x").toString());
    }
}
