package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvScannerReaderTest {

    @TempDir
    Path dir;

    private List<Finding> read(String json) throws IOException {
        return new OsvScannerReader().read(Files.writeString(dir.resolve("osv.json"), json));
    }

    /** v2: one issue under three advisories in one group, a second group, license violations. */
    private static final String GROUPED = """
            {"results": [{
               "source": {"path": "/src/requirements.txt", "type": "lockfile"},
               "packages": [{
                 "package": {"name": "Django", "version": "3.2.9", "ecosystem": "PyPI"},
                 "vulnerabilities": [
                   {"id": "GHSA-aaaa-bbbb-cccc", "aliases": ["CVE-2022-0001"], "summary": "SQL injection in Django",
                    "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                    "database_specific": {"severity": "CRITICAL"}},
                   {"id": "PYSEC-2022-1", "aliases": ["CVE-2022-0001", "GHSA-aaaa-bbbb-cccc"], "details": "Django before 3.2.10..."},
                   {"id": "GHSA-dddd-eeee-ffff", "summary": "Open redirect", "database_specific": {"severity": "MODERATE"},
                    "severity": [{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N"}, {"type": "CVSS_V3", "score": "CVSS:3.1/AV:N"}]}],
                 "groups": [
                   {"ids": ["GHSA-aaaa-bbbb-cccc", "PYSEC-2022-1"], "aliases": ["CVE-2022-0001", "GHSA-aaaa-bbbb-cccc", "PYSEC-2022-1"],
                    "max_severity": "9.8"},
                   {"ids": ["GHSA-dddd-eeee-ffff"], "aliases": ["GHSA-dddd-eeee-ffff"], "max_severity": ""}],
                 "licenses": ["GPL-3.0"], "license_violations": ["GPL-3.0"]
               }]
             }],
             "experimental_config": {"licenses": {"summary": false, "allowlist": ["MIT"]}}}
            """;

    @Test
    void oneFindingPerAliasGroup() throws IOException {
        List<Finding> findings = read(GROUPED);
        assertEquals(3, findings.size(), "two groups and one license violation, not three vulnerabilities");
        Finding sqli = findings.get(0);
        assertEquals("OSV-Scanner", sqli.tool());
        assertNull(sqli.toolVersion());
        assertEquals(FindingKind.DEPENDENCY, sqli.kind());
        assertEquals("GHSA-aaaa-bbbb-cccc", sqli.id(), "the group's first id");
        assertEquals(Set.of("PYSEC-2022-1", "CVE-2022-0001"), sqli.aliases());
        assertEquals(Severity.CRITICAL, sqli.severity());
        assertEquals("OSV-Scanner max_severity 9.8", sqli.severitySource());
        assertEquals(9.8, sqli.cvssScore());
        assertEquals("3.1", sqli.cvssVersion(), "from the vector's prefix");
        assertEquals("pkg:pypi/django@3.2.9", sqli.component());
        assertEquals("/src/requirements.txt", sqli.path());
        assertEquals("SQL injection in Django", sqli.message());
        assertEquals("osv-scanner:GHSA-aaaa-bbbb-cccc|pkg:pypi/django@3.2.9", sqli.fingerprint());

        Finding redirect = findings.get(1);
        assertEquals(Severity.MEDIUM, redirect.severity(), "no max_severity: the advisory's own severity");
        assertEquals("advisory database_specific severity MODERATE", redirect.severitySource());
        assertEquals("4.0", redirect.cvssVersion());
        assertNull(redirect.cvssScore(), "a score is not computed from a vector");

        Finding license = findings.get(2);
        assertEquals(FindingKind.LICENSE, license.kind());
        assertEquals("GPL-3.0", license.id());
        assertEquals("pkg:pypi/django@3.2.9", license.component());
    }

    @Test
    void withoutGroupsOneFindingPerVulnerability() throws IOException {
        List<Finding> findings = read("""
                {"results": [{"source": {"path": "pom.xml", "type": "lockfile"}, "packages": [
                  {"package": {"name": "org.apache.logging.log4j:log4j-core", "version": "2.14.1", "ecosystem": "Maven"},
                   "vulnerabilities": [{"id": "GHSA-jfh8-c2jp-5v3q", "aliases": ["CVE-2021-44228"]}, {"id": "GHSA-7rjr-3q55-vv33"}]},
                  {"package": {"name": "github.com/gogo/protobuf", "version": "1.3.1", "ecosystem": "Go"}, "vulnerabilities": [], "groups": []},
                  {"package": {"name": "curl", "version": "8.0.1-1", "ecosystem": "Debian:12"}, "vulnerabilities": [{"id": "DSA-1"}]},
                  {"package": {"name": "serde", "version": "1.0.0", "ecosystem": "crates.io"}, "vulnerabilities": [{"id": "RUSTSEC-2020-1"}]}]}]}
                """);
        assertEquals(4, findings.size());
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", findings.get(0).component());
        assertEquals(Set.of("CVE-2021-44228"), findings.get(0).aliases());
        assertEquals(Severity.UNKNOWN, findings.get(1).severity());
        assertEquals("GHSA-7rjr-3q55-vv33", findings.get(1).message(), "no summary or details: the id");
        assertEquals("pkg:deb/debian/curl@8.0.1-1", findings.get(2).component());
        assertEquals("pkg:cargo/serde@1.0.0", findings.get(3).component());
    }

    @Test
    void noResultsIsZeroFindingsButAnEmptyFileIsAnError() throws IOException {
        assertEquals(List.of(), read("{\"results\": [], \"experimental_config\": {}}"));
        ReportParseException empty = assertThrows(ReportParseException.class, () -> read(""));
        assertTrue(empty.getMessage().contains("expected an OSV-Scanner JSON object"), empty.getMessage());
        assertTrue(empty.getMessage().contains("the file is empty"), empty.getMessage());
    }

    @Test
    void brokenAndNormalizedReportsAreErrorsNamingThePlace() {
        ReportParseException truncated = assertThrows(ReportParseException.class, () -> read("{\"results\": [\n {\"packages\": [{\"package\": "));
        assertTrue(truncated.getMessage().contains("osv.json at line 2, column"), truncated.getMessage());
        // OSV-Scanner's own test snapshots collapse vulnerabilities to ids and groups to a count: no real report does.
        ReportParseException snapshot = assertThrows(ReportParseException.class, () -> read("""
                {"results": [{"source": {"path": "Cargo.lock"}, "packages": [
                  {"package": {"name": "net2", "version": "0.2.33", "ecosystem": "crates.io"},
                   "groups": 2, "vulnerabilities": ["RUSTSEC-2020-0016", "GHSA-458v-4hrf-g3m4"]}]}]}
                """));
        assertTrue(snapshot.getMessage().contains("line 2, column 3"), snapshot.getMessage());
        assertThrows(ReportParseException.class, () -> read("{\"matches\": []}"));
        assertThrows(ReportParseException.class, () -> read("{\"results\": {}}"));
        assertThrows(ReportParseException.class, () -> read("[]"));
    }
}
