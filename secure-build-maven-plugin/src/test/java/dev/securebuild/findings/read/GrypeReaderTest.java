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

class GrypeReaderTest {

    @TempDir
    Path dir;

    /** What the last {@link #read} put into its sink. */
    private SinkRecording recorded;

    private List<Finding> read(String json) throws IOException {
        recorded = SinkRecording.of(new GrypeReader(), Files.writeString(dir.resolve("grype.json"), json));
        return recorded.findings;
    }

    /** Grype 0.9x: descriptor last, a java-archive without purl, an ignored match. */
    private static final String RECENT = """
            {
              "matches": [
                {"vulnerability": {"id": "GHSA-jfh8-c2jp-5v3q", "severity": "Critical", "description": "Remote code injection in Log4j",
                   "cvss": [{"version": "3.1", "vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "metrics": {"baseScore": 10.0}}]},
                 "relatedVulnerabilities": [
                   {"id": "CVE-2021-44228", "cvss": [
                     {"version": "2.0", "vector": "AV:N/AC:M/Au:N/C:C/I:C/A:C", "metrics": {"baseScore": 9.3}},
                     {"version": "4.0", "vector": "CVSS:4.0/AV:N/AC:L", "metrics": {"baseScore": 9.9}}]},
                   {"id": "GHSA-jfh8-c2jp-5v3q"}],
                 "artifact": {"name": "log4j-core", "version": "2.14.1", "type": "java-archive",
                   "locations": [{"path": "/app/lib/log4j-core-2.14.1.jar"}, {"path": "/other"}],
                   "metadata": {"pomGroupID": "org.apache.logging.log4j", "pomArtifactID": "log4j-core"}}},
                {"vulnerability": {"id": "CVE-2005-2541", "severity": "Negligible"},
                 "artifact": {"name": "tar", "version": "1.30+dfsg-6", "type": "deb", "purl": "pkg:deb/debian/tar@1.30%2Bdfsg-6?arch=amd64",
                   "locations": [{"path": "/var/lib/dpkg/status"}]}}
              ],
              "ignoredMatches": [
                {"vulnerability": {"id": "CVE-2022-1", "severity": "High"},
                 "artifact": {"name": "requests", "version": "2.0.0", "type": "python", "locations": []},
                 "appliedIgnoreRules": [{"vulnerability": "CVE-2022-1", "reason": "not reachable", "fix-state": "",
                   "package": {"name": "requests", "version": "", "type": ""}, "include-aliases": false}]}
              ],
              "source": {"type": "image"},
              "descriptor": {"name": "grype", "version": "0.96.0"}
            }
            """;

    @Test
    void matchesBecomeDependencyFindings() throws IOException {
        List<Finding> read = read(RECENT);
        assertEquals(3, read.size());
        Finding log4j = read.get(0);
        assertEquals("Grype", log4j.tool());
        assertEquals(FindingKind.DEPENDENCY, log4j.kind());
        assertEquals("GHSA-jfh8-c2jp-5v3q", log4j.id());
        assertEquals(Set.of("CVE-2021-44228"), log4j.aliases(), "related ids without the id itself");
        assertEquals(Severity.CRITICAL, log4j.severity());
        assertEquals("Grype severity Critical", log4j.severitySource());
        assertEquals("4.0", log4j.cvssVersion(), "the highest CVSS version, also from related vulnerabilities");
        assertEquals(9.9, log4j.cvssScore());
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", log4j.component(), "from the POM coordinates");
        assertEquals("/app/lib/log4j-core-2.14.1.jar", log4j.path(), "the first location");
        assertEquals("Remote code injection in Log4j", log4j.message());
        assertEquals("grype:GHSA-jfh8-c2jp-5v3q|pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", log4j.fingerprint());
        assertNull(log4j.suppressedBy());

        Finding tar = read.get(1);
        assertEquals(Severity.INFO, tar.severity(), "Negligible");
        assertEquals("pkg:deb/debian/tar@1.30%2Bdfsg-6?arch=amd64", tar.component(), "Grype's purl as it is");
        assertNull(tar.cvssVersion());
        assertEquals("CVE-2005-2541 in tar 1.30+dfsg-6", tar.message());
    }

    @Test
    void ignoredMatchesAreSuppressedNamingTheRule() throws IOException {
        Finding ignored = read(RECENT).get(2);
        assertEquals("CVE-2022-1", ignored.id());
        assertEquals("pkg:pypi/requests@2.0.0", ignored.component());
        assertNull(ignored.path());
        assertEquals("ignored by Grype rule: vulnerability=CVE-2022-1, reason=not reachable, package.name=requests", ignored.suppressedBy());
    }

    @Test
    void theDescriptorAfterTheMatchesGivesTheVersionAtTheEnd() throws IOException {
        List<Finding> read = read(RECENT);
        assertNull(read.get(0).toolVersion(), "not known when the match was read");
        assertEquals(List.of("Grype 0.96.0"), recorded.tools);
        String descriptorFirst = """
                {"descriptor": {"name": "grype", "version": "0.96.0"},
                 "matches": [{"vulnerability": {"id": "CVE-1", "severity": "Low"}, "artifact": {"name": "x", "type": "npm"}}]}
                """;
        assertEquals("0.96.0", read(descriptorFirst).get(0).toolVersion());
    }

    @Test
    void grypeSevenScoresAndNoMatches() throws IOException {
        List<Finding> old = read("""
                {"matches": [{"vulnerability": {"id": "CVE-2019-3902", "severity": "Medium",
                    "cvssV2": {"baseScore": 5.8, "vector": "AV:N/AC:M/Au:N/C:N/I:P/A:P"},
                    "cvssV3": {"baseScore": 5.9, "vector": "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N"}},
                  "artifact": {"name": "mercurial", "version": "4.8.2-1", "type": "deb", "locations": [{"path": "/var/lib/dpkg/status"}]}}],
                 "descriptor": {"name": "grype", "version": "0.7.0"}}
                """);
        assertEquals(1, old.size());
        assertEquals("3.0", old.get(0).cvssVersion());
        assertEquals(5.9, old.get(0).cvssScore());
        assertEquals("pkg:generic/mercurial@4.8.2-1", old.get(0).component(), "no purl and no distribution: generic");
        assertEquals(List.of(), read("{\"matches\": [], \"source\": {}, \"descriptor\": {\"version\": \"0.7.0\"}}"));
    }

    @Test
    void aMatchWithoutSeverityIsUnknown() throws IOException {
        Finding finding = read("{\"matches\": [{\"vulnerability\": {\"id\": \"CVE-2024-26308\"}, \"artifact\": {\"name\": \"x\", \"type\": \"npm\"}}]}").get(0);
        assertEquals(Severity.UNKNOWN, finding.severity());
        assertEquals("Grype gave no severity", finding.severitySource());
    }

    @Test
    void brokenReportsAreErrorsNamingThePlace() {
        ReportParseException truncated = assertThrows(ReportParseException.class,
                () -> read("{\"matches\": [\n  {\"vulnerability\": {\"id\": \"CVE-1\""));
        assertTrue(truncated.getMessage().contains("grype.json at line 2, column"), truncated.getMessage());
        ReportParseException noId = assertThrows(ReportParseException.class,
                () -> read("{\"matches\": [\n  {\"vulnerability\": {}, \"artifact\": {}}]}"));
        assertTrue(noId.getMessage().contains("line 2, column 3"), noId.getMessage());
        ReportParseException notGrype = assertThrows(ReportParseException.class, () -> read("{\"results\": []}"));
        assertTrue(notGrype.getMessage().contains("expected a Grype JSON report"), notGrype.getMessage());
        assertThrows(ReportParseException.class, () -> read("{\"matches\": {}}"));
        assertThrows(ReportParseException.class, () -> read("{\"matches\": [1]}"));
        assertThrows(ReportParseException.class, () -> read(""));
        assertThrows(ReportParseException.class, () -> read("[]"));
    }
}
