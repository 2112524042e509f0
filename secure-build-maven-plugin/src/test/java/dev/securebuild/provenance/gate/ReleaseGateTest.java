package dev.securebuild.provenance.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.results.GoalResult.Verdict;
import dev.securebuild.shared.text.LogLine;

class ReleaseGateTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final GatePolicy SIGN_AND_FINDINGS = new GatePolicy("p.yaml", List.of("sign", "findings"), List.of(), false);

    private static GoalResult result(String module, String check, Verdict verdict, GoalResult.ResultException... exceptions) {
        return new GoalResult(check, check, module, List.of(module), "1.0", START.plusSeconds(5), verdict, check + " said " + verdict.label(),
                List.of(exceptions), null);
    }

    private static GateDecision decide(GatePolicy policy, List<String> modules, List<GoalResult> results, String approval) {
        return new ReleaseGate(policy).decide(new ReleaseGate.Inputs("g:parent", "1.0", modules, results, START, START.plusSeconds(60), TODAY,
                approval, approval == null ? null : "alice (GITHUB_ACTOR)", List.of()));
    }

    @Test
    void everyRequiredCheckPassedIsGo() {
        GateDecision d = decide(SIGN_AND_FINDINGS, List.of("g:a"), List.of(result("g:a", "sign", Verdict.PASS), result("g:a", "findings", Verdict.PASS)), null);
        assertEquals(GateDecision.Decision.GO, d.decision());
        assertEquals(List.of(), d.reasons());
        assertFalse(d.blocked());
        assertEquals(GateDecision.Status.PASS, d.modules().get(0).check("sign").status());
    }

    @Test
    void aCleanSourceRequiredIsNoGoForADirtyUnknownOrUnsaidTreeAndGoForACleanOne() {
        GatePolicy policy = new GatePolicy("p.yaml", List.of("provenance"), List.of(), false, true);
        java.util.function.Function<GoalResult.SourceTree, GoalResult> provenance = tree -> new GoalResult("provenance", "provenance", "g:a",
                List.of("g:a"), "1.0", START.plusSeconds(5), Verdict.PASS, "Signed provenance; built from uncommitted changes: 1 tracked file differs",
                List.of(), null, tree);

        GateDecision dirty = decide(policy, List.of("g:a"), List.of(provenance.apply(GoalResult.SourceTree.DIRTY)), null);
        assertEquals(GateDecision.Decision.NO_GO, dirty.decision());
        assertEquals(GateDecision.Status.PASS, dirty.modules().get(0).check("provenance").status(), "the provenance itself was written");
        assertEquals(GateDecision.Status.FAIL, dirty.modules().get(0).check(GatePolicy.CLEAN_SOURCE).status());
        assertTrue(dirty.reasons().get(0).startsWith("g:a: clean-source is required, but built from a git working tree with uncommitted changes"
                + " (provenance): Signed provenance;"), dirty.reasons().toString());

        GateDecision unknown = decide(policy, List.of("g:a"), List.of(provenance.apply(GoalResult.SourceTree.UNKNOWN)), null);
        assertEquals(GateDecision.Decision.NO_GO, unknown.decision());
        assertTrue(unknown.reasons().get(0).contains("whether the sources were committed is unknown"), unknown.reasons().toString());

        GateDecision unsaid = decide(policy, List.of("g:a"), List.of(result("g:a", "provenance", Verdict.PASS)), null);
        assertEquals(GateDecision.Decision.NO_GO, unsaid.decision());
        assertEquals(GateDecision.Status.MISSING, unsaid.modules().get(0).check(GatePolicy.CLEAN_SOURCE).status());

        GateDecision clean = decide(policy, List.of("g:a"), List.of(provenance.apply(GoalResult.SourceTree.CLEAN)), null);
        assertEquals(GateDecision.Decision.GO, clean.decision(), clean.reasons().toString());
        assertEquals(GateDecision.Status.PASS, clean.modules().get(0).check(GatePolicy.CLEAN_SOURCE).status());

        // Without the policy asking, a dirty tree is no reason: the provenance says it, the gate does not require it.
        GateDecision notAsked = decide(new GatePolicy("p.yaml", List.of("provenance"), List.of(), false), List.of("g:a"),
                List.of(provenance.apply(GoalResult.SourceTree.DIRTY)), null);
        assertEquals(GateDecision.Decision.GO, notAsked.decision());
        assertNull(notAsked.modules().get(0).check(GatePolicy.CLEAN_SOURCE));
    }

    @Test
    void aRequiredCheckThatDidNotRunIsNoGo() {
        GateDecision d = decide(SIGN_AND_FINDINGS, List.of("g:a", "g:b"), List.of(result("g:a", "sign", Verdict.PASS),
                result("g:a", "findings", Verdict.PASS), result("g:b", "sign", Verdict.PASS)), null);
        assertEquals(GateDecision.Decision.NO_GO, d.decision());
        assertTrue(d.blocked());
        assertEquals(List.of("g:b: required check findings did not run: no result in target/secure-build/results"), d.reasons());
        assertEquals(GateDecision.Status.MISSING, d.modules().get(1).check("findings").status());
    }

    @Test
    void anyFailureIsNoGoEvenOfACheckNotRequired() {
        GateDecision d = decide(SIGN_AND_FINDINGS, List.of("g:a"), List.of(result("g:a", "sign", Verdict.PASS),
                result("g:a", "findings", Verdict.PASS), result("g:a", "verify-signatures", Verdict.FAIL)), null);
        assertEquals(GateDecision.Decision.NO_GO, d.decision());
        assertEquals(List.of("g:a: verify-signatures failed (verify-signatures): verify-signatures said fail"), d.reasons());
        assertFalse(d.modules().get(0).check("verify-signatures").required());
    }

    @Test
    void aWaiverInForceExcusesAMissingOrFailingCheck() {
        GatePolicy policy = new GatePolicy("p", List.of("sign", "reproducible", "findings"), List.of(
                new GatePolicy.Waiver("reproducible", "nightly", null),
                new GatePolicy.Waiver("findings", "scanner down", TODAY)), false);
        GateDecision d = decide(policy, List.of("g:a"), List.of(result("g:a", "sign", Verdict.PASS), result("g:a", "findings", Verdict.FAIL)), null);
        assertEquals(GateDecision.Decision.GO, d.decision());
        GateDecision.Check reproducible = d.modules().get(0).check("reproducible");
        assertEquals(GateDecision.Status.WAIVED, reproducible.status());
        assertEquals("nightly", reproducible.waiver());
        assertEquals(Verdict.FAIL, d.modules().get(0).check("findings").verdict());
        assertEquals(GateDecision.Status.WAIVED, d.modules().get(0).check("findings").status());
    }

    @Test
    void anExpiredWaiverCountsNoMore() {
        GatePolicy policy = new GatePolicy("p", List.of("reproducible"), List.of(
                new GatePolicy.Waiver("reproducible", "nightly", TODAY.minusDays(1))), false);
        GateDecision d = decide(policy, List.of("g:a"), List.of(), null);
        assertEquals(GateDecision.Decision.NO_GO, d.decision());
        assertTrue(d.reasons().get(0).endsWith("(its waiver expired on 2026-11-30)"), d.reasons().get(0));
    }

    @Test
    void aWaiverOfSomeModulesWaivesTheCheckThereOnlyAndOneThatCoversNoModuleIsAWarning() {
        GatePolicy policy = new GatePolicy("p", List.of("sign", "findings"), List.of(
                new GatePolicy.Waiver("findings", List.of(GatePolicy.ModulePattern.parse("parent")), "a POM without code", null),
                new GatePolicy.Waiver("sign", List.of(GatePolicy.ModulePattern.parse("com.other:*")), "not ours", null)), false);
        GateDecision d = decide(policy, List.of("g:parent", "g:app"), List.of(result("g:parent", "sign", Verdict.PASS),
                result("g:app", "sign", Verdict.PASS)), null);
        assertEquals(GateDecision.Status.WAIVED, d.modules().get(0).check("findings").status());
        assertEquals("a POM without code", d.modules().get(0).check("findings").waiver());
        assertEquals(GateDecision.Status.MISSING, d.modules().get(1).check("findings").status(), "the waiver of the parent is not the app's");
        assertEquals(GateDecision.Decision.NO_GO, d.decision());
        assertEquals(List.of("g:app: required check findings did not run: no result in target/secure-build/results"), d.reasons());
        assertEquals(List.of("The gate policy's waiver #2 of sign (modules com.other:*) covers none of the gated modules (g:parent, g:app): "
                + "correct its modules or remove it"), d.warnings());
        List<LogLine> lines = new ReleaseGateOutcome(d, java.nio.file.Path.of("out")).logLines();
        assertTrue(lines.contains(LogLine.info("Waived findings for g:parent: a POM without code")), lines.toString());
        assertTrue(lines.contains(LogLine.warn(d.warnings().get(0))), lines.toString());
        assertTrue(GateReports.markdown(d).contains("### Policy warnings"));
    }

    @Test
    void notApplicableSatisfiesARequiredCheckAndIsShownAsSuch() throws IOException {
        GoalResult nothing = new GoalResult("findings", "check-findings", "g:parent", List.of(), "1.0", START.plusSeconds(5), Verdict.NOT_APPLICABLE,
                "nothing to scan: packaging pom", List.of(), null);
        GateDecision d = decide(SIGN_AND_FINDINGS, List.of("g:parent", "g:app"), List.of(nothing, result("g:parent", "sign", Verdict.PASS),
                result("g:app", "sign", Verdict.PASS), result("g:app", "findings", Verdict.PASS)), null);
        assertEquals(GateDecision.Decision.GO, d.decision(), d.reasons().toString());
        GateDecision.Check findings = d.modules().get(0).check("findings");
        assertEquals(GateDecision.Status.NOT_APPLICABLE, findings.status());
        assertEquals("not-applicable", findings.status().label());
        assertEquals("nothing to scan: packaging pom", findings.summary());
        assertTrue(GateReports.markdown(d).contains("| `g:parent` | ✅ pass | ⚪ not-applicable |"), GateReports.markdown(d));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        GateReports.json(d, written);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(written.toByteArray());
        assertEquals("not-applicable", json.get("modules").get(0).get("checks").get(1).get("verdict").asText());
        // A failure beside it still counts: not-applicable is the least of the verdicts.
        GateDecision failed = decide(SIGN_AND_FINDINGS, List.of("g:parent"), List.of(nothing, result("g:parent", "sign", Verdict.PASS),
                result("g:parent", "findings", Verdict.FAIL)), null);
        assertEquals(GateDecision.Decision.NO_GO, failed.decision());
    }

    @Test
    void anExceptionOfAReactorResultIsListedAgainstTheModulesItAppliedToAndLoggedAsNoError() {
        GoalResult reactor = new GoalResult("findings", "check-findings", "g:parent", List.of("g:parent", "g:a", "g:b"), "1.0", START.plusSeconds(5),
                Verdict.PASS, "PASS", List.of(new GoalResult.ResultException("CVE-1", "not reachable", "sec@example.com", "2099-12-31", List.of("g:b"))),
                null);
        List<GoalResult> results = new ArrayList<>(List.of(reactor));
        List.of("g:parent", "g:a", "g:b").forEach(m -> results.add(result(m, "sign", Verdict.PASS)));
        results.add(result("g:a", "verify-signatures", Verdict.FAIL));
        GateDecision d = decide(SIGN_AND_FINDINGS, List.of("g:parent", "g:a", "g:b"), results, null);
        assertEquals(List.of(new GateDecision.Exception("g:b", "findings", "CVE-1", "not reachable", "sec@example.com", "2099-12-31")), d.exceptions());
        assertEquals(GateDecision.Status.PASS, d.modules().get(0).check("findings").status());
        assertEquals(GateDecision.Status.EXCEPTIONS, d.modules().get(2).check("findings").status());
        assertEquals(GateDecision.Decision.NO_GO, d.decision());
        assertEquals(List.of("g:a: verify-signatures failed (verify-signatures): verify-signatures said fail"), d.blocking());
        List<LogLine> lines = new ReleaseGateOutcome(d, java.nio.file.Path.of("out")).logLines();
        assertTrue(lines.contains(LogLine.error("g:a: verify-signatures failed (verify-signatures): verify-signatures said fail")), lines.toString());
        assertTrue(lines.contains(LogLine.warn("g:b: findings passed with 1 exception(s): CVE-1")), lines.toString());
        assertTrue(lines.contains(LogLine.info("Exception CVE-1 (g:b, findings): approved by sec@example.com, expires 2099-12-31: not reachable")),
                lines.toString());
        assertEquals(LogLine.Level.ERROR, lines.get(lines.size() - 1).level(), "the headline of a NO-GO");
    }

    @Test
    void warningsAndExceptionsAreGoWithExceptionsListingEachException() {
        GoalResult.ResultException cve = new GoalResult.ResultException("CVE-1", "not reachable", "sec@example.com", "2099-12-31");
        GateDecision d = decide(SIGN_AND_FINDINGS, List.of("g:a", "g:b"), List.of(result("g:a", "sign", Verdict.PASS),
                result("g:a", "findings", Verdict.PASS, cve), result("g:b", "sign", Verdict.WARN), result("g:b", "findings", Verdict.PASS)), null);
        assertEquals(GateDecision.Decision.GO_WITH_EXCEPTIONS, d.decision());
        assertFalse(d.blocked());
        assertEquals(List.of("g:a: findings passed with 1 exception(s): CVE-1", "g:b: sign warned (sign): sign said warn"), d.reasons());
        assertEquals(List.of(new GateDecision.Exception("g:a", "findings", "CVE-1", "not reachable", "sec@example.com", "2099-12-31")), d.exceptions());
        assertEquals("not-required", GateReports.approvalStatus(d));
    }

    @Test
    void exceptionsNeedTheApprovalThePolicyAsksFor() {
        GatePolicy policy = new GatePolicy("p", List.of("sign"), List.of(), true);
        List<GoalResult> results = List.of(result("g:a", "sign", Verdict.WARN));
        GateDecision unapproved = decide(policy, List.of("g:a"), results, null);
        assertEquals(GateDecision.Decision.GO_WITH_EXCEPTIONS, unapproved.decision());
        assertTrue(unapproved.blocked());
        assertFalse(unapproved.approved());
        assertTrue(unapproved.reasons().get(unapproved.reasons().size() - 1).contains("requires an approval"));
        assertEquals("missing", GateReports.approvalStatus(unapproved));

        GateDecision approved = decide(policy, List.of("g:a"), results, " SEC-123 ");
        assertFalse(approved.blocked());
        assertTrue(approved.approved());
        assertEquals("SEC-123", approved.approval().ticket());
        assertEquals("alice (GITHUB_ACTOR)", approved.approval().approvedBy());
        assertEquals("approved", GateReports.approvalStatus(approved));
    }

    @Test
    void anApprovalDoesNotOverruleNoGo() {
        GateDecision d = decide(new GatePolicy("p", List.of("sign"), List.of(), true), List.of("g:a"), List.of(result("g:a", "sign", Verdict.FAIL)), "SEC-1");
        assertEquals(GateDecision.Decision.NO_GO, d.decision());
        assertTrue(d.blocked());
        assertFalse(d.approved());
    }

    @Test
    void aResultOfAnEarlierBuildDoesNotCount() {
        GoalResult old = new GoalResult("sign", "sign", "g:a", List.of(), "1.0", START.minusSeconds(3600), Verdict.PASS, "", List.of(), null);
        GateDecision d = decide(new GatePolicy("p", List.of("sign"), List.of(), false), List.of("g:a"), List.of(old), null);
        assertEquals(GateDecision.Decision.NO_GO, d.decision());
        assertTrue(d.reasons().get(0).contains("only one from an earlier build, 2026-12-01T09:00:00Z"), d.reasons().get(0));
        GateDecision accepted = new ReleaseGate(new GatePolicy("p", List.of("sign"), List.of(), false)).decide(new ReleaseGate.Inputs("g:a", "1.0",
                List.of("g:a"), List.of(old), null, START, TODAY, null, null, List.of()));
        assertEquals(GateDecision.Decision.GO, accepted.decision());
    }

    @Test
    void aReactorResultCoversEveryModuleItNamesAndTheWorstVerdictCounts() {
        GatePolicy policy = new GatePolicy("p", List.of("reproducible"), List.of(), false);
        GoalResult verify = new GoalResult("reproducible", "verify-reproducible", "g:parent", List.of("g:parent", "g:a"), "1.0", START.plusSeconds(9),
                Verdict.PASS, "same", List.of(), "/t/report.json");
        GoalResult compare = new GoalResult("reproducible", "compare", "g:parent", List.of("g:a"), "1.0", START.plusSeconds(9),
                Verdict.WARN, "differs", List.of(), "/t/c.json");
        GateDecision d = decide(policy, List.of("g:parent", "g:a", "g:b"), List.of(verify, compare), null);
        assertEquals(GateDecision.Status.PASS, d.modules().get(0).check("reproducible").status());
        GateDecision.Check a = d.modules().get(1).check("reproducible");
        assertEquals(GateDecision.Status.EXCEPTIONS, a.status());
        assertEquals(List.of("verify-reproducible", "compare"), a.goals());
        assertEquals(List.of("/t/report.json", "/t/c.json"), a.details());
        assertEquals(GateDecision.Status.MISSING, d.modules().get(2).check("reproducible").status());
        assertEquals(GateDecision.Decision.NO_GO, d.decision());
    }

    @Test
    void noModuleIsNoGo() {
        assertEquals(GateDecision.Decision.NO_GO, decide(SIGN_AND_FINDINGS, List.of(), List.of(), null).decision());
    }

    @Test
    void theReportsShowEveryReasonAndExceptionAndLoadNothingFromOutside() throws IOException {
        GoalResult.ResultException cve = new GoalResult.ResultException("CVE-1", "a | pipe <script>", "sec@example.com", "2099-12-31");
        GateDecision d = decide(new GatePolicy("p", List.of("sign", "findings"), List.of(), true), List.of("g:a"),
                List.of(result("g:a", "sign", Verdict.PASS), result("g:a", "findings", Verdict.PASS, cve)), null);
        String md = GateReports.markdown(d);
        assertTrue(md.startsWith("## ⛔ Release gate: GO-WITH-EXCEPTIONS, blocked"), md);
        assertTrue(md.contains("| Module | sign | findings |"), md);
        assertTrue(md.contains("| `g:a` | ✅ pass | ⚠️ exceptions |"), md);
        assertTrue(md.contains("| `g:a` | findings | CVE-1 | a \\| pipe &lt;script&gt; | sec@example.com | 2099-12-31 |"), md);
        assertTrue(md.contains("Approval: missing"), md);
        String html = GateReports.html(d);
        assertFalse(html.contains("<script>"));
        assertFalse(html.matches("(?s).*(src|href)=.*"), "no external resource");
        assertTrue(html.contains("default-src 'none'"));
        assertTrue(html.contains("a | pipe &lt;script&gt;"));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        GateReports.json(d, written);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(written.toByteArray());
        assertEquals("GO-WITH-EXCEPTIONS", json.get("decision").asText());
        assertTrue(json.get("blocked").asBoolean());
        assertEquals("missing", json.get("approval").get("status").asText());
        assertEquals("exceptions", json.get("modules").get(0).get("checks").get(1).get("status").asText());
        assertEquals("CVE-1", json.get("exceptions").get(0).get("id").asText());
        List<String> reasons = new ArrayList<>();
        json.get("reasons").forEach(r -> reasons.add(r.asText()));
        assertEquals(d.reasons(), reasons);
        assertNull(d.approval().ticket());
    }

    @Test
    void textFromResultFilesCannotForgeMarkdownOrHideInTheReport() {
        GoalResult.ResultException forged = new GoalResult.ResultException("CVE-2\u001b[2J", "line\n## GO\u202e", "sec@example.com", "2099-12-31");
        GateDecision d = decide(SIGN_AND_FINDINGS, List.of("g:a"),
                List.of(result("g:a", "sign", Verdict.PASS), result("g:a", "findings", Verdict.PASS, forged)), null);
        String md = GateReports.markdown(d);
        assertTrue(md.contains("| CVE-2\\\\u001b\\[2J | line ## GO\\\\u202e |"), md);
        assertFalse(md.contains("\u001b") || md.contains("\u202e") || md.contains("\n## GO"), md);
    }

    @Test
    void theApproverIsTheCiActorOrTheUser() {
        assertEquals("octocat (GITHUB_ACTOR)", Approvers.who(Map.of("GITHUB_ACTOR", "octocat"), "root"));
        assertEquals("jdoe (GITLAB_USER_LOGIN)", Approvers.who(Map.of("GITLAB_USER_LOGIN", "jdoe"), "root"));
        assertEquals("root (user.name)", Approvers.who(Map.of(), "root"));
    }
}
