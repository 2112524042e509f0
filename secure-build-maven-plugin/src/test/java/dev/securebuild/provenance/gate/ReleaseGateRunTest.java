package dev.securebuild.provenance.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.results.GoalResult.Verdict;
import dev.securebuild.shared.results.GoalResults;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.text.LogLine;
import dev.securebuild.shared.location.LocationReader;

/** A whole run of release-gate without Maven: policy file, result files, reports, log lines and the event the mojo records. */
class ReleaseGateRunTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(START.plusSeconds(90), ZoneOffset.UTC);

    @TempDir
    Path top;

    private Path results() {
        return GoalResults.folder(top.resolve("target"));
    }

    private Path output() {
        return top.resolve("target/secure-build/release-gate");
    }

    private void result(String check, Verdict verdict, Instant time) throws IOException {
        GoalResults.write(results(), new GoalResult(check, check, "g:app", List.of("g:app"), "1.0", time, verdict, check + " said " + verdict.label(),
                List.of(), null), KnownSecrets.NONE);
    }

    private Path policy(String text) throws IOException {
        return Files.writeString(top.resolve("gate.yaml"), text);
    }

    private ReleaseGateOutcome run(String gatePolicy, Instant buildStarted, String approval) throws IOException {
        return run(gatePolicy, buildStarted, approval, List.of());
    }

    private ReleaseGateOutcome run(String gatePolicy, Instant buildStarted, String approval, List<GateDecision.NotGated> notGated) throws IOException {
        return new ReleaseGateRun(CLOCK, KnownSecrets.NONE).run(new ReleaseGateRun.Request(gatePolicy, new LocationReader(null, null, List.of(), top), "g:app", "1.0", List.of("g:app"),
                notGated, List.of(results()), buildStarted, approval, Map.of("GITHUB_ACTOR", "alice"), "bob", output()));
    }

    @Test
    void theModulesItDoesNotGateAreNamedInEveryReportAndTheLogSoThatTheirAbsenceIsNotReadAsAPass() throws IOException {
        policy("version: 1\nrequired: [sign]\n");
        result("sign", Verdict.PASS, START.plusSeconds(5));
        List<GateDecision.NotGated> notGated = List.of(new GateDecision.NotGated("g:core", "has no release-gate execution"),
                new GateDecision.NotGated("g:<docs>|x", "skips the goal (secure-build.skip)"));

        ReleaseGateOutcome outcome = run("gate.yaml", START, null, notGated);

        assertFalse(outcome.blocked(), "a module that is not gated does not block by itself");
        String sentence = "Not gated: g:core (has no release-gate execution), g:<docs>|x (skips the goal (secure-build.skip))";
        assertTrue(outcome.logLines().contains(LogLine.info(sentence)), outcome.logLines().toString());
        String json = Files.readString(output().resolve(GateReports.JSON_FILE));
        assertTrue(json.contains("\"notGated\" : [ {\n    \"module\" : \"g:core\",\n    \"why\" : \"has no release-gate execution\"\n  }"), json);
        String markdown = Files.readString(output().resolve(GateReports.MARKDOWN_FILE));
        assertTrue(markdown.contains("Not gated: g:core (has no release-gate execution), g:&lt;docs&gt;\\|x (skips"), markdown);
        String html = Files.readString(output().resolve(GateReports.HTML_FILE));
        assertTrue(html.contains("<p id=\"not-gated\">Not gated: g:core (has no release-gate execution), g:&lt;docs&gt;|x (skips"), html);
    }

    @Test
    void withEveryModuleGatedNothingIsSaidOfModulesNotGated() throws IOException {
        policy("version: 1\nrequired: [sign]\n");
        result("sign", Verdict.PASS, START.plusSeconds(5));

        ReleaseGateOutcome outcome = run("gate.yaml", START, null);

        assertTrue(outcome.logLines().stream().noneMatch(line -> line.text().startsWith("Not gated")));
        assertTrue(Files.readString(output().resolve(GateReports.JSON_FILE)).contains("\"notGated\" : [ ]"));
        assertFalse(Files.readString(output().resolve(GateReports.MARKDOWN_FILE)).contains("Not gated"));
    }

    @Test
    void everyRequiredCheckPassedIsGoWithReportsAndNoEvent() throws IOException {
        policy("version: 1\nrequired: [sign, findings]\n");
        result("sign", Verdict.PASS, START.plusSeconds(5));
        result("findings", Verdict.PASS, START.plusSeconds(6));

        ReleaseGateOutcome outcome = run("gate.yaml", START, null);

        assertFalse(outcome.blocked());
        assertTrue(outcome.event().isEmpty());
        for (String name : List.of(GateReports.JSON_FILE, GateReports.MARKDOWN_FILE, GateReports.HTML_FILE)) {
            assertTrue(Files.isRegularFile(output().resolve(name)), name);
        }
        List<LogLine> lines = outcome.logLines();
        assertEquals(LogLine.info("g:app: sign=pass findings=pass"), lines.get(0));
        LogLine last = lines.get(lines.size() - 1);
        assertEquals(LogLine.Level.INFO, last.level());
        assertEquals("Release gate: GO. Reports: " + output().resolve(GateReports.MARKDOWN_FILE) + ", release-gate.json, release-gate.html", last.text());
    }

    @Test
    void aCheckThatDidNotRunInThisBuildBlocksAndIsRecorded() throws IOException {
        policy("version: 1\nrequired: [sign, findings]\n");
        result("sign", Verdict.PASS, START.plusSeconds(5));
        result("findings", Verdict.PASS, START.minusSeconds(3600)); // an earlier build's

        ReleaseGateOutcome outcome = run("gate.yaml", START, null);

        assertTrue(outcome.blocked());
        assertTrue(outcome.failure().startsWith("Release gate: NO-GO: "), outcome.failure());
        assertTrue(outcome.failure().endsWith(". Details: " + output().resolve(GateReports.MARKDOWN_FILE)), outcome.failure());
        ReleaseGateOutcome.Event event = outcome.event().orElseThrow();
        assertEquals(ReleaseGateOutcome.BLOCKED, event.type());
        assertEquals("NO-GO", event.fields().get("decision"));
        assertEquals(false, event.fields().get("approvalRequired"));
        assertEquals(output().resolve(GateReports.JSON_FILE).toString(), event.fields().get("report"));
        assertTrue(outcome.logLines().stream().anyMatch(l -> l.level() == LogLine.Level.ERROR && l.text().startsWith("g:app: required check findings did not run")),
                outcome.logLines().toString());

        assertFalse(run("gate.yaml", null, null).blocked(), "accepting earlier results counts yesterday's pass");
    }

    @Test
    void anApprovedReleaseWithExceptionsNamesTheTicketAndTheCiActor() throws IOException {
        policy("version: 1\nrequired: [findings]\napproval:\n  requiredForExceptions: true\n");
        result("findings", Verdict.WARN, START.plusSeconds(5));

        assertTrue(run("gate.yaml", START, null).blocked(), "exceptions without the approval the policy wants");
        ReleaseGateOutcome approved = run("gate.yaml", START, "SEC-123");

        assertFalse(approved.blocked());
        ReleaseGateOutcome.Event event = approved.event().orElseThrow();
        assertEquals(ReleaseGateOutcome.APPROVED, event.type());
        assertEquals("SEC-123", event.fields().get("ticket"));
        assertEquals("alice (GITHUB_ACTOR)", event.fields().get("approvedBy"));
        assertTrue(event.message().startsWith("Release with exceptions approved by alice (GITHUB_ACTOR) under SEC-123: "), event.message());
        assertTrue(approved.logLines().stream().anyMatch(l -> l.level() == LogLine.Level.WARN), "the reasons warn when nothing blocks");
    }

    @Test
    void aPolicyThatIsInvalidOrMissingIsRefusedNamingTheFile() throws IOException {
        Path invalid = policy("version: 1\nrequired: [sign, signs]\n");
        IOException e = assertThrows(GatePolicyLoader.InvalidGatePolicyException.class, () -> run("gate.yaml", START, null));
        assertTrue(e.getMessage().startsWith(invalid.toString()), e.getMessage());

        IOException missing = assertThrows(IOException.class, () -> run("nowhere.yaml", START, null));
        assertTrue(missing.getMessage().startsWith("Cannot read the release gate policy " + top.resolve("nowhere.yaml") + ": "), missing.getMessage());
        assertTrue(missing.getMessage().contains(top.resolve("nowhere.yaml") + " does not exist: a relative path is read from " + top.toAbsolutePath().normalize()
                + "; for this module's own file write ${project.basedir}/nowhere.yaml"), "where it was looked for and why there: " + missing.getMessage());
        assertFalse(Files.exists(output()), "nothing decided, nothing written");
    }

    @Test
    void withoutAPolicyTheDefaultRequiresEveryCheck() throws IOException {
        result("sign", Verdict.PASS, START.plusSeconds(5));
        assertTrue(run(null, START, null).blocked());
        assertTrue(run(" ", START, null).blocked());
    }

    @Test
    void theReportsGoWhereConfiguredElseIntoTheBuildDirectory() {
        Path build = top.resolve("target");
        assertEquals(build.resolve("secure-build/release-gate"), ReleaseGateRun.outputFolder(top, build, null));
        assertEquals(build.resolve("secure-build/release-gate"), ReleaseGateRun.outputFolder(top, build, ""));
        assertEquals(top.resolve("gate-out"), ReleaseGateRun.outputFolder(top, build, "gate-out"));
    }
}
