package dev.securebuild.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ListLintTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 1);

    private static AllowList list(String name, String position, String... lines) throws Exception {
        String text = "version: 1\n" + String.join("\n", lines) + "\n";
        return AllowListLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, position);
    }

    private static Component component(String coordinates, String scope) {
        String[] parts = coordinates.split(":");
        return new Component(parts[0], parts[1], parts[2], scope, List.of(), List.of("com.example:app:1.0", coordinates));
    }

    private static List<Decision> decide(List<AllowList> lists, LocalDate today, Component... components) {
        AllowListDecider decider = new AllowListDecider(lists);
        List<Decision> decisions = new ArrayList<>();
        for (Component component : components) {
            decisions.add(decider.decide(component, today));
        }
        return decisions;
    }

    /** "KIND location" of each finding. */
    private static List<String> kinds(List<LintFinding> findings) {
        return findings.stream().map(finding -> finding.kind() + " " + finding.location()).collect(Collectors.toList());
    }

    @Test
    void anApprovalThatDecidedNothingIsUnusedButADenialNeverIs() throws Exception {
        AllowList list = list("org.yaml", "list 1", "approved:",
                "  - {groupId: g, artifactId: used, reason: r, owner: o}",
                "  - {groupId: g, artifactId: unused, reason: r, owner: o}",
                "denied:",
                "  - {groupId: g, artifactId: never-seen, reason: a guard}");
        List<LintFinding> findings = ListLint.lint(List.of(list), decide(List.of(list), TODAY, component("g:used:1", "compile")), TODAY);
        assertEquals(List.of("UNUSED org.yaml:4"), kinds(findings));
        LintFinding unused = findings.get(0);
        assertEquals("list 1", unused.layer());
        assertEquals("g:unused", unused.coordinates());
        assertEquals("approved g:unused decided no component of the reactor: remove it, or check that it names what it should", unused.message());
        assertEquals("UNUSED    org.yaml:4 (list 1): approved g:unused decided no component of the reactor: remove it, or check that it"
                + " names what it should", unused.toString());
    }

    @Test
    void anApprovalThatOnlyDecidedExpiredComponentsIsUsed() throws Exception {
        AllowList list = list("org.yaml", "list 1", "approved:",
                "  - {groupId: g, artifactId: a, reason: r, owner: o, expires: 2026-06-30}");
        List<Decision> decisions = decide(List.of(list), TODAY, component("g:a:1", "compile"));
        assertEquals(Decision.Status.EXPIRED, decisions.get(0).status());
        assertEquals(List.of("EXPIRED org.yaml:3"), kinds(ListLint.lint(List.of(list), decisions, TODAY)));
    }

    @Test
    void anEarlierApprovalThatCoversALaterOneShadowsItAndIsNamed() throws Exception {
        AllowList list = list("org.yaml", "list 1", "approved:",
                "  - {groupId: org.apache.commons, artifactId: \"*\", versions: \"[3.0,4.0)\", scopes: [compile, runtime], reason: r, owner: o}",
                "  - {groupId: org.apache.commons, artifactId: commons-lang3, versions: \"3.14.0\", scopes: [compile], reason: r, owner: o}",
                "  - {groupId: org.apache.commons, artifactId: commons-lang3, versions: \"[3.1,3.5)\", reason: r, owner: o}",
                "  - {groupId: org.apache.commons, artifactId: commons-text, versions: \"[3.0,5.0)\", scopes: [compile], reason: r, owner: o}",
                "  - {groupId: org.apache.commons, artifactId: commons-text, versions: \"[3.1,3.2]\", scopes: [runtime], reason: r, owner: o}");
        List<LintFinding> findings = ListLint.lint(List.of(list), List.of(), TODAY);
        assertEquals(List.of("UNUSED org.yaml:3", "SHADOWED org.yaml:4", "UNUSED org.yaml:5", "UNUSED org.yaml:6", "SHADOWED org.yaml:7"),
                kinds(findings), "line 5 has no scopes (any scope) and line 6 a range beyond [3.0,4.0): both can still decide");
        assertEquals("approved org.apache.commons:commons-lang3:3.14.0 can never decide: entry org.yaml:3 (list 1) approved"
                + " org.apache.commons:*:[3.0,4.0) comes first and covers everything it covers", findings.get(1).message());
    }

    @Test
    void anEarlierLayerShadowsALaterOneButNotTheOtherWayRound() throws Exception {
        AllowList organization = list("org.yaml", "list 1", "approved:",
                "  - {groupId: \"org.apache.*\", artifactId: \"*\", reason: r, owner: o}",
                "  - {groupId: com.example, artifactId: lib, reason: r, owner: o}");
        AllowList project = list("project.yaml", "list 2", "approved:",
                "  - {groupId: \"org.apache.commons.*\", artifactId: \"commons-*\", reason: r, owner: o}",
                "  - {groupId: \"com.*\", artifactId: \"*\", reason: r, owner: o}");
        List<String> kinds = kinds(ListLint.lint(List.of(organization, project), List.of(), TODAY));
        assertTrue(kinds.contains("SHADOWED project.yaml:3"), kinds::toString);
        assertTrue(kinds.contains("UNUSED project.yaml:4"), "a later, broader entry shadows nothing: " + kinds);
        assertTrue(kinds.contains("UNUSED org.yaml:4"), kinds::toString);
    }

    @Test
    void anApprovalThatEndsSoonerDoesNotShadowOneThatLastsLonger() throws Exception {
        AllowList list = list("org.yaml", "list 1", "approved:",
                "  - {groupId: g, artifactId: a, reason: r, owner: o, expires: 2027-06-30}",
                "  - {groupId: g, artifactId: a, reason: r, owner: o, expires: 2028-06-30}",
                "  - {groupId: g, artifactId: b, reason: r, owner: o}",
                "  - {groupId: g, artifactId: b, reason: r, owner: o, expires: 2028-06-30}",
                "  - {groupId: g, artifactId: c, reason: r, owner: o, expires: 2028-06-30}",
                "  - {groupId: g, artifactId: c, reason: r, owner: o, expires: 2028-01-31}");
        assertEquals(List.of("UNUSED org.yaml:3", "UNUSED org.yaml:4", "UNUSED org.yaml:5", "SHADOWED org.yaml:6", "UNUSED org.yaml:7",
                "SHADOWED org.yaml:8"), kinds(ListLint.lint(List.of(list), List.of(), TODAY)));
    }

    @Test
    void anEarlierApprovalThatWarnsSoonerDoesNotShadowALaterLayersApproval() throws Exception {
        // Both end on the same day, but the first list warns 90 days before and the second 10: from 90 to 10 days
        // before, the second one still decides ALLOWED.
        AllowList organization = list("org.yaml", "list 1", "approved:",
                "  - {groupId: g, artifactId: a, reason: r, owner: o, expires: 2027-06-30}",
                "settings:", "  expiringWithinDays: 90");
        AllowList project = list("project.yaml", "list 2", "approved:",
                "  - {groupId: g, artifactId: a, reason: r, owner: o, expires: 2027-06-30}",
                "settings:", "  expiringWithinDays: 10");
        List<String> kinds = kinds(ListLint.lint(List.of(organization, project), List.of(), TODAY));
        assertEquals(List.of("UNUSED org.yaml:3", "UNUSED project.yaml:3"), kinds);
        Decision decision = decide(List.of(organization, project), LocalDate.of(2027, 5, 1), component("g:a:1", "compile")).get(0);
        assertEquals("project.yaml:3", decision.entry().location(), "the later approval decides: it is not shadowed");
        assertEquals(List.of("UNUSED project.yaml:3", "SHADOWED org.yaml:3"),
                kinds(ListLint.lint(List.of(project, organization), List.of(), TODAY)), "the other way round, the 10-day list comes first");
    }

    @Test
    void aDenialOfAnyLayerThatCoversAnApprovalMeansItCanNeverAllow() throws Exception {
        AllowList organization = list("org.yaml", "list 1", "approved:",
                "  - {groupId: commons-collections, artifactId: commons-collections, versions: \"3.2.1\", reason: r, owner: o}",
                "  - {groupId: com.example, artifactId: agpl-lib, licenses: [AGPL-3.0-only], reason: r, owner: o}",
                "  - {groupId: com.example, artifactId: any-license, reason: r, owner: o}");
        AllowList project = list("project.yaml", "list 2", "denied:",
                "  - {groupId: commons-collections, artifactId: commons-collections, versions: \"(,3.2.2)\", reason: gadget chain}",
                "  - {groupId: \"*\", artifactId: \"*\", licenses: [agpl-3.0-only, AGPL-3.0-or-later], reason: no AGPL}");
        List<LintFinding> findings = ListLint.lint(List.of(organization, project), List.of(), TODAY);
        assertEquals(List.of("SHADOWED org.yaml:3", "SHADOWED org.yaml:4", "UNUSED org.yaml:5"), kinds(findings),
                "a denial by license does not cover an approval of any license");
        assertEquals("approved commons-collections:commons-collections:3.2.1 can never allow: denied by entry project.yaml:3 (list 2) denied"
                + " commons-collections:commons-collections:(,3.2.2)", findings.get(0).message());
    }

    @Test
    void wildcardPatternsOnlyCoverWhatTheyCertainlyCover() {
        assertTrue(covers("org.apache.*", "org.apache.commons.*"));
        assertTrue(covers("*", "*-api"));
        assertTrue(covers("*-api", "jakarta-api"));
        assertTrue(covers("a*b", "a*b"));
        assertTrue(!covers("*-api", "foo-*"), "two wildcard patterns that are not prefix patterns: not claimed");
        assertTrue(!covers("org.apache.commons.*", "org.apache.*"));
    }

    private static boolean covers(String earlier, String later) {
        try {
            AllowList list = list("l.yaml", "list 1", "approved:",
                    "  - {groupId: g, artifactId: \"" + earlier + "\", reason: r, owner: o}",
                    "  - {groupId: g, artifactId: \"" + later + "\", reason: r, owner: o}");
            return ListLint.covers(list.approved().get(0), list.approved().get(1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aShadowedApprovalNeverDecidesWhateverTheComponentAndTheDay() throws Exception {
        AllowList organization = list("org.yaml", "list 1", "approved:",
                "  - {groupId: \"g.*\", artifactId: \"*\", versions: \"[1.0,2.0)\", reason: r, owner: o, expires: 2027-03-31}",
                "  - {groupId: g.x, artifactId: a, versions: \"1.5\", reason: r, owner: o, expires: 2027-03-01}",
                "  - {groupId: g.x, artifactId: a, versions: \"[1.2,1.8]\", scopes: [test], reason: r, owner: o, expires: 2027-03-31}",
                "  - {groupId: g.x, artifactId: a, scopes: [compile], reason: r, owner: o}",
                "settings:", "  expiringWithinDays: 20");
        AllowList project = list("project.yaml", "list 2", "approved:",
                "  - {groupId: g.x, artifactId: \"*\", versions: \"[1.0,1.9]\", reason: r, owner: o, expires: 2027-03-15}",
                "  - {groupId: g.x, artifactId: a, versions: \"1.0\", reason: r, owner: o, expires: 2027-04-30}",
                "settings:", "  expiringWithinDays: 5");
        List<AllowList> lists = List.of(organization, project);
        List<String> shadowed = ListLint.lint(lists, List.of(), TODAY).stream().filter(f -> f.kind() == LintFinding.Kind.SHADOWED)
                .map(LintFinding::location).collect(Collectors.toList());
        assertEquals(List.of("org.yaml:4", "org.yaml:5", "project.yaml:3"), shadowed);
        AllowListDecider decider = new AllowListDecider(lists);
        int decidedByUnshadowed = 0;
        for (LocalDate day = LocalDate.of(2026, 12, 1); day.isBefore(LocalDate.of(2027, 6, 1)); day = day.plusDays(1)) {
            for (String version : List.of("0.9", "1.0", "1.2", "1.5", "1.8", "1.9", "2.0")) {
                for (String scope : new String[] {"compile", "test", null}) {
                    Decision decision = decider.decide(component("g.x:a:" + version, scope), day);
                    if (decision.entry() != null) {
                        assertTrue(!shadowed.contains(decision.entry().location()), () -> "shadowed entry " + decision.entry().location()
                                + " decided " + decision);
                        decidedByUnshadowed++;
                    }
                }
            }
        }
        assertNotEquals(0, decidedByUnshadowed);
    }

    @Test
    void approvalsThatEndedOrEndSoonAreReported() throws Exception {
        AllowList list = list("org.yaml", "list 1", "approved:",
                "  - {groupId: g, artifactId: ended, reason: r, owner: alice, expires: 2026-12-31}",
                "  - {groupId: g, artifactId: soon, reason: r, owner: bob, expires: 2027-01-20}",
                "  - {groupId: g, artifactId: today, reason: r, owner: carol, expires: 2027-01-01}",
                "  - {groupId: g, artifactId: later, reason: r, owner: dan, expires: 2027-03-01}");
        List<LintFinding> findings = ListLint.lint(List.of(list), decide(List.of(list), TODAY, component("g:ended:1", "compile"),
                component("g:soon:1", "compile"), component("g:today:1", "compile"), component("g:later:1", "compile")), TODAY);
        assertEquals(List.of("EXPIRED org.yaml:3", "EXPIRING org.yaml:4", "EXPIRING org.yaml:5"), kinds(findings));
        assertEquals("approved g:ended expired on 2026-12-31, 1 day ago: renew it (owner alice) or remove it", findings.get(0).message());
        assertEquals("approved g:soon expires on 2027-01-20 (19 days left): renew it (owner bob) or plan the replacement", findings.get(1).message());
        assertTrue(findings.get(2).message().contains("(today is its last day)"));
        AllowList tenDays = list("org.yaml", "list 1", "approved:",
                "  - {groupId: g, artifactId: soon, reason: r, owner: bob, expires: 2027-01-20}", "settings:", "  expiringWithinDays: 10");
        assertEquals(List.of(), ListLint.lint(List.of(tenDays), decide(List.of(tenDays), TODAY, component("g:soon:1", "compile")), TODAY),
                "the list's own expiringWithinDays");
    }

    @Test
    void groupPatternsWithFewerThanTwoWholeSegmentsAreTooBroad() throws Exception {
        assertEquals("groupId org.* approves every group under org: name the groups, with at least two whole segments (such as org.example.*)",
                ListLint.tooBroad("org.*"));
        assertTrue(ListLint.tooBroad("*").startsWith("groupId * approves every group:"));
        assertTrue(ListLint.tooBroad("*.apache.org").startsWith("groupId *.apache.org approves every group:"));
        assertTrue(ListLint.tooBroad("com.ex*").startsWith("groupId com.ex* approves every group whose name starts with com.ex:"));
        assertTrue(ListLint.tooBroad("org.apa*che").startsWith("groupId org.apa*che approves every group whose name starts with org.apa:"));
        assertNull(ListLint.tooBroad("org.apache.*"));
        assertNull(ListLint.tooBroad("org.apache.comm*"));
        assertNull(ListLint.tooBroad("org"), "no wildcard: one group");
        AllowList list = list("org.yaml", "list 1", "approved:",
                "  - {groupId: \"org.*\", artifactId: lib, reason: r, owner: o}",
                "denied:",
                "  - {groupId: \"*\", artifactId: \"*\", licenses: [AGPL-3.0-only], reason: a broad denial is fine}");
        assertEquals(List.of("UNUSED org.yaml:3", "TOO_BROAD org.yaml:3"), kinds(ListLint.lint(List.of(list), List.of(), TODAY)));
    }
}
