package dev.securebuild.enforcer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.securebuild.enforcer.internal.ReproducibleBuildCheck.Coordinate;
import dev.securebuild.enforcer.internal.ReproducibleBuildCheck.Problem;
import dev.securebuild.enforcer.internal.ReproducibleBuildExemptions.Exemption;
import dev.securebuild.enforcer.internal.ReproducibleBuildExemptions.Outcome;
import dev.securebuild.enforcer.internal.ReproducibleBuildExemptions.Standing;
import dev.securebuild.enforcer.internal.ReproducibleBuildExemptions.State;

class ReproducibleBuildExemptionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final String PROJECT = "org.example:app:jar:1.0";

    private final ReproducibleBuildCheck check = ReproducibleBuildCheck.withKnownPlugins();
    private final Coordinate ownPlugin = new Coordinate("plugin", "dev.securebuild", "secure-build-maven-plugin", "0.2.0-SNAPSHOT");
    private final Coordinate rulesJar = new Coordinate("dependency of plugin maven-enforcer-plugin", "dev.securebuild",
            "secure-build-enforcer-rules", "0.2.0-SNAPSHOT");
    private final Coordinate other = new Coordinate("dependency", "org.example", "in-progress", "2.0-SNAPSHOT");
    private final Coordinate ranged = new Coordinate("dependency", "dev.securebuild", "ranged", "[1.0,2.0)");

    private List<Problem> problems(Coordinate... coordinates) {
        return check.problems("2026-01-01T00:00:00Z", "1.0", List.of(coordinates), List.of());
    }

    private static Exemption exemption(int number, String artifact, String expires) {
        return Exemption.of(number, artifact, "our own plugin, under evaluation", "build-team@example.com", expires);
    }

    @Test
    void anExemptionInForceTakesEveryProblemOfWhatItNamesOffTheFailureAndSaysSoOnce() {
        Outcome outcome = new ReproducibleBuildExemptions(List.of(exemption(1, "dev.securebuild:*", "2027-03-31")), TODAY)
                .apply(problems(ownPlugin, rulesJar, ranged, other), List.of(ownPlugin, rulesJar, ranged, other), PROJECT);

        assertEquals(List.of("dependency org.example:in-progress:2.0-SNAPSHOT is a SNAPSHOT in release 1.0: its content changes with "
                + "every deploy; depend on a release"), outcome.problems(), "what the exemption does not name still fails");
        Standing standing = outcome.standings().get(0);
        assertEquals(State.USED, standing.state());
        assertEquals(3, standing.exempted().size());
        assertEquals("exemption 1 (dev.securebuild:*) exempts plugin dev.securebuild:secure-build-maven-plugin:0.2.0-SNAPSHOT (a SNAPSHOT "
                + "in release 1.0), dependency of plugin maven-enforcer-plugin dev.securebuild:secure-build-enforcer-rules:0.2.0-SNAPSHOT (a "
                + "SNAPSHOT in release 1.0), dependency dev.securebuild:ranged:[1.0,2.0) (a version range) of org.example:app:jar:1.0: our "
                + "own plugin, under evaluation (owner build-team@example.com, until 2027-03-31)", standing.message());
        assertTrue(standing.warns());
        assertEquals("exception.used", ReproducibleBuildExemptions.eventType(standing.state()));
    }

    @Test
    void theProjectsOwnTimestampIsNeverExempted() {
        List<Problem> found = check.problems(null, "1.0", List.of(ownPlugin), List.of());
        assertNull(found.get(0).coordinate());
        Outcome outcome = new ReproducibleBuildExemptions(List.of(exemption(1, "*:*", "2027-03-31")), TODAY)
                .apply(found, List.of(ownPlugin), PROJECT);

        assertEquals(1, outcome.problems().size());
        assertTrue(outcome.problems().get(0).startsWith("project.build.outputTimestamp is not set"), outcome.problems().get(0));
    }

    @Test
    void anExpiredExemptionNoLongerExemptsAndTheProblemSaysSo() {
        Outcome outcome = new ReproducibleBuildExemptions(List.of(exemption(1, "dev.securebuild:secure-build-*", "2026-12-05")), TODAY)
                .apply(problems(ownPlugin), List.of(ownPlugin), PROJECT);

        assertEquals(List.of("plugin dev.securebuild:secure-build-maven-plugin:0.2.0-SNAPSHOT is a SNAPSHOT in release 1.0: its content "
                + "changes with every deploy; depend on a release (exemption 1 (dev.securebuild:secure-build-*) expired on 2026-12-05: it "
                + "no longer exempts; renew it (owner build-team@example.com) or fix the problem)"), outcome.problems());
        Standing standing = outcome.standings().get(0);
        assertEquals(State.EXPIRED, standing.state());
        assertEquals("exemption 1 (dev.securebuild:secure-build-*) expired on 2026-12-05 (1 day ago): it no longer exempts plugin "
                + "dev.securebuild:secure-build-maven-plugin:0.2.0-SNAPSHOT (a SNAPSHOT in release 1.0) of org.example:app:jar:1.0; renew "
                + "it (owner build-team@example.com) or remove it", standing.message());
        assertEquals("exception.expired", ReproducibleBuildExemptions.eventType(standing.state()));
    }

    @Test
    void itsLastDayStillExemptsWithTheDaysLeftAndALaterExemptionInForceWinsOverAnExpiredOne() {
        Outcome outcome = new ReproducibleBuildExemptions(List.of(exemption(1, "dev.securebuild:secure-build-maven-plugin", "2026-01-01"),
                exemption(2, "dev.securebuild:*", "2026-12-06")), TODAY).apply(problems(ownPlugin), List.of(ownPlugin), PROJECT);

        assertEquals(List.of(), outcome.problems());
        assertEquals(State.EXPIRED, outcome.standings().get(0).state());
        assertEquals(List.of(), outcome.standings().get(0).exempted());
        Standing second = outcome.standings().get(1);
        assertEquals(State.EXPIRING, second.state());
        assertTrue(second.message().endsWith("(owner build-team@example.com, until 2026-12-06, its last day: renew it or fix the problem)"),
                second.message());
        assertEquals("exception.expiring", ReproducibleBuildExemptions.eventType(second.state()));
    }

    @Test
    void anExemptionThatNamesNothingIsReportedAndOneWhoseCoordinateHasNoProblemIsOnlyDebug() {
        Outcome outcome = new ReproducibleBuildExemptions(List.of(exemption(1, "org.gone:*", "2027-03-31"),
                exemption(2, "dev.securebuild:*", "2027-03-31")), TODAY)
                .apply(check.problems("10", "1.0-SNAPSHOT", List.of(ownPlugin), List.of()), List.of(ownPlugin), PROJECT);

        assertEquals(List.of(), outcome.problems());
        Standing unused = outcome.standings().get(0);
        assertEquals(State.UNUSED, unused.state());
        assertEquals("exemption 1 (org.gone:*) names no dependency or plugin of org.example:app:jar:1.0: remove it if it is no longer needed",
                unused.message());
        assertEquals("exception.unused", ReproducibleBuildExemptions.eventType(unused.state()));
        Standing idle = outcome.standings().get(1);
        assertEquals(State.IDLE, idle.state(), "a SNAPSHOT build has no SNAPSHOT problem: the release's exemption is not stale");
        assertFalse(idle.warns());
        assertNull(ReproducibleBuildExemptions.eventType(idle.state()));
    }

    @Test
    void aMissingReasonOrExpiryOrAMalformedArtifactNamesTheElement() {
        assertEquals("requireReproducibleBuild <exemptions>: <exemption> 2 (dev.securebuild:*) has no <reason>: say why the build may be "
                + "released with what it exempts", assertThrows(IllegalArgumentException.class,
                        () -> Exemption.of(2, "dev.securebuild:*", " ", "me", "2027-01-01")).getMessage());
        assertEquals("requireReproducibleBuild <exemptions>: <exemption> 1 (dev.securebuild:*) has no <expires>: the last day it holds, as "
                + "YYYY-MM-DD (an exemption must end)", assertThrows(IllegalArgumentException.class,
                        () -> Exemption.of(1, "dev.securebuild:*", "why", null, null)).getMessage());
        assertEquals("requireReproducibleBuild <exemptions>: <exemption> 1 (dev.securebuild:*) <expires> '31.03.2027' is not a date: "
                + "expected YYYY-MM-DD", assertThrows(IllegalArgumentException.class,
                        () -> Exemption.of(1, "dev.securebuild:*", "why", null, "31.03.2027")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Exemption.of(3, null, "why", null, "2027-01-01")).getMessage()
                .startsWith("requireReproducibleBuild <exemptions>: <exemption> 3 has no <artifact>: expected groupId:artifactId"));
        for (String artifact : List.of("dev.securebuild", "a:b:1.0", "org.(x|y):a", "a:")) {
            String message = assertThrows(IllegalArgumentException.class, () -> Exemption.of(1, artifact, "why", null, "2027-01-01"))
                    .getMessage();
            assertTrue(message.startsWith("requireReproducibleBuild <exemptions>: <exemption> 1 <artifact> '" + artifact
                    + "' is not groupId:artifactId"), message);
        }
        Exemption escaped = Exemption.of(1, "a:b", "line one\nline two", "me\u001b[31m", "2027-01-01");
        assertFalse(escaped.reason().contains("\n"), "a reason reaches the log escaped: " + escaped.reason());
        assertFalse(escaped.owner().contains("\u001b"), escaped.owner());
        assertNull(Exemption.of(1, "a:b", "why", "  ", "2027-01-01").owner(), "the owner is optional");
    }
}
