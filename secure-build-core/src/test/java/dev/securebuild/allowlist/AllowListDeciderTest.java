package dev.securebuild.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class AllowListDeciderTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 1);

    private static AllowList list(String name, String layer, String... lines) throws Exception {
        // The layer is named last, so that entries keep their line numbers.
        String text = "version: 1\n" + String.join("\n", lines) + "\nlayer: " + layer + "\n";
        return AllowListLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, "list 1");
    }

    private static Component component(String coordinates, String scope, String... licenses) {
        String[] parts = coordinates.split(":");
        return new Component(parts[0], parts[1], parts[2], scope, List.of(licenses), List.of("com.example:app:1.0", coordinates));
    }

    private static Decision decide(AllowList list, Component component) {
        return new AllowListDecider(List.of(list)).decide(component, TODAY);
    }

    @Test
    void wildcardsMatchWholeNamesOnly() throws Exception {
        AllowList list = list("org.yaml", "organization", "approved:",
                "  - {groupId: \"org.apache.*\", artifactId: \"commons-*\", reason: r, owner: o}",
                "  - {groupId: \"com.a.b\", artifactId: x, reason: dots are literal, owner: o}");
        assertEquals(Decision.Status.ALLOWED, decide(list, component("org.apache.commons:commons-lang3:3.17.0", "compile")).status());
        assertEquals(Decision.Status.ALLOWED, decide(list, component("org.apache.a.b:commons-:1", "compile")).status(), "* may be empty");
        assertEquals(Decision.Status.UNLISTED, decide(list, component("org.apache:commons-io:2.0", "compile")).status(), "the dot is literal");
        assertEquals(Decision.Status.UNLISTED, decide(list, component("org.apache.commons:xcommons-io:2.0", "compile")).status());
        assertEquals(Decision.Status.UNLISTED, decide(list, component("comxaxb:x:1", "compile")).status(), "'.' is no regex wildcard");
        Decision allowed = decide(list, component("com.a.b:x:1", "compile"));
        assertEquals("organization", allowed.layer());
        assertEquals("org.yaml:4", allowed.entry().location());
        assertEquals("com.a.b:x:1 (compile) is approved by the organization list, entry org.yaml:4: dots are literal (owner o)",
                allowed.explanation());
    }

    @Test
    void aBareVersionIsExactlyThatVersionAndRangesAreMavens() throws Exception {
        AllowList list = list("org.yaml", "organization", "approved:",
                "  - {groupId: g, artifactId: exact, versions: \"1.2\", reason: r, owner: o}",
                "  - {groupId: g, artifactId: ranged, versions: \"[2.17.1,)\", reason: r, owner: o}",
                "  - {groupId: g, artifactId: any, reason: r, owner: o}");
        assertEquals(Decision.Status.ALLOWED, decide(list, component("g:exact:1.2", "compile")).status());
        assertEquals(Decision.Status.ALLOWED, decide(list, component("g:exact:1.2.0", "compile")).status(), "Maven's order: 1.2 = 1.2.0");
        assertEquals(Decision.Status.UNLISTED, decide(list, component("g:exact:1.3", "compile")).status(), "not 1.2 or later as in a POM");
        assertEquals(Decision.Status.ALLOWED, decide(list, component("g:ranged:2.17.10", "compile")).status());
        Decision outside = decide(list, component("g:ranged:2.17.0", "compile"));
        assertEquals(Decision.Status.UNLISTED, outside.status());
        assertTrue(outside.fails());
        assertEquals(List.of("version 2.17.0 is outside [2.17.1,) of entry org.yaml:4 (organization)"), outside.nearMisses());
        assertEquals(List.of("version 1.3 is outside [1.2] of entry org.yaml:3 (organization)"),
                decide(list, component("g:exact:1.3", "compile")).nearMisses());
        assertEquals(Decision.Status.ALLOWED, decide(list, component("g:any:0.0.1-SNAPSHOT", "test")).status());
    }

    @Test
    void scopesAndLicensesOfAnEntryMustCoverTheComponent() throws Exception {
        AllowList list = list("org.yaml", "organization", "approved:",
                "  - {groupId: g, artifactId: a, scopes: [test], reason: r, owner: o}",
                "  - {groupId: g, artifactId: l, licenses: [Apache-2.0], reason: r, owner: o}");
        assertEquals(Decision.Status.ALLOWED, decide(list, component("g:a:1", "test")).status());
        Decision compile = decide(list, component("g:a:1", "compile"));
        assertEquals(Decision.Status.UNLISTED, compile.status());
        assertEquals(List.of("scope compile is not among [test] of entry org.yaml:3 (organization)"), compile.nearMisses());
        assertEquals(List.of("it has no scope among [test] of entry org.yaml:3 (organization)"), decide(list, component("g:a:1", null)).nearMisses());
        assertEquals(Decision.Status.ALLOWED, decide(list, component("g:l:1", "compile", "GPL-2.0-only", "apache-2.0")).status());
        assertEquals(Decision.Status.ALLOWED, decide(list, component("g:l:1", "compile", "MIT OR Apache-2.0")).status());
        assertEquals(List.of("licenses [GPL-2.0-only] are not among [Apache-2.0] of entry org.yaml:4 (organization)"),
                decide(list, component("g:l:1", "compile", "GPL-2.0-only")).nearMisses());
        assertEquals(Decision.Status.UNLISTED, decide(list, component("g:l:1", "compile", "MIT AND Apache-2.0")).status());
    }

    @Test
    void aDenialNamesItsReplacementAndWinsAcrossLayers() throws Exception {
        AllowList organization = list("org.yaml", "organization", "denied:",
                "  - groupId: commons-collections",
                "    artifactId: commons-collections",
                "    versions: \"(,3.2.2)\"",
                "    reason: deserialization gadget chain",
                "    ticket: SEC-9",
                "    replacement: org.apache.commons:commons-collections4");
        AllowList project = list("project.yaml", "project", "approved:",
                "  - {groupId: commons-collections, artifactId: \"*\", reason: we need it, owner: bob}");
        AllowListDecider decider = new AllowListDecider(List.of(organization, project));
        Decision denied = decider.decide(component("commons-collections:commons-collections:3.2.1", "compile"), TODAY);
        assertEquals(Decision.Status.DENIED, denied.status());
        assertTrue(denied.fails());
        assertSame(organization, denied.list());
        assertEquals("org.yaml:3", denied.entry().location());
        assertEquals("commons-collections:commons-collections:3.2.1 (compile) is denied by the organization list, entry org.yaml:3:"
                + " deserialization gadget chain; use org.apache.commons:commons-collections4 instead (SEC-9)", denied.explanation());
        assertEquals(String.join("\n", denied.explanation(),
                "  path: com.example:app:1.0 -> commons-collections:commons-collections:3.2.1"), denied.message());
        assertNull(denied.pasteReadyEntry());
        // the fixed version is outside the denial: the project's approval applies
        Decision fixed = decider.decide(component("commons-collections:commons-collections:3.2.2", "compile"), TODAY);
        assertEquals(Decision.Status.ALLOWED, fixed.status());
        assertEquals("project", fixed.layer());
        // a project's denial also wins over the organization's approval
        AllowList approvingOrganization = list("org.yaml", "organization", "approved:", "  - {groupId: g, artifactId: a, reason: r, owner: o}");
        AllowList denyingProject = list("project.yaml", "project", "denied:", "  - {groupId: g, artifactId: a, reason: not here}");
        Decision projectDenies = new AllowListDecider(List.of(approvingOrganization, denyingProject)).decide(component("g:a:1", "compile"), TODAY);
        assertEquals(Decision.Status.DENIED, projectDenies.status());
        assertEquals("project", projectDenies.layer());
    }

    @Test
    void approvalsOfAllLayersAddUp() throws Exception {
        AllowList organization = list("org.yaml", "organization", "approved:", "  - {groupId: g, artifactId: a, reason: r, owner: o}");
        AllowList team = list("team.yaml", "team", "approved:", "  - {groupId: g, artifactId: b, reason: r, owner: o}");
        AllowListDecider decider = new AllowListDecider(List.of(organization, team));
        assertEquals("organization", decider.decide(component("g:a:1", "compile"), TODAY).layer());
        assertEquals("team", decider.decide(component("g:b:1", "compile"), TODAY).layer());
        Decision unlisted = decider.decide(component("g:c:1", "compile"), TODAY);
        assertEquals("g:c:1 (compile) is named by no entry of the allow-lists (organization, team)", unlisted.explanation());
        assertNull(unlisted.layer());
    }

    @Test
    void unlistedComponentsAreAllowedByTheirLicenseOnlyWhenNoEntryNamesThem() throws Exception {
        AllowList organization = list("org.yaml", "organization", "approved:",
                "  - {groupId: g, artifactId: pinned, versions: \"2.0\", reason: r, owner: o}",
                "settings:", "  allowLicenses: [Apache-2.0, MIT]");
        AllowListDecider decider = new AllowListDecider(List.of(organization));
        Decision byLicense = decider.decide(component("g:other:1", "compile", "MIT"), TODAY);
        assertEquals(Decision.Status.ALLOWED, byLicense.status());
        assertNull(byLicense.entry());
        assertEquals("organization", byLicense.layer());
        assertTrue(byLicense.explanation().contains("its license MIT is allowed by settings.allowLicenses of the organization list org.yaml"),
                byLicense.explanation());
        Decision gpl = decider.decide(component("g:other:1", "compile", "GPL-3.0-only"), TODAY);
        assertEquals(Decision.Status.UNLISTED, gpl.status());
        assertTrue(gpl.fails());
        assertEquals("g:other:1 (compile) is named by no entry of the allow-lists (organization), and its licenses [GPL-3.0-only] are not among"
                + " settings.allowLicenses [Apache-2.0, MIT]", gpl.explanation());
        assertTrue(decider.decide(component("g:other:1", "compile"), TODAY).explanation().endsWith("its license is unknown, so"
                + " settings.allowLicenses cannot allow it"));
        Decision pinned = decider.decide(component("g:pinned:1.0", "compile", "MIT"), TODAY);
        assertEquals(Decision.Status.UNLISTED, pinned.status(), "a version outside a written range is not rescued by its license");
        assertEquals("g:pinned:1.0 (compile) is not covered by any approval of the allow-lists (organization)", pinned.explanation());
    }

    @Test
    void failOnUnlistedFalseOnlyWarnsWhenEveryLayerSaysSo() throws Exception {
        AllowList lenient = list("org.yaml", "organization", "settings:", "  failOnUnlisted: false");
        AllowList silent = list("project.yaml", "project");
        Decision warning = new AllowListDecider(List.of(lenient)).decide(component("g:a:1", "compile"), TODAY);
        assertEquals(Decision.Status.UNLISTED, warning.status());
        assertFalse(warning.fails());
        assertTrue(warning.warns());
        assertTrue(new AllowListDecider(List.of(lenient, silent)).decide(component("g:a:1", "compile"), TODAY).fails());
    }

    @Test
    void temporaryApprovalsWarnBeforeAndFailAfterTheirLastDay() throws Exception {
        AllowList list = list("org.yaml", "organization", "approved:",
                "  - {groupId: g, artifactId: a, reason: r, owner: alice, expires: 2027-01-31}",
                "settings:", "  expiringWithinDays: 30");
        AllowListDecider decider = new AllowListDecider(List.of(list));
        Component component = component("g:a:1", "compile");
        assertEquals(Decision.Status.ALLOWED, decider.decide(component, LocalDate.of(2026, 12, 31)).status(), "31 days left");
        Decision first = decider.decide(component, LocalDate.of(2027, 1, 1));
        assertEquals(Decision.Status.EXPIRING, first.status(), "30 days left");
        assertTrue(first.warns());
        assertFalse(first.fails());
        assertEquals("g:a:1 (compile) is approved by the organization list, entry org.yaml:3, only until 2027-01-31 (30 days left): renew the"
                + " approval (owner alice) or replace the dependency", first.explanation());
        Decision last = decider.decide(component, LocalDate.of(2027, 1, 31));
        assertEquals(Decision.Status.EXPIRING, last.status());
        assertTrue(last.explanation().contains("(its last day)"), last.explanation());
        Decision expired = decider.decide(component, LocalDate.of(2027, 2, 1));
        assertEquals(Decision.Status.EXPIRED, expired.status());
        assertTrue(expired.fails());
        assertEquals("g:a:1 (compile) was approved by the organization list, entry org.yaml:3, until 2027-01-31: the approval has expired;"
                + " renew it (owner alice) or remove the dependency", expired.explanation());
        assertTrue(expired.pasteReadyEntry() != null);
    }

    @Test
    void aPermanentApprovalOutranksAnExpiringOneAndTheLongestExpiringIsNamed() throws Exception {
        AllowList organization = list("org.yaml", "organization", "approved:",
                "  - {groupId: g, artifactId: a, reason: r, owner: o, expires: 2027-01-10}",
                "  - {groupId: g, artifactId: a, reason: r, owner: o, expires: 2027-01-20}");
        AllowList project = list("project.yaml", "project", "approved:", "  - {groupId: g, artifactId: a, reason: r, owner: o}");
        Component component = component("g:a:1", "compile");
        assertEquals("org.yaml:4", new AllowListDecider(List.of(organization)).decide(component, TODAY).entry().location());
        Decision allowed = new AllowListDecider(List.of(organization, project)).decide(component, TODAY);
        assertEquals(Decision.Status.ALLOWED, allowed.status());
        assertEquals("project.yaml:3", allowed.entry().location());
    }

    @Test
    void anUnlistedComponentComesWithItsPathNearMissesAndAnEntryToPaste() throws Exception {
        AllowList list = list("org.yaml", "organization", "approved:",
                "  - {groupId: org.apache.logging.log4j, artifactId: \"log4j-*\", versions: \"[2.17.1,)\", reason: r, owner: o}");
        Component log4j = new Component("org.apache.logging.log4j", "log4j-core", "2.17.0", "runtime", List.of("Apache-2.0"),
                List.of("com.example:app:1.0", "com.example:lib:2.0", "org.apache.logging.log4j:log4j-core:2.17.0"));
        Decision decision = decide(list, log4j);
        String paste = String.join("\n",
                "- groupId: \"org.apache.logging.log4j\"",
                "  artifactId: \"log4j-core\"",
                "  versions: \"2.17.0\"",
                "  scopes: [runtime]",
                "  reason: \"TODO\"",
                "  owner: \"TODO\"");
        assertEquals(paste, decision.pasteReadyEntry());
        assertEquals(String.join("\n",
                "org.apache.logging.log4j:log4j-core:2.17.0 (runtime) is not covered by any approval of the allow-lists (organization)",
                "  path: com.example:app:1.0 -> com.example:lib:2.0 -> org.apache.logging.log4j:log4j-core:2.17.0",
                "  nearly matched: version 2.17.0 is outside [2.17.1,) of entry org.yaml:3 (organization)",
                "  to request an approval, add to the approved list:",
                "    - groupId: \"org.apache.logging.log4j\"",
                "      artifactId: \"log4j-core\"",
                "      versions: \"2.17.0\"",
                "      scopes: [runtime]",
                "      reason: \"TODO\"",
                "      owner: \"TODO\""), decision.message());
    }

    @Test
    void thePastedEntryLoadsAndApprovesExactlyThatVersion() throws Exception {
        Component component = component("g:a:1.0", "compile");
        String paste = AllowListDecider.pasteReadyEntry(component).replace("TODO", "filled in");
        AllowList list = list("org.yaml", "organization", "approved:", "  " + paste.replace("\n", "\n  "));
        assertEquals(Decision.Status.ALLOWED, decide(list, component).status());
        assertEquals(Decision.Status.UNLISTED, decide(list, component("g:a:1.1", "compile")).status());
    }
}
