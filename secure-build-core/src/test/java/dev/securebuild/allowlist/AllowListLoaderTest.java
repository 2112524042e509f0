package dev.securebuild.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowListLoaderTest {

    /** The example of issue 5, with the schema version. */
    static final String ISSUE_EXAMPLE = String.join("\n",
            "version: 1",
            "approved:",
            "  - groupId: org.apache.commons      # '*' wildcards allowed",
            "    artifactId: \"*\"",
            "    versions: \"[3.0,4.0)\"            # Maven range; \"1.2\" means exactly 1.2; absent means any",
            "    scopes: [compile, runtime]       # absent means any",
            "    reason: \"…\"",
            "    owner: \"…\"",
            "    expires: 2027-01-31              # optional",
            "denied:",
            "  - groupId: commons-collections",
            "    artifactId: commons-collections",
            "    versions: \"(,3.2.2)\"",
            "    reason: \"…\"",
            "    replacement: org.apache.commons:commons-collections4",
            "");

    static AllowList yaml(String text) throws Exception {
        return load(text, "org-list.yaml");
    }

    static AllowList load(String text, String name) throws Exception {
        return AllowListLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, "organization");
    }

    private static String error(String text) {
        return error(text, "org-list.yaml");
    }

    private static String error(String text, String name) {
        return assertThrows(InvalidAllowListException.class, () -> load(text, name)).getMessage();
    }

    private static String entry(String... lines) {
        return "version: 1\napproved:\n  - " + String.join("\n    ", lines) + "\n";
    }

    @Test
    void theIssueExampleLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("allowlist.yaml");
        Files.writeString(file, ISSUE_EXAMPLE);
        AllowList list = AllowListLoader.load(file, "organization");
        assertEquals("organization", list.layer());
        assertEquals(file.toString(), list.source());
        Entry approved = list.approved().get(0);
        assertEquals("org.apache.commons", approved.groupId());
        assertEquals("*", approved.artifactId());
        assertEquals("[3.0,4.0)", approved.versions());
        assertEquals(List.of("compile", "runtime"), approved.scopes());
        assertEquals(LocalDate.of(2027, 1, 31), approved.expires());
        assertEquals(3, approved.line());
        assertEquals(file + ":3", approved.location());
        Entry denied = list.denied().get(0);
        assertEquals("org.apache.commons:commons-collections4", denied.replacement());
        assertNull(denied.owner());
        assertEquals(11, denied.line());
        assertEquals(AllowList.DEFAULT_EXPIRING_WITHIN_DAYS, list.expiringWithinDays());
        assertTrue(list.failOnUnlisted());
        assertEquals(List.of(), list.allowLicenses());
    }

    @Test
    void jsonHasTheSameKeys() throws Exception {
        String json = "{\"version\": 1,\n"
                + " \"approved\": [\n"
                + "  {\"groupId\": \"org.slf4j\", \"artifactId\": \"slf4j-*\", \"versions\": \"2.0.16\", \"reason\": \"logging API\","
                + " \"owner\": \"alice\", \"ticket\": \"SEC-1\", \"approvedOn\": \"2026-01-02\", \"licenses\": [\"MIT\"]}\n"
                + " ],\n"
                + " \"settings\": {\"expiringWithinDays\": 7, \"allowLicenses\": [\"Apache-2.0\"], \"failOnUnlisted\": false}}\n";
        AllowList list = load(json, "list.json");
        Entry entry = list.approved().get(0);
        assertEquals("2.0.16", entry.versions());
        assertEquals("[2.0.16]", entry.rangeText());
        assertEquals("SEC-1", entry.ticket());
        assertEquals(LocalDate.of(2026, 1, 2), entry.approvedOn());
        assertEquals(List.of("MIT"), entry.licenses());
        assertEquals(3, entry.line());
        assertEquals(7, list.expiringWithinDays());
        assertEquals(List.of("Apache-2.0"), list.allowLicenses());
        assertEquals(false, list.failOnUnlisted());
        assertTrue(list.denied().isEmpty());
        // JSON is not read as YAML: a comment is an error there
        assertTrue(error("{\"version\": 1 # no\n}", "list.json").startsWith("list.json at line 1, column 15: not valid JSON"),
                error("{\"version\": 1 # no\n}", "list.json"));
    }

    /** YAML 1.1 spells true as yes and on too: such a list must not fail open (it once read "yes" as false). */
    @Test
    void yamlsOtherSpellingsOfTrueAndFalseAreRead() throws Exception {
        assertTrue(load("version: 1\nsettings:\n  failOnUnlisted: yes\n", "list.yaml").failOnUnlisted());
        assertTrue(load("version: 1\nsettings:\n  failOnUnlisted: on\n", "list.yaml").failOnUnlisted());
        assertFalse(load("version: 1\nsettings:\n  failOnUnlisted: no\n", "list.yaml").failOnUnlisted());
        assertTrue(load("version: 1\nsettings:\n  failOnUnlisted: True\n", "list.yaml").failOnUnlisted());
    }

    @Test
    void anUnquotedNumberIsAVersionAsWritten() throws Exception {
        Entry entry = yaml(entry("groupId: g", "artifactId: a", "versions: 1.10", "reason: r", "owner: o")).approved().get(0);
        assertEquals("1.10", entry.versions());
    }

    @Test
    void theSchemaVersionIsRequired() {
        assertEquals("org-list.yaml at line 1, column 1: expected \"version: 1\" (the allow-list schema version) in the allow-list",
                error("approved: []\n"));
        assertEquals("org-list.yaml at line 1, column 10: version: expected 1, the only allow-list schema version; got 2", error("version: 2\n"));
        assertTrue(error("").contains("the file is empty"), error(""));
    }

    @Test
    void aListNamesItsLayerOrIsCalledByItsPosition() throws Exception {
        AllowList named = AllowListLoader.load(new ByteArrayInputStream("version: 1\nlayer: team payments\n".getBytes(StandardCharsets.UTF_8)),
                "team.yaml", "list 2");
        assertEquals("team payments", named.layer());
        assertEquals("the team payments list", named.title());
        AllowList unnamed = AllowListLoader.load(new ByteArrayInputStream("version: 1\n".getBytes(StandardCharsets.UTF_8)), "team.yaml", "list 2");
        assertEquals("list 2", unnamed.layer());
        assertEquals("list 2", unnamed.title());
        assertEquals("org-list.yaml at line 2, column 8: layer: expected a short name (letters, digits, blanks, '.', '_' or '-'; at most 40)"
                + " such as organization; got \"org/team\"", error("version: 1\nlayer: org/team\n"));
        assertTrue(error("version: 1\nlayer: [a]\n").startsWith("org-list.yaml at line 2, column 8: layer: expected the name of the list's layer"),
                error("version: 1\nlayer: [a]\n"));
    }

    @Test
    void unknownKeysAreNamedWithTheirPlace() {
        assertEquals("org-list.yaml at line 2, column 1: the allow-list: unknown key \"allowed\"; expected one of version, layer, approved, denied, settings",
                error("version: 1\nallowed: []\n"));
        assertEquals("org-list.yaml at line 5, column 5: approved #1: unknown key \"version\"; expected one of groupId, artifactId, versions,"
                + " scopes, licenses, reason, owner, ticket, approvedOn, expires", error(entry("groupId: g", "artifactId: a", "version: 1.2")));
        assertEquals("org-list.yaml at line 3, column 44: denied #1: unknown key \"expires\"; expected one of groupId, artifactId, versions, scopes,"
                + " licenses, reason, owner, ticket, approvedOn, replacement", error("version: 1\ndenied:\n  - {groupId: g, artifactId: a, reason: r, expires: 2027-01-01}\n"));
        assertTrue(error("version: 1\nsettings:\n  expiringDays: 3\n").startsWith("org-list.yaml at line 3, column 3: settings: unknown key"));
    }

    @Test
    void wrongTypesAreNamed() {
        assertEquals("org-list.yaml at line 2, column 11: approved: expected a list of entries (each a mapping with groupId, artifactId, ...);"
                + " got a mapping", error("version: 1\napproved: {groupId: g}\n"));
        assertEquals("org-list.yaml at line 3, column 14: approved #1.groupId: expected a name, or a pattern with * wildcards such as"
                + " \"org.apache.*\"; got a list", error(entry("groupId: [a, b]", "artifactId: a", "reason: r", "owner: o")));
        assertEquals("org-list.yaml at line 3, column 23: settings.expiringWithinDays: expected a whole number of days from 0 to 9999; got \"soon\"",
                error("version: 1\nsettings:\n  expiringWithinDays: soon\n"));
        assertTrue(error("version: 1\nsettings:\n  failOnUnlisted: maybe\n").contains("settings.failOnUnlisted: expected true or false"));
        assertEquals("org-list.yaml at line 5, column 23: approved #1.scopes: expected one of compile, provided, runtime, test, system, import;"
                + " got \"complie\"", error(entry("groupId: g", "artifactId: a", "scopes: [compile, complie]", "reason: r", "owner: o")));
    }

    @Test
    void badDatesAreNamed() {
        assertEquals("org-list.yaml at line 7, column 14: approved #1.expires: expected a date as YYYY-MM-DD; got \"2027-02-30\"",
                error(entry("groupId: g", "artifactId: a", "reason: r", "owner: o", "expires: 2027-02-30")));
        assertTrue(error(entry("groupId: g", "artifactId: a", "reason: r", "owner: o", "approvedOn: 2027-03-01", "expires: 2027-02-01"))
                .startsWith("org-list.yaml at line 7, column 17: approved #1.approvedOn: 2027-03-01 is after expires 2027-02-01"));
    }

    @Test
    void badVersionRangesAreNamed() {
        assertTrue(error(entry("groupId: g", "artifactId: a", "versions: \"[2.0,1.0)\"", "reason: r", "owner: o"))
                .startsWith("org-list.yaml at line 5, column 15: approved #1.versions: expected a Maven version range such as \"[3.0,4.0)\""
                        + " or an exact version such as \"1.2\"; got \"[2.0,1.0)\""));
        assertTrue(error(entry("groupId: g", "artifactId: a", "versions: \"[1.0,2.0\"", "reason: r", "owner: o")).contains("at line 5"));
        assertTrue(error(entry("groupId: g", "artifactId: a", "versions: \"1.0,2.0\"", "reason: r", "owner: o"))
                .contains("approved #1.versions: expected a Maven version range"));
    }

    @Test
    void patternsAreNotRegularExpressions() {
        assertEquals("org-list.yaml at line 3, column 14: approved #1.groupId: expected letters, digits, '.', '_', '-' and '*' wildcards only"
                + " (no regular expressions); got \"org\\\\.apache\\\\..+\"", // a backslash from the file is shown escaped, as \\
                error(entry("groupId: \"org\\\\.apache\\\\..+\"", "artifactId: a", "reason: r", "owner: o")));
        assertTrue(error(entry("groupId: g", "artifactId: \"a?\"", "reason: r", "owner: o")).contains("approved #1.artifactId: expected letters"));
    }

    @Test
    void approvalsNeedReasonAndOwnerDenialsAReason() {
        assertEquals("org-list.yaml at line 3, column 5: approved #1: expected owner (who approved it and answers for it)",
                error(entry("groupId: g", "artifactId: a", "reason: r")));
        assertEquals("org-list.yaml at line 5, column 13: approved #1.reason: expected why the entry is there, in words; got an empty text",
                error(entry("groupId: g", "artifactId: a", "reason: \" \"", "owner: o")));
        assertEquals("org-list.yaml at line 3, column 5: denied #1: expected reason (why the entry is there, in words)",
                error("version: 1\ndenied:\n  - groupId: g\n    artifactId: a\n"));
        assertEquals("org-list.yaml at line 3, column 5: approved #1: expected artifactId (a name, or a pattern with * wildcards)",
                error(entry("groupId: g", "reason: r", "owner: o")));
    }

    @Test
    void malformedYamlAndDuplicateKeysAreNamed() {
        assertTrue(error("version: 1\napproved:\n  - groupId: g\n   artifactId: [\n").startsWith("org-list.yaml at line "),
                error("version: 1\napproved:\n  - groupId: g\n   artifactId: [\n"));
        assertTrue(error("version: 1\nversion: 1\n").startsWith("org-list.yaml at line 2, column 1: key \"version\" is given twice"));
    }
}
