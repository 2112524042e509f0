package dev.securebuild.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FindingMergerTest {

    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private static final String LOG4J_KEY = "maven:org.apache.logging.log4j/log4j-core@2.14.1";

    private static Finding dependency(String tool, String id, Set<String> aliases, String component) {
        return new Finding(tool, null, FindingKind.DEPENDENCY, id, aliases, Severity.CRITICAL, "test", null, null, component, null, 0,
                null, null, "vulnerable", tool + ".json");
    }

    private static Finding code(String tool, String rule, Set<String> cwes, String path, int line, String fingerprint) {
        return new Finding(tool, null, FindingKind.CODE, rule, cwes, Severity.HIGH, "test", null, null, null, path, line, fingerprint,
                null, "query built from user input", tool + ".sarif");
    }

    private static List<String> keys(List<MergedFinding> merged) {
        return merged.stream().map(MergedFinding::key).toList();
    }

    // Dependencies

    @Test
    void log4jFromDependencyCheckTrivyAndGrypeIsOneFindingWithThreeEvidence() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("dependency-check", "CVE-2021-44228", Set.of(), LOG4J),
                dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J + "?type=jar"),
                dependency("grype", "GHSA-jfh8-c2jp-5v3q", Set.of("CVE-2021-44228"), LOG4J)));
        assertEquals(1, merged.size(), () -> keys(merged).toString());
        MergedFinding log4shell = merged.get(0);
        assertEquals(3, log4shell.evidence().size());
        assertEquals("CVE-2021-44228", log4shell.id());
        assertEquals(Set.of("dependency-check", "Trivy", "grype"), log4shell.tools());
        assertEquals("dep:CVE-2021-44228|" + LOG4J_KEY, log4shell.key());
    }

    @Test
    void idsAreComparedWithoutCaseAndAJoinOfAliasesCarriesOver() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("Trivy", " cve-2021-44228", Set.of(), LOG4J),
                dependency("grype", "GHSA-JFH8-C2JP-5V3Q", Set.of(), LOG4J),
                // OSV names both: it joins the two above, which share no id with each other.
                dependency("osv-scanner", "GHSA-jfh8-c2jp-5v3q", Set.of("CVE-2021-44228"), LOG4J)));
        assertEquals(1, merged.size(), () -> keys(merged).toString());
        assertEquals("dep:CVE-2021-44228|" + LOG4J_KEY, merged.get(0).key());
    }

    @Test
    void withoutACveTheKeyTakesTheSmallestId() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("osv-scanner", "PYSEC-2023-1", Set.of("GHSA-aaaa-bbbb-cccc"), "pkg:pypi/requests@2.0.0")));
        assertEquals("dep:GHSA-aaaa-bbbb-cccc|pypi:requests@2.0.0", merged.get(0).key());
    }

    @Test
    void theSameCveInTwoPackagesIsTwoFindings() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J),
                dependency("Trivy", "CVE-2021-44228", Set.of(), "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1")));
        assertEquals(List.of("dep:CVE-2021-44228|" + LOG4J_KEY, "dep:CVE-2021-44228|maven:org.apache.logging.log4j/log4j-api@2.14.1").stream().sorted().toList(),
                keys(merged));
    }

    @Test
    void twoCvesInOnePackageAreTwoFindings() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J),
                dependency("Trivy", "CVE-2021-45046", Set.of(), LOG4J)));
        assertEquals(List.of("dep:CVE-2021-44228|" + LOG4J_KEY, "dep:CVE-2021-45046|" + LOG4J_KEY), keys(merged));
    }

    @Test
    void aLongAliasListJoinsIdsWithinItsPackageOnly() {
        Set<String> manyAliases = IntStream.range(1, 50).mapToObj(i -> "CVE-2020-" + (1000 + i)).collect(Collectors.toSet());
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("noisy", "TOOL-1", manyAliases, LOG4J),
                dependency("Trivy", "CVE-2020-1007", Set.of(), LOG4J),
                dependency("Trivy", "CVE-2020-1007", Set.of(), "pkg:npm/lodash@4.17.20")));
        assertEquals(List.of("dep:CVE-2020-1001|" + LOG4J_KEY, "dep:CVE-2020-1007|npm:lodash@4.17.20"), keys(merged));
        assertEquals(2, merged.get(0).evidence().size());
    }

    @Test
    void twoVersionsOfAPackageAreTwoFindings() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J),
                dependency("Trivy", "CVE-2021-44228", Set.of(), "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.0")));
        assertEquals(2, merged.size());
    }

    @Test
    void aFindingWithoutVersionJoinsTheOneVersionOfItsIssue() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J),
                dependency("scanner", "CVE-2021-44228", Set.of(), "org.apache.logging.log4j:log4j-core"),
                // Another version of the package, but not with this issue: the issue still has one version.
                dependency("Trivy", "CVE-2021-45046", Set.of(), "pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0")));
        assertEquals(List.of("dep:CVE-2021-44228|" + LOG4J_KEY, "dep:CVE-2021-45046|maven:org.apache.logging.log4j/log4j-core@2.15.0"),
                keys(merged));
        assertEquals(2, merged.get(0).evidence().size());
    }

    @Test
    void aFindingWithoutVersionStaysAloneWhenItsIssueHasTwoVersions() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J),
                dependency("Trivy", "CVE-2021-44228", Set.of(), "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.0"),
                dependency("scanner", "CVE-2021-44228", Set.of(), "pkg:maven/org.apache.logging.log4j/log4j-core")));
        assertEquals(3, merged.size());
        assertTrue(keys(merged).contains("dep:CVE-2021-44228|maven:org.apache.logging.log4j/log4j-core@"), () -> keys(merged).toString());
    }

    @Test
    void aPurlAndACoordinateAndAVPrefixedVersionNameOnePackage() {
        assertEquals(1, FindingMerger.merge(List.of(
                dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J),
                dependency("dependency-check", "CVE-2021-44228", Set.of(), "org.apache.logging.log4j:log4j-core:jar:2.14.1"))).size());
        List<MergedFinding> go = FindingMerger.merge(List.of(
                dependency("govulncheck", "GO-2022-0001", Set.of(), "pkg:golang/github.com/foo/bar@v1.2.3"),
                dependency("osv", "GO-2022-0001", Set.of(), "pkg:golang/github.com/foo/bar@1.2.3")));
        assertEquals(List.of("dep:GO-2022-0001|golang:github.com/foo/bar@1.2.3"), keys(go));
    }

    @Test
    void oneToolReportingTheSameFindingTwiceIsOneFindingWithTwoEvidence() {
        FindingMerger merger = new FindingMerger();
        merger.add(dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J));
        merger.add(dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J));
        List<MergedFinding> merged = merger.result();
        assertEquals(1, merged.size());
        assertEquals(2, merged.get(0).evidence().size());
    }

    @Test
    void findingsWithoutComponentAreOneByIssueAndPath() {
        Finding inPom = new Finding("scanner", null, FindingKind.DEPENDENCY, "CVE-2021-44228", Set.of(), Severity.CRITICAL, "test", null, null,
                null, "pom.xml", 0, null, null, "m", "r");
        Finding inDotPom = new Finding("other", null, FindingKind.DEPENDENCY, "cve-2021-44228", Set.of(), Severity.HIGH, "test", null, null,
                null, "./pom.xml", 0, null, null, "m", "r");
        Finding inModulePom = new Finding("scanner", null, FindingKind.DEPENDENCY, "CVE-2021-44228", Set.of(), Severity.CRITICAL, "test",
                null, null, null, "module/pom.xml", 0, null, null, "m", "r");
        assertEquals(List.of("dep:CVE-2021-44228|path:module/pom.xml", "dep:CVE-2021-44228|path:pom.xml"),
                keys(FindingMerger.merge(List.of(inPom, inDotPom, inModulePom))));
    }

    @Test
    void anUnreadableComponentIsComparedAsWritten() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                dependency("dependency-check", "CVE-2021-44228", Set.of(), "log4j-core-2.14.1.jar"),
                dependency("dependency-check", "CVE-2021-44228", Set.of(), " log4j-core-2.14.1.jar"),
                dependency("Trivy", "CVE-2021-44228", Set.of(), LOG4J)));
        assertEquals(List.of("dep:CVE-2021-44228|component:log4j-core-2.14.1.jar", "dep:CVE-2021-44228|" + LOG4J_KEY), keys(merged));
    }

    @Test
    void licenseFindingsAreOneByLicenseAndPackageAndApartFromVulnerabilities() {
        Finding trivy = new Finding("Trivy", null, FindingKind.LICENSE, "GPL-3.0", Set.of(), Severity.HIGH, "test", null, null,
                "pkg:npm/some-lib@1.0.0", null, 0, null, null, "m", "r");
        Finding other = new Finding("other", null, FindingKind.LICENSE, "gpl-3.0", Set.of(), Severity.MEDIUM, "test", null, null,
                "pkg:npm/Some-Lib@1.0.0", null, 0, null, null, "m", "r");
        Finding vulnerability = dependency("Trivy", "GPL-3.0", Set.of(), "pkg:npm/some-lib@1.0.0");
        assertEquals(List.of("dep:GPL-3.0|npm:some-lib@1.0.0", "license:GPL-3.0|npm:some-lib@1.0.0"),
                keys(FindingMerger.merge(List.of(trivy, other, vulnerability))));
    }

    // Code

    @Test
    void codeQlAndSemgrepOnNeighbouringLinesWithOneCweAreOneFinding() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                code("CodeQL", "java/sql-injection", Set.of("CWE-89"), "src/main/java/A.java", 42, "CodeQL:abc:1"),
                code("Semgrep", "java.lang.security.audit.formatted-sql-string", Set.of("CWE-89", "CWE-943"), "src/main/java/A.java", 43,
                        "sb:0123")));
        assertEquals(1, merged.size(), () -> keys(merged).toString());
        assertEquals(2, merged.get(0).evidence().size());
        assertTrue(merged.get(0).key().startsWith("code:CWE-89|src/main/java/A.java|"), merged.get(0).key());
    }

    @Test
    void differentRulesWithoutACommonCweAreTwoFindingsOnOneLine() {
        assertEquals(2, FindingMerger.merge(List.of(
                code("CodeQL", "java/sql-injection", Set.of("CWE-89"), "A.java", 42, "f1"),
                code("CodeQL", "java/xss", Set.of("CWE-79"), "A.java", 42, "f2"))).size());
    }

    @Test
    void oneRuleFarApartIsTwoFindingsWithTwoKeys() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                code("CodeQL", "java/sql-injection", Set.of("CWE-89"), "A.java", 10, "CodeQL:one"),
                code("CodeQL", "java/sql-injection", Set.of("CWE-89"), "A.java", 80, "CodeQL:two")));
        assertEquals(2, merged.size());
        assertNotEquals(merged.get(0).key(), merged.get(1).key());
    }

    @Test
    void theWindowCountsFromTheGroupsFirstLineSoAFileDoesNotChainIntoOneGroup() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                code("Semgrep", "rule", Set.of(), "A.java", 16, "sb:c"),
                code("Semgrep", "rule", Set.of(), "A.java", 10, "sb:a"),
                code("Semgrep", "rule", Set.of(), "A.java", 13, "sb:b")));
        assertEquals(List.of(List.of(10, 13), List.of(16)),
                merged.stream().map(m -> m.evidence().stream().map(Finding::line).sorted().toList())
                        .sorted((a, b) -> a.get(0) - b.get(0)).toList());
    }

    @Test
    void theWindowIsConfigurable() {
        List<Finding> findings = List.of(
                code("Semgrep", "rule", Set.of(), "A.java", 10, "sb:a"),
                code("Semgrep", "rule", Set.of(), "A.java", 11, "sb:b"));
        FindingMerger sameLineOnly = new FindingMerger(0, null);
        findings.forEach(sameLineOnly::add);
        assertEquals(2, sameLineOnly.result().size());
        assertEquals(1, FindingMerger.merge(findings).size());
        assertThrows(IllegalArgumentException.class, () -> new FindingMerger(-1, null));
    }

    @Test
    void anUnknownLineJoinsItsRuleInTheFileOrStaysAlone() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                code("CodeQL", "java/sql-injection", Set.of("CWE-89"), "A.java", 42, "f1"),
                code("tool", "sqli", Set.of("CWE-89"), "A.java", 0, "f2"),
                code("tool", "other", Set.of(), "A.java", 0, "f3"),
                code("tool2", "other", Set.of(), "A.java", 0, "f4")));
        assertEquals(2, merged.size(), () -> keys(merged).toString());
        assertEquals(Set.of(2), merged.stream().map(m -> m.evidence().size()).collect(Collectors.toSet()));
    }

    @Test
    void aRelativeAndAnAbsolutePathOfOneFileAreOneFinding() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                code("CodeQL", "java/sql-injection", Set.of("CWE-89"), "file:///home/runner/work/repo/src/main/java/A.java", 42, "f1"),
                code("Semgrep", "sqli", Set.of("CWE-89"), "./src/main/java/A.java", 42, "f2"),
                code("Sonar", "S3649", Set.of("CWE-89"), "src\\main\\java\\A.java", 43, "f3")));
        assertEquals(1, merged.size(), () -> keys(merged).toString());
        assertTrue(merged.get(0).key().startsWith("code:CWE-89|src/main/java/A.java|"), "the key has the relative path: " + merged.get(0).key());
    }

    @Test
    void pathsMatchOnSegmentBoundariesOnlyAndAnAmbiguousRelativePathIsNotGuessed() {
        List<MergedFinding> merged = FindingMerger.merge(List.of(
                code("a", "r", Set.of(), "/w/mod1/src/A.java", 5, "f1"),
                code("b", "r", Set.of(), "/w/mod2/src/A.java", 5, "f2"),
                code("c", "r", Set.of(), "src/A.java", 5, "f3"),
                code("d", "r", Set.of(), "/w/mod3/xsrc/B.java", 5, "f4"),
                code("e", "r", Set.of(), "src/B.java", 5, "f5")));
        assertEquals(5, merged.size(), () -> keys(merged).toString());
    }

    @Test
    void pathsLoseSchemeEscapesAndTheBaseDirectory() {
        FindingMerger merger = new FindingMerger(3, "C:\\work\\repo\\");
        merger.add(code("a", "r", Set.of(), "file:///C:/work/repo/src/My%20File.java", 5, "f1"));
        merger.add(code("b", "r", Set.of(), "c:\\work\\repo\\src\\My File.java", 5, "f2"));
        merger.add(code("c", "r", Set.of(), "./src//./My File.java", 6, "f3"));
        List<MergedFinding> merged = merger.result();
        assertEquals(1, merged.size(), () -> keys(merged).toString());
        assertTrue(merged.get(0).key().startsWith("code:r|src/My File.java|"), merged.get(0).key());
    }

    @Test
    void oneToolsOwnFingerprintJoinsFarLinesButAMessageBasedOneDoesNot() {
        assertEquals(1, FindingMerger.merge(List.of(
                code("CodeQL", "java/sql-injection", Set.of(), "A.java", 10, "CodeQL:abc:1"),
                code("CodeQL", "java/sql-injection", Set.of(), "A.java", 200, "CodeQL:abc:1"))).size());
        assertEquals(2, FindingMerger.merge(List.of(
                code("CodeQL", "java/sql-injection", Set.of(), "A.java", 10, "CodeQL:abc:1"),
                code("CodeQL", "java/sql-injection", Set.of(), "B.java", 10, "CodeQL:abc:1"))).size(),
                "a line hash names a line in a file, not across files");
        assertEquals(2, FindingMerger.merge(List.of(
                code("Semgrep", "rule", Set.of(), "A.java", 10, "sb:0123"),
                code("Semgrep", "rule", Set.of(), "A.java", 200, "sb:0123"))).size());
    }

    @Test
    void aLineShiftBetweenRunsKeepsTheKeys() {
        List<String> before = keys(FindingMerger.merge(List.of(
                code("CodeQL", "java/sql-injection", Set.of("CWE-89"), "A.java", 42, "CodeQL:abc:1"),
                code("Semgrep", "sqli", Set.of("CWE-89"), "A.java", 43, "sb:1"),
                code("Semgrep", "rule", Set.of(), "A.java", 10, "sb:same"),
                code("Semgrep", "rule", Set.of(), "A.java", 80, "sb:same"))));
        List<String> after = keys(FindingMerger.merge(List.of(
                code("Semgrep", "rule", Set.of(), "A.java", 87, "sb:same"),
                code("Semgrep", "sqli", Set.of("CWE-89"), "A.java", 50, "sb:1"),
                code("CodeQL", "java/sql-injection", Set.of("CWE-89"), "A.java", 49, "CodeQL:abc:1"),
                code("Semgrep", "rule", Set.of(), "A.java", 17, "sb:same"))));
        assertEquals(3, before.size());
        assertEquals(before, after);
        assertEquals(3, new HashSet<>(before).size(), "keys are unique even when the fingerprints are equal");
    }

    @Test
    void keysDoNotDependOnTheOrderOfTheReports() {
        List<Finding> findings = new ArrayList<>(List.of(
                dependency("dependency-check", "CVE-2021-44228", Set.of(), LOG4J),
                dependency("grype", "GHSA-jfh8-c2jp-5v3q", Set.of("CVE-2021-44228"), LOG4J),
                dependency("Trivy", "CVE-2021-45046", Set.of("GHSA-7rjr-3q55-vv33"), LOG4J),
                code("CodeQL", "java/sql-injection", Set.of("CWE-89"), "/w/A.java", 42, "CodeQL:abc:1"),
                code("Semgrep", "sqli", Set.of("CWE-89"), "A.java", 44, "sb:1"),
                code("Semgrep", "rule", Set.of(), "A.java", 10, "sb:same"),
                code("Semgrep", "rule", Set.of(), "A.java", 80, "sb:same")));
        List<String> expected = keys(FindingMerger.merge(findings));
        Random random = new Random(4);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(findings, random);
            assertEquals(expected, keys(FindingMerger.merge(findings)));
        }
    }

    @Test
    void twentyThousandFindingsMergeByDesignWithoutComparingAllPairs() {
        FindingMerger merger = new FindingMerger();
        for (int i = 0; i < 5_000; i++) {
            String component = "pkg:maven/org.example/lib" + (i % 500) + "@1." + (i % 3);
            merger.add(dependency("Trivy", "CVE-2020-" + (10_000 + i), Set.of(), component));
            merger.add(dependency("grype", "GHSA-" + i, Set.of("cve-2020-" + (10_000 + i)), component));
        }
        for (int file = 0; file < 1_000; file++) {
            for (int k = 0; k < 5; k++) {
                String path = "src/main/java/F" + file + ".java";
                merger.add(code("CodeQL", "java/xss", Set.of("CWE-79"), "/home/runner/work/repo/" + path, 20 * k + 1, "CodeQL:" + file + ":" + k));
                merger.add(code("Semgrep", "xss", Set.of("CWE-79"), path, 20 * k + 3, "sb:" + file + ":" + k));
            }
        }
        List<MergedFinding> merged = merger.result();
        assertEquals(20_000, merged.stream().mapToInt(m -> m.evidence().size()).sum(), "every finding added is evidence of one merged finding");
        assertEquals(10_000, merged.size());
        assertTrue(merged.stream().allMatch(m -> m.evidence().size() == 2 && m.tools().size() == 2));
        assertEquals(10_000, merged.stream().map(MergedFinding::key).distinct().count());
    }
}
