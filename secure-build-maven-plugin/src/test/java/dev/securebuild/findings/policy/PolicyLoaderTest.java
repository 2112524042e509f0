package dev.securebuild.findings.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    @TempDir
    Path dir;

    static final String FULL_YAML = """
            version: 1
            failOn:
              severity: high
              cvss: 7.0
              cvssVersion: [4.0, "3.1"]
              unscored: fail
              unknownSeverity: fail
              kinds:
                code: {severity: critical}
                license:
                  severity: none
                  cvss: null
            exceptions:
              expiringWithinDays: 30
              failOnUnused: true
              maxLifetimeDays: {critical: 30, high: 90, medium: 180, low: 365}
              entries:
                - id: CVE-2021-44228
                  package: "pkg:maven/org.apache.logging.log4j/log4j-core@[2.0,2.15)"
                  justification: vulnerable_code_not_in_execute_path
                  reason: JNDI lookups are disabled by the launcher
                  approvedBy: alice@example.com
                  approvedOn: 2026-10-01
                  expires: 2026-12-31
                  ticket: SEC-123
                - rule: java/sql-injection
                  path: "src/main/generated/**"
                  justification: false_positive
                  reason: generated code, the query is constant
                  approvedBy: bob@example.com
                  approvedOn: 2026-10-01
                  expires: 2027-01-01
                - id: CVE-2021-44228
                  name: log4j-in-tests
                  fingerprint: abc123
                  justification: risk_accepted
                  reason: test scope only
                  approvedBy: alice@example.com
                  approvedOn: 2026-10-01
                  expires: 2026-11-01
            """;

    private Policy load(String name, String text) throws IOException {
        return PolicyLoader.load(Files.writeString(dir.resolve(name), text));
    }

    @Test
    void aFullYamlPolicy() throws IOException {
        Policy policy = load("policy.yaml", FULL_YAML);
        Threshold all = policy.failOn().all();
        assertEquals(Severity.HIGH, all.severity());
        assertEquals(7.0, all.cvss());
        assertEquals(List.of("4.0", "3.1"), all.cvssVersions(), "an unquoted 4.0 is the version 4.0");
        assertEquals(Threshold.Unscored.FAIL, all.unscored());
        assertEquals(Threshold.UnknownSeverity.FAIL, all.unknownSeverity());

        Threshold code = policy.failOn().forKind(FindingKind.CODE);
        assertEquals(Severity.CRITICAL, code.severity());
        assertEquals(7.0, code.cvss(), "a kind keeps what it does not override");
        assertEquals(List.of("4.0", "3.1"), code.cvssVersions());
        Threshold license = policy.failOn().forKind(FindingKind.LICENSE);
        assertNull(license.severity(), "severity none: no severity fails");
        assertNull(license.cvss(), "cvss: null turns the score threshold off for the kind");
        assertEquals(all, policy.failOn().forKind(FindingKind.DEPENDENCY));

        ExceptionRules rules = policy.exceptions();
        assertEquals(30, rules.expiringWithinDays());
        assertTrue(rules.failOnUnused());
        assertEquals(Map.of(Severity.CRITICAL, 30, Severity.HIGH, 90, Severity.MEDIUM, 180, Severity.LOW, 365), rules.maxLifetimeDays());
        assertEquals(30, rules.maxLifetime(Severity.UNKNOWN), "unknown severity gets the shortest lifetime");
        assertNull(rules.maxLifetime(Severity.INFO));

        List<ExceptionEntry> entries = rules.entries();
        assertEquals(3, entries.size());
        ExceptionEntry log4j = entries.get(0);
        assertEquals("CVE-2021-44228", log4j.name(), "made from the first selector");
        assertEquals("CVE-2021-44228", log4j.id());
        assertTrue(log4j.packageRange().matches("org.apache.logging.log4j:log4j-core:2.14.1"));
        assertEquals("vulnerable_code_not_in_execute_path", log4j.justification());
        assertEquals("alice@example.com", log4j.approvedBy());
        assertEquals(LocalDate.of(2026, 10, 1), log4j.approvedOn());
        assertEquals(LocalDate.of(2026, 12, 31), log4j.expires());
        assertEquals("SEC-123", log4j.ticket());
        assertEquals("id CVE-2021-44228 in pkg:maven/org.apache.logging.log4j/log4j-core@[2.0,2.15)", log4j.describe());
        assertEquals("java/sql-injection", entries.get(1).name());
        assertTrue(entries.get(1).path().matches("src/main/generated/Q.java"));
        assertNull(entries.get(1).ticket());
        assertEquals("log4j-in-tests", entries.get(2).name());
        assertEquals(policy.source(), dir.resolve("policy.yaml").toString());
    }

    @Test
    void theExampleOfTheDocumentationLoads() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "policy.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        Policy policy = load("documented.yaml", doc.substring(start, doc.indexOf("```", start)));
        assertEquals(List.of("CVE-2021-44228", "generated-sql", "CodeQL:5f3a9c1e:1"),
                policy.exceptions().entries().stream().map(ExceptionEntry::name).toList());
        assertEquals(Severity.LOW, policy.failOn().forKind(FindingKind.SECRET).severity());
    }

    @Test
    void theSamePolicyInJson() throws IOException {
        Policy policy = load("policy.json", """
                {"version": 1,
                 "failOn": {"severity": "medium", "cvss": 9, "cvssVersion": ["3.1", "unversioned"], "kinds": {"secret": {"severity": "low"}}},
                 "exceptions": {"entries": [
                   {"package": "org.example:lib:1.2", "justification": "component_not_present", "reason": "shaded out",
                    "approvedBy": "carol", "expires": "2027-01-31"}]}}
                """);
        assertEquals(Severity.MEDIUM, policy.failOn().all().severity());
        assertEquals(9.0, policy.failOn().all().cvss());
        assertEquals(List.of("3.1", "unversioned"), policy.failOn().all().cvssVersions());
        assertEquals(Severity.LOW, policy.failOn().forKind(FindingKind.SECRET).severity());
        ExceptionEntry entry = policy.exceptions().entries().get(0);
        assertEquals("org.example:lib:1.2", entry.name());
        assertTrue(entry.packageRange().matches("pkg:maven/org.example/lib@1.2"));
        assertFalse(entry.packageRange().matches("pkg:maven/org.example/lib@1.3"), "a bare version is that version only, not 1.2 or later");
        assertNull(entry.approvedOn(), "approvedOn is optional without maxLifetimeDays");
    }

    @Test
    void absentKeysTakeTheirDefaults() throws IOException {
        Policy bare = load("bare.yaml", "version: 1\n");
        assertEquals(FailOn.DEFAULT, bare.failOn());
        assertEquals(ExceptionRules.NONE, bare.exceptions());

        Policy cvssOnly = load("cvss.yml", "version: 1\nfailOn:\n  cvss: 8.5\n");
        Threshold threshold = cvssOnly.failOn().all();
        assertEquals(8.5, threshold.cvss());
        assertEquals(Severity.HIGH, threshold.severity());
        assertEquals(List.of("4.0", "3.1", "3.0", "2.0", "unversioned"), threshold.cvssVersions());
        assertEquals(Threshold.Unscored.SEVERITY, threshold.unscored());
        assertEquals(Threshold.UnknownSeverity.WARN, threshold.unknownSeverity());

        Policy noEntries = load("noentries.yaml", "version: 1\nexceptions:\n  failOnUnused: true\n");
        assertEquals(14, noEntries.exceptions().expiringWithinDays());
        assertTrue(noEntries.exceptions().entries().isEmpty());
    }

    /** YAML 1.1 spells true as yes and on too: such a policy must not fail open (it once read "yes" as false). */
    @Test
    void yamlsOtherSpellingsOfTrueAreRead() throws IOException {
        assertTrue(load("yes.yaml", "version: 1\nexceptions:\n  failOnUnused: yes\n").exceptions().failOnUnused());
        assertTrue(load("on.yaml", "version: 1\nexceptions:\n  failOnUnused: on\n").exceptions().failOnUnused());
    }

    @Test
    void madeUpNamesSharedByEntriesGetTheEntryNumber() throws IOException {
        Policy policy = load("names.yaml", ENTRY + ENTRY.substring(ENTRY.indexOf("    - id")).replace("not used", "other reason"));
        assertEquals(List.of("CVE-2021-44228 #1", "CVE-2021-44228 #2"), policy.exceptions().entries().stream().map(ExceptionEntry::name).toList());
    }

    @Test
    void theDefaultPolicyFailsOnHighAndWarnsOnTheRest() {
        Policy policy = Policy.defaults();
        assertEquals("default policy", policy.source());
        for (FindingKind kind : FindingKind.values()) {
            Threshold threshold = policy.failOn().forKind(kind);
            assertEquals(Severity.HIGH, threshold.severity());
            assertNull(threshold.cvss());
            assertEquals(Threshold.UnknownSeverity.WARN, threshold.unknownSeverity());
        }
        assertTrue(policy.exceptions().entries().isEmpty());
    }

    private static final String ENTRY = """
            version: 1
            exceptions:
              entries:
                - id: CVE-2021-44228
                  justification: vulnerable_code_not_present
                  reason: not used
                  approvedBy: alice
                  expires: 2026-12-31
            """;

    /** The policy is rejected with a message naming the file, the line and what was expected. */
    private void assertInvalid(String name, String text, int line, String... expected) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyLoader.load(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString() + " at line " + line + ", column "), message);
        for (String part : expected) {
            assertTrue(message.contains(part), "\"" + part + "\" missing from: " + message);
        }
    }

    @Test
    void unknownKeysAreRejected() throws IOException {
        assertInvalid("top.yaml", "version: 1\nfailon:\n  severity: high\n", 2, "unknown key \"failon\"", "expected one of version, failOn, exceptions");
        assertInvalid("nested.yaml", "version: 1\nfailOn:\n  severity: high\n  cvs: 7\n", 4, "failOn: unknown key \"cvs\"", "cvss");
        assertInvalid("entry.yaml", ENTRY.replace("      expires:", "      expiry: 2026-01-01\n      expires:"), 8,
                "exceptions.entries #1: unknown key \"expiry\"");
        assertInvalid("warnon.yaml", "version: 1\nwarnOn: {severity: low}\n", 2, "unknown key \"warnOn\"", "never hidden");
        assertInvalid("kind.yaml", "version: 1\nfailOn:\n  kinds:\n    sast: {severity: high}\n", 4, "unknown kind \"sast\"", "code, dependency");
        assertInvalid("twice.yaml", "version: 1\nfailOn:\n  severity: high\n  severity: low\n", 4, "key \"severity\" is given twice (first at line 3)");
    }

    @Test
    void aPathThatNamesNoFileIsRejectedAsThePolicysFaultNotOurs() throws IOException {
        assertInvalid("dotpath.yaml", ENTRY.replace("      expires:", "      path: ./\n      expires:"), 8,
                "exceptions.entries #1.path: expected a path glob such as src/main/generated/**", "got \"./\"");
    }

    @Test
    void wrongTypesAndValuesAreRejected() throws IOException {
        assertInvalid("cvss.yaml", "version: 1\nfailOn:\n  cvss: high\n", 3, "failOn.cvss: expected a CVSS score from 0.0 to 10.0", "got \"high\"");
        assertInvalid("cvss11.yaml", "version: 1\nfailOn:\n  cvss: 11\n", 3, "expected a CVSS score from 0.0 to 10.0", "got 11");
        assertInvalid("severity.yaml", "version: 1\nfailOn:\n  severity: hgih\n", 3,
                "failOn.severity: expected one of critical, high, medium, low, info, none; got \"hgih\"");
        assertInvalid("kindseverity.yaml", "version: 1\nfailOn:\n  kinds:\n    code: {severity: severe}\n", 4, "failOn.kinds.code.severity: expected one of");
        assertInvalid("version.yaml", "version: 1\nfailOn:\n  cvssVersion: [\"3.1\", \"3.2\"]\n", 3, "failOn.cvssVersion: expected CVSS versions among", "got \"3.2\"");
        assertInvalid("unscored.yaml", "version: 1\nfailOn:\n  unscored: block\n", 3, "failOn.unscored: expected one of fail, warn, severity");
        assertInvalid("days.yaml", "version: 1\nexceptions:\n  expiringWithinDays: soon\n", 3, "expected a whole number of days");
        assertInvalid("bool.yaml", "version: 1\nexceptions:\n  failOnUnused: 1\n", 3, "exceptions.failOnUnused: expected true or false");
        assertInvalid("list.yaml", "version: 1\nexceptions:\n  entries: {id: x}\n", 3, "exceptions.entries: expected a list of exceptions; got a mapping");
        assertInvalid("scalar.yaml", "just text\n", 1, "the policy: expected a mapping");
        assertInvalid("noversion.yaml", "failOn:\n  severity: high\n", 1, "expected \"version: 1\"");
        assertInvalid("version2.yaml", "version: 2\n", 1, "version: expected 1", "got 2");
        assertInvalid("ticket.yaml", ENTRY.replace("      expires: 2026-12-31", "      expires: 2026-12-31\n      ticket: 4711"), 9,
                "exceptions.entries #1.ticket: expected a non-empty text (quote numbers); got 4711");
    }

    @Test
    void badDatesAreRejected() throws IOException {
        assertInvalid("month.yaml", ENTRY.replace("2026-12-31", "2026-13-01"), 8, "exceptions.entries #1.expires: expected a date as YYYY-MM-DD; got \"2026-13-01\"");
        assertInvalid("feb.yaml", ENTRY.replace("2026-12-31", "2026-02-30"), 8, "expected a date as YYYY-MM-DD");
        assertInvalid("words.yaml", ENTRY.replace("2026-12-31", "next year"), 8, "got \"next year\"");
        assertInvalid("before.yaml", ENTRY.replace("      expires:", "      approvedOn: 2027-01-01\n      expires:"), 9,
                "expires: expected a date on or after approvedOn 2027-01-01; got 2026-12-31");
    }

    @Test
    void anExceptionNeedsReasonApproverExpiryAndASelector() throws IOException {
        assertInvalid("reason.yaml", ENTRY.replace("      reason: not used\n", ""), 4, "exceptions.entries #1: expected \"reason\"");
        assertInvalid("approver.yaml", ENTRY.replace("      approvedBy: alice\n", ""), 4, "expected \"approvedBy\", who approved the exception");
        assertInvalid("expires.yaml", ENTRY.replace("      expires: 2026-12-31\n", ""), 4, "expected \"expires\"");
        assertInvalid("justification.yaml", ENTRY.replace("      justification: vulnerable_code_not_present\n", ""), 4, "expected \"justification\"");
        assertInvalid("blank.yaml", ENTRY.replace("reason: not used", "reason: \"  \""), 6, "exceptions.entries #1.reason: expected a non-empty text");
        assertInvalid("word.yaml", ENTRY.replace("vulnerable_code_not_present", "we_checked"), 5,
                "exceptions.entries #1.justification: expected one of component_not_present", "risk_accepted; got \"we_checked\"");
        assertInvalid("selector.yaml", ENTRY.replace("- id: CVE-2021-44228", "- ticket: SEC-1"), 4,
                "expected at least one selector (id, package, rule, path or fingerprint)");
        assertInvalid("package.yaml", ENTRY.replace("- id: CVE-2021-44228", "- package: \"pkg:maven/org.example/lib@[1.0,\""), 4,
                "exceptions.entries #1.package: expected a Maven version range");
        assertInvalid("coordinate.yaml", ENTRY.replace("- id: CVE-2021-44228", "- package: log4j-core"), 4,
                "exceptions.entries #1.package: expected a package URL");
        String twoEntries = """
                version: 1
                exceptions:
                  entries:
                    - id: CVE-1
                      name: same
                      justification: false_positive
                      reason: r
                      approvedBy: a
                      expires: 2026-12-31
                    - id: CVE-2
                      name: same
                      justification: false_positive
                      reason: r
                      approvedBy: a
                      expires: 2026-12-31
                """;
        assertInvalid("names.yaml", twoEntries, 11, "exceptions.entries #2.name: \"same\" is the name of entry #1 too; expected a unique name");
    }

    @Test
    void maxLifetimeNeedsTheApprovalDateAndBoundsTheExpiry() throws IOException {
        String limited = ENTRY.replace("exceptions:\n", "exceptions:\n  maxLifetimeDays: {critical: 30, high: 90}\n");
        assertInvalid("noapproval.yaml", limited, 5, "exceptions.entries #1: expected \"approvedOn\"", "maxLifetimeDays");
        assertInvalid("toolong.yaml", limited.replace("      expires:", "      approvedOn: 2026-09-01\n      expires:"), 10,
                "expires: expected at most 90 days after approvedOn 2026-09-01", "2026-11-30 or earlier; got 2026-12-31, 121 days");
        assertInvalid("badlimit.yaml", "version: 1\nexceptions:\n  maxLifetimeDays: {critical: 0}\n", 3, "maxLifetimeDays.critical: expected a whole number of days, 1 or more");
        assertInvalid("badseverity.yaml", "version: 1\nexceptions:\n  maxLifetimeDays: {urgent: 10}\n", 3, "unknown key \"urgent\"");
        Policy ok = load("ok.yaml", limited.replace("      expires:", "      approvedOn: 2026-10-02\n      expires:"));
        assertEquals(LocalDate.of(2026, 10, 2), ok.exceptions().entries().get(0).approvedOn());
    }

    @Test
    void jsonErrorsNameTheLineToo() throws IOException {
        assertInvalid("key.json", "{\"version\": 1,\n \"failOn\": {\"severity\": \"high\",\n   \"level\": 3}}\n", 3, "failOn: unknown key \"level\"");
        assertInvalid("syntax.json", "{\"version\": 1,\n \"failOn\": {\"severity\": \"high\",,}}\n", 2, "not valid JSON");
        assertInvalid("trailing.json", "{\"version\": 1}\n{\"version\": 1}\n", 2, "expected the end of the policy");
        assertInvalid("date.json", "{\"version\": 1, \"exceptions\": {\"entries\": [\n {\"id\": \"X-1\", \"justification\": \"false_positive\",\n"
                + "  \"reason\": \"r\", \"approvedBy\": \"a\", \"expires\": 20261231}]}}\n", 3, "expires: expected a date as YYYY-MM-DD; got 20261231");
    }

    @Test
    void brokenYamlAndEmptyFilesAreRejected() throws IOException {
        assertInvalid("broken.yaml", "version: 1\nfailOn:\n  severity: [high\n", 3, "not valid YAML");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyLoader.load(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
    }

    @Test
    void aPolicyFarLargerThanAnyRealOneIsRefusedBeforeItIsParsed() throws IOException {
        // A 30 M-character YAML value took SnakeYAML minutes (its time grows with the square of a value's length).
        Path huge = Files.writeString(dir.resolve("huge.yaml"), "version: 1\nx: \"" + "a".repeat(5 * 1024 * 1024) + "\"\n");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyLoader.load(huge));
        assertTrue(e.getMessage().startsWith(huge + ": the file is larger than 4194304 bytes"), e.getMessage());
    }
}
