package dev.securebuild.shared.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PublicPropertiesTest {

    @Test
    void onlyListedPropertiesKeepTheirValueAndEveryNameIsKept() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("skipTests", "true");
        given.put("revision", "1.4.0");
        given.put("innocuous.value", "P-canary-123");
        given.put("sonar.login", "P-canary-123");
        Map<String, String> recorded = PublicProperties.of(PublicProperties.DEFAULT).recordable(given);
        assertEquals(Map.of("skipTests", "true", "revision", "1.4.0", "innocuous.value", "[redacted]", "sonar.login", "[redacted]"), recorded);
    }

    @Test
    void aTrailingStarMatchesAPrefixAndAListedSecretNameIsStillRedacted() {
        PublicProperties list = PublicProperties.of(" maven.*, release ");
        assertEquals(Map.of("maven.compiler.release", "17", "release", "yes", "maven.password", "[redacted]", "other", "[redacted]"),
                list.recordable(Map.of("maven.compiler.release", "17", "release", "yes", "maven.password", "x", "other", "y")));
    }

    @Test
    void anEmptyListRecordsNoValue() {
        assertEquals(Map.of("skipTests", "[redacted]"), PublicProperties.of("").recordable(Map.of("skipTests", "true")));
    }
}
