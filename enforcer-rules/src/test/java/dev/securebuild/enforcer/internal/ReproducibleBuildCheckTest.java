package dev.securebuild.enforcer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.securebuild.enforcer.internal.ReproducibleBuildCheck.Coordinate;

class ReproducibleBuildCheckTest {

    private final ReproducibleBuildCheck check = ReproducibleBuildCheck.withKnownPlugins();

    private static Coordinate plugin(String artifactId, String version) {
        return new Coordinate("plugin", "org.apache.maven.plugins", artifactId, version);
    }

    @Test
    void aReproducibleSetupPasses() {
        assertEquals(List.of(), check.check("2026-01-01T00:00:00Z", "1.0",
                List.of(new Coordinate("dependency", "g", "a", "1.2.3")), List.of(plugin("maven-jar-plugin", "3.4.2"))));
        assertEquals(List.of(), check.check("1767225600", "1.0", List.of(), List.of()), "seconds since the epoch are a timestamp too");
        assertEquals(List.of(), check.check("2026-01-01T00:00:00+01:00", "1.0", List.of(), List.of()));
    }

    @Test
    void eachProblemIsNamedWithItsFix() {
        List<String> problems = check.check(null, "2.0", List.of(new Coordinate("dependency", "g", "ranged", "[1.0,2.0)"),
                new Coordinate("dependency", "g", "moving", "1.1-SNAPSHOT")), List.of(plugin("maven-jar-plugin", "3.1.2"),
                plugin("maven-source-plugin", "3.2.0"), plugin("maven-install-plugin", "2.5.2"), plugin("maven-assembly-plugin", null)));
        assertEquals(6, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("project.build.outputTimestamp is not set"));
        assertEquals("dependency g:ranged:[1.0,2.0) is a version range: another day resolves another version; pin one version", problems.get(1));
        assertEquals("dependency g:moving:1.1-SNAPSHOT is a SNAPSHOT in release 2.0: its content changes with every deploy; depend on a release",
                problems.get(2));
        assertTrue(problems.get(3).startsWith("plugin org.apache.maven.plugins:maven-jar-plugin:3.1.2 is older than 3.2.0"), problems.get(3));
        assertTrue(problems.get(4).contains("maven-source-plugin:3.2.0 is older than 3.2.1"), problems.get(4));
        assertTrue(problems.get(5).startsWith("plugin org.apache.maven.plugins:maven-assembly-plugin has no version"), problems.get(5));
    }

    @Test
    void snapshotsAreFineInASnapshotAndVersionsCompareAsMavenDoes() {
        assertEquals(List.of(), check.check("2026-01-01T00:00:00Z", "2.0-SNAPSHOT",
                List.of(new Coordinate("dependency", "g", "moving", "1.1-SNAPSHOT")), List.of(plugin("maven-jar-plugin", "3.10.0"))));
        ReproducibleBuildCheck custom = new ReproducibleBuildCheck(Map.of("g:p", new ReproducibleBuildCheck.Minimum("1.10", "why")));
        assertEquals(1, custom.check("10", "1", List.of(), List.of(new Coordinate("plugin", "g", "p", "1.9.1"))).size());
        assertEquals(0, custom.check("12", "1", List.of(), List.of(new Coordinate("plugin", "g", "p", "1.10.0"))).size());
    }

    @Test
    void aMalformedTimestampIsNamed() {
        List<String> problems = check.check("yesterday", "1", List.of(), List.of());
        assertEquals(List.of("project.build.outputTimestamp is 'yesterday': expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, "
                + "or seconds since the epoch"), problems);
    }

    @Test
    void everyListedPluginHasAVersionAndAReason() {
        Map<String, ReproducibleBuildCheck.Minimum> known = ReproducibleBuildCheck.knownPlugins();
        assertTrue(known.size() >= 15, known::toString);
        known.forEach((key, minimum) -> {
            assertTrue(key.matches("[\\w.-]+:[\\w.-]+"), key);
            assertTrue(minimum.version().matches("\\d+(\\.\\d+)*"), key + " " + minimum.version());
            assertTrue(minimum.reason().length() > 10, key);
        });
    }
}
