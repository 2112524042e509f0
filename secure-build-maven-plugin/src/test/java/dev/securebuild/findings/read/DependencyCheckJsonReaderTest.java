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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.Severity;

class DependencyCheckJsonReaderTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("dependency-check-report.json"), json);
    }

    private List<Finding> read(String json) throws IOException {
        return new DependencyCheckJsonReader().read(write(json));
    }

    private static final String DEPENDENCIES = """
            "dependencies": [
              {"isVirtual": false, "fileName": "jackson-databind-2.9.8.jar", "filePath": "/app/lib/jackson-databind-2.9.8.jar",
               "packages": [{"id": "pkg:javascript/x@1"}, {"id": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.8", "confidence": "HIGHEST"}],
               "vulnerabilityIds": [{"id": "cpe:2.3:a:fasterxml:jackson-databind:2.9.8:*:*:*:*:*:*:*"}],
               "relatedDependencies": [{"fileName": "copy.jar", "filePath": "/copy.jar", "packageIds": [{"id": "pkg:maven/a/b@1"}]}],
               "vulnerabilities": [
                 {"source": "NVD", "name": "CVE-2019-12384", "severity": "MEDIUM",
                  "cvssv2": {"score": 4.3, "severity": "MEDIUM", "version": "2.0"},
                  "cvssv3": {"baseScore": 5.9, "baseSeverity": "MEDIUM", "version": "3.1"},
                  "cwes": ["CWE-502"], "description": "FasterXML jackson-databind 2.x before 2.9.9.1 might allow attackers to have a variety of impacts.\\nMore.",
                  "notes": "", "references": [{"source": "MISC", "url": "https://github.com/advisories/GHSA-mx7p-6679-8g3q", "name": "GHSA-mx7p-6679-8g3q"}]},
                 {"source": "NVD", "name": "CVE-2024-9329", "severity": "MEDIUM",
                  "cvssv3": {"baseScore": 6.1, "version": "3.1"},
                  "cvssv4": {"version": "4.0", "baseScore": 6.9, "baseSeverity": "MEDIUM", "vectorString": "CVSS:4.0/AV:N"},
                  "description": "v4", "notes": ""},
                 {"source": "NVD", "name": "CVE-2010-0001", "cvssv2": {"score": 10.0}, "description": "v2 only", "notes": ""},
                 {"source": "NPM", "name": "GHSA-aaaa-bbbb-cccc", "unscored": "true", "severity": "low", "description": "", "notes": ""},
                 {"source": "RETIREJS", "name": "retire-1", "severity": "Unknown", "description": "d"},
                 {"source": "RETIREJS", "name": "retire-2", "severity": "UNKNOWN", "description": "d"}
               ],
               "suppressedVulnerabilities": [
                 {"source": "NVD", "name": "CVE-2020-36518", "cvssv3": {"baseScore": 7.5, "version": "3.1"},
                  "description": "deep nesting", "notes": "Only trusted JSON is bound.\\nTicket SEC-12."}
               ]},
              {"isVirtual": false, "fileName": "clean.jar", "filePath": "/app/lib/clean.jar", "packages": [{"id": "pkg:maven/o/clean@1"}]},
              {"isVirtual": true, "fileName": "old.dll", "filePath": "/app/old.dll",
               "identifiers": [{"type": "cpe", "name": "cpe:/a:x:y:1"}, {"type": "npm", "name": "@babel/code-frame:7.0.0"}],
               "vulnerabilities": [{"name": "CVE-2018-0002", "cvssScore": "7.5", "severity": "High", "description": "old style"}]}
            ]
            """;

    private static final String REPORT = """
            {"reportSchema": "1.1",
             "scanInfo": {"engineVersion": "12.1.1", "dataSource": [{"name": "NVD", "timestamp": "2025-01-01"}]},
             "projectInfo": {"name": "app", "reportDate": "2025-01-01", "credits": {"NVD": "nvd"}},
            """ + DEPENDENCIES + "}";

    @Test
    void eachVulnerabilityAndSuppressedVulnerabilityIsAFinding() throws IOException {
        SinkRecording recorded = DependencyCheckXmlReaderTest.findingsOnly(new DependencyCheckJsonReader(), write(REPORT));
        List<Finding> findings = recorded.findings;
        assertEquals(List.of("OWASP Dependency-Check 12.1.1"), recorded.tools);
        assertEquals(List.of("CVE-2019-12384", "CVE-2024-9329", "CVE-2010-0001", "GHSA-aaaa-bbbb-cccc", "retire-1", "retire-2", "CVE-2020-36518",
                "CVE-2018-0002"), findings.stream().map(Finding::id).toList(), "related dependencies make no findings");

        Finding jackson = findings.get(0);
        assertEquals("OWASP Dependency-Check", jackson.tool());
        assertEquals("12.1.1", jackson.toolVersion());
        assertEquals(FindingKind.DEPENDENCY, jackson.kind());
        assertEquals("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.8", jackson.component());
        assertEquals("/app/lib/jackson-databind-2.9.8.jar", jackson.path());
        assertEquals(Set.of(), jackson.aliases(), "a reference's name is not an id field");
        assertEquals("3.1", jackson.cvssVersion());
        assertEquals(5.9, jackson.cvssScore());
        assertEquals(Severity.MEDIUM, jackson.severity());
        assertEquals("CVSS 3.1 base score 5.9 (Dependency-Check)", jackson.severitySource());
        assertEquals("FasterXML jackson-databind 2.x before 2.9.9.1 might allow attackers to have a variety of impacts.", jackson.message());
        assertEquals("dependency-check:CVE-2019-12384|pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.8", jackson.fingerprint());
        assertNull(jackson.suppressedBy());

        assertEquals("4.0", findings.get(1).cvssVersion());
        assertEquals(6.9, findings.get(1).cvssScore());
        assertEquals("CVSS 4.0 base score 6.9 (Dependency-Check)", findings.get(1).severitySource());

        Finding v2 = findings.get(2);
        assertEquals("2.0", v2.cvssVersion());
        assertEquals(Severity.CRITICAL, v2.severity());

        Finding unscored = findings.get(3);
        assertEquals(Severity.LOW, unscored.severity());
        assertNull(unscored.cvssScore());
        assertEquals("Dependency-Check severity low", unscored.severitySource());
        assertEquals("GHSA-aaaa-bbbb-cccc", unscored.message());

        assertEquals(Severity.UNKNOWN, findings.get(4).severity());
        assertEquals(Severity.UNKNOWN, findings.get(5).severity());
        assertEquals("Dependency-Check severity UNKNOWN", findings.get(5).severitySource());

        Finding suppressed = findings.get(6);
        assertEquals(Severity.HIGH, suppressed.severity());
        assertEquals("suppressed by a Dependency-Check suppression file: Only trusted JSON is bound. Ticket SEC-12.", suppressed.suppressedBy());

        Finding old = findings.get(7);
        assertEquals("pkg:npm/%40babel/code-frame@7.0.0", old.component(), "an npm identifier of an old report becomes its package URL");
        assertEquals("2.0", old.cvssVersion());
        assertEquals(7.5, old.cvssScore());
    }

    @Test
    void aSeverityWordThatNamesNoSeverityIsRefusedNotCountedAsUnknown() {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read(REPORT.replace("\"UNKNOWN\"", "\"weird\"")));
        assertTrue(e.getMessage().matches(".*dependency-check-report\\.json at line \\d+, column \\d+: a vulnerability's severity \"weird\" is not a "
                + "severity; expected one of CRITICAL, HIGH, MEDIUM \\(or MODERATE\\), LOW, INFO, UNKNOWN"), e.getMessage());
    }

    @Test
    void dependenciesBeforeScanInfoAreStillRead() throws IOException {
        // As `jq -S` writes it: keys sorted, so "dependencies" comes before "scanInfo".
        String sorted = "{" + DEPENDENCIES + """
                , "projectInfo": {"name": "app"}, "reportSchema": "1.1", "scanInfo": {"engineVersion": "8.0.2"}}
                """;
        SinkRecording recorded = DependencyCheckXmlReaderTest.findingsOnly(new DependencyCheckJsonReader(), write(sorted));
        List<Finding> findings = recorded.findings;
        assertEquals(8, findings.size());
        assertEquals(List.of("OWASP Dependency-Check 8.0.2"), recorded.tools);
        findings.forEach(f -> assertEquals("8.0.2", f.toolVersion()));
    }

    @Test
    void noDependencyHasVulnerabilities() throws IOException {
        assertTrue(read("{\"reportSchema\":\"1.1\",\"scanInfo\":{\"engineVersion\":\"9.0.0\"},\"dependencies\":[]}").isEmpty());
        assertTrue(read("{\"scanInfo\":{\"engineVersion\":\"9.0.0\"},\"dependencies\":[{\"fileName\":\"a.jar\"}]}").isEmpty());
    }

    @Test
    void otherJsonIsNotADependencyCheckReport() throws IOException {
        ReportParseException trivy = assertThrows(ReportParseException.class, () -> read("{\"SchemaVersion\": 2, \"Results\": []}"));
        assertTrue(trivy.getMessage().endsWith("dependency-check-report.json at line 1, column 1: expected a Dependency-Check JSON report, an object with "
                + "\"scanInfo\" and \"dependencies\"; this object has neither \"scanInfo\" nor \"reportSchema\""), trivy.getMessage());
        ReportParseException array = assertThrows(ReportParseException.class, () -> read("[]"));
        assertTrue(array.getMessage().contains("at line 1, column 1: expected a Dependency-Check JSON report"), array.getMessage());
        ReportParseException empty = assertThrows(ReportParseException.class, () -> read(""));
        assertTrue(empty.getMessage().contains("the file is empty"), empty.getMessage());
        ReportParseException noDependencies = assertThrows(ReportParseException.class, () -> read("{\"scanInfo\":{\"engineVersion\":\"9\"}}"));
        assertTrue(noDependencies.getMessage().endsWith("this object has no \"dependencies\""), noDependencies.getMessage());
        ReportParseException notArray = assertThrows(ReportParseException.class, () -> read("{\"scanInfo\":{},\n\"dependencies\": {}}"));
        assertTrue(notArray.getMessage().endsWith("at line 2, column 17: expected \"dependencies\" to be an array of dependencies"), notArray.getMessage());
        ReportParseException vulnerabilities = assertThrows(ReportParseException.class,
                () -> read("{\"scanInfo\":{},\"dependencies\":[\n {\"fileName\":\"a\",\"vulnerabilities\":{}}]}"));
        assertTrue(vulnerabilities.getMessage().contains("at line 2, column 2: expected the dependency's \"vulnerabilities\" to be an array"),
                vulnerabilities.getMessage());
    }

    @Test
    void malformedJsonIsAnErrorNamingTheLine() throws IOException {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read(REPORT.replace("\"notes\": \"\"}", "\"notes\": \"\"")));
        assertTrue(e.getMessage().matches(".*dependency-check-report\\.json at line \\d+, column \\d+: not valid JSON \\(.+\\)"), e.getMessage());
        assertTrue(!e.getMessage().contains("line 1,"), "the line of the error, not of the start: " + e.getMessage());
        assertThrows(ReportParseException.class, () -> read(REPORT.substring(0, REPORT.length() / 2)));
    }
}
