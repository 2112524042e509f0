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
import dev.securebuild.findings.VexStatement;
import dev.securebuild.findings.VexStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CycloneDxJsonReaderTest {

    @TempDir
    Path dir;

    private SinkRecording read(String json) throws IOException {
        return SinkRecording.of(new CycloneDxJsonReader(), Files.writeString(dir.resolve("report.cdx.json"), json));
    }

    private static final String METADATA = """
            "metadata":{"tools":{"components":[{"type":"application","group":"aquasecurity","name":"trivy","version":"0.50.0"}]},
              "component":{"bom-ref":"app","name":"app","purl":"pkg:maven/com.example/app@1.0"}}""";

    private static final String COMPONENTS = """
            "components":[
              {"bom-ref":"lib-a","name":"a","purl":"pkg:maven/org.example/a@1.0","hashes":[{"alg":"SHA-1","content":"00"}],
               "components":[{"bom-ref":"nested-b","name":"b","purl":"pkg:npm/b@2.0"}]},
              {"bom-ref":"c-no-purl","group":"org.c","name":"c","version":"3"}]""";

    private static final String VULNERABILITIES = """
            "vulnerabilities":[
              {"id":"CVE-2024-0001","references":[{"id":"GHSA-aaaa-bbbb-cccc"},{"id":"CVE-2024-0001"}],
               "ratings":[{"method":"CVSSv2","score":9.0},{"method":"CVSSv31","score":6.5,"source":{"name":"NVD"}},
                          {"method":"CVSSv31","score":7.1,"severity":"high","source":{"name":"vendor"}},{"method":"CVSSv3","score":9.8},
                          {"method":"CVSSv31","severity":"critical"}],
               "description":"Remote code execution in a.\\nSecond line.","detail":"not this",
               "affects":[{"ref":"nested-b"},{"ref":"lib-a"}]},
              {"id":"CVE-2024-0002","ratings":[{"method":"other","severity":"medium"},{"severity":"high"},{"severity":"unknown"}],
               "detail":"Only a detail.",
               "affects":[{"ref":"urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#lib-a"},
                          {"ref":"urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:pypi/x@1.0"},
                          {"ref":"pkg:golang/example.com/y@v1.0.0"},{"ref":"unknown-ref"},{"ref":"c-no-purl"},{"ref":"app"}]},
              {"id":"CVE-2024-0003"},
              {"id":"CVE-2024-0004","ratings":[{"method":"CVSSv31","score":9.9},{"method":"CVSSv4","score":5.0}],
               "analysis":{"state":"not_affected","justification":"code_not_reachable","detail":"We never call it."},
               "affects":[{"ref":"lib-a"}]}]""";

    private static String bom(String... parts) {
        return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\n" + String.join(",\n", parts) + "}";
    }

    @Test
    void eachVulnerabilityAndAffectedComponentIsOneFinding() throws IOException {
        SinkRecording read = read(bom(METADATA, COMPONENTS, VULNERABILITIES));
        assertEquals(List.of("trivy 0.50.0"), read.tools, "the first tool of the 1.5 tools object");
        List<Finding> findings = read.findings;
        assertEquals(2 + 6 + 1 + 1, findings.size());

        Finding nested = findings.get(0);
        assertEquals("trivy", nested.tool());
        assertEquals("0.50.0", nested.toolVersion());
        assertEquals(FindingKind.DEPENDENCY, nested.kind());
        assertEquals("CVE-2024-0001", nested.id());
        assertEquals(Set.of("GHSA-aaaa-bbbb-cccc"), nested.aliases(), "references minus the id itself");
        assertEquals("pkg:npm/b@2.0", nested.component(), "a nested component's bom-ref resolves to its purl");
        assertEquals("cyclonedx:CVE-2024-0001|pkg:npm/b@2.0", nested.fingerprint());
        assertEquals("Remote code execution in a.", nested.message());
        assertEquals("pkg:maven/org.example/a@1.0", findings.get(1).component());
        assertEquals(dir.resolve("report.cdx.json").toString(), nested.report());

        assertEquals(List.of("pkg:maven/org.example/a@1.0", "pkg:pypi/x@1.0", "pkg:golang/example.com/y@v1.0.0", "unknown-ref", "org.c/c@3",
                        "pkg:maven/com.example/app@1.0"),
                findings.subList(2, 8).stream().map(Finding::component).toList(),
                "a BOM-Link to a local bom-ref, a BOM-Link naming a purl, a purl, an unknown ref kept as written, "
                        + "a component without purl by its name, metadata.component");
        assertEquals("Only a detail.", findings.get(2).message());

        Finding alone = findings.get(8);
        assertEquals("CVE-2024-0003", alone.id());
        assertNull(alone.component(), "a vulnerability that names no component is still a finding");
        assertEquals("cyclonedx:CVE-2024-0003|", alone.fingerprint());
        assertEquals(Severity.UNKNOWN, alone.severity());
        assertEquals("", alone.message());
        assertTrue(read.statements.size() == 1, "only the vulnerability with an analysis is a statement");
    }

    @Test
    void theNewestCvssMethodWithAScoreGivesTheSeverityThenTheWorstSeverityWord() throws IOException {
        List<Finding> findings = read(bom(METADATA, COMPONENTS, VULNERABILITIES)).findings;
        Finding cvss31 = findings.get(0);
        assertEquals(Severity.HIGH, cvss31.severity(), "CVSSv31 beats CVSSv3 and CVSSv2; of two CVSSv31 scores the higher");
        assertEquals(7.1, cvss31.cvssScore());
        assertEquals("3.1", cvss31.cvssVersion());
        assertEquals("CVSSv31 7.1 (vendor)", cvss31.severitySource());

        Finding words = findings.get(2);
        assertEquals(Severity.HIGH, words.severity(), "no score: the most severe word of any rating");
        assertNull(words.cvssScore());
        assertNull(words.cvssVersion());
        assertEquals("CycloneDX rating high", words.severitySource());

        Finding cvss4 = findings.get(9);
        assertEquals(Severity.MEDIUM, cvss4.severity(), "CVSSv4 5.0 beats CVSSv31 9.9");
        assertEquals("4.0", cvss4.cvssVersion());
    }

    @Test
    void aCvssV3RatingWithA31VectorIsCvss31() throws IOException {
        Finding finding = read(bom("""
                "vulnerabilities":[{"id":"CVE-1","ratings":[{"method":"CVSSv3","score":10.0,"vector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}]}]
                """)).findings.get(0);
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals("3.1", finding.cvssVersion());
    }

    @Test
    void theOrderOfComponentsMetadataAndVulnerabilitiesDoesNotMatter() throws IOException {
        List<Finding> usual = read(bom(METADATA, COMPONENTS, VULNERABILITIES)).findings;
        assertEquals(usual, read(bom(VULNERABILITIES, COMPONENTS, METADATA)).findings);
        assertEquals(usual, read(bom(COMPONENTS, VULNERABILITIES, METADATA)).findings);
        SinkRecording first = read(bom(VULNERABILITIES, METADATA, COMPONENTS));
        assertEquals(usual, first.findings);
        assertEquals(1, first.statements.size());
        assertEquals(List.of("trivy 0.50.0"), first.tools, "the tool is announced once");
    }

    @Test
    void theFirstToolOfA14ArrayElseCycloneDx() throws IOException {
        Finding grype = read(bom("""
                "metadata":{"tools":[{"vendor":"anchore","name":"grype","version":"0.41.0"},{"name":"other"}]}""",
                "\"vulnerabilities\":[{\"id\":\"CVE-1\"}]")).findings.get(0);
        assertEquals("grype", grype.tool());
        assertEquals("0.41.0", grype.toolVersion());
        SinkRecording unnamed = read(bom("\"vulnerabilities\":[{\"id\":\"CVE-1\"}]"));
        assertEquals("CycloneDX", unnamed.findings.get(0).tool());
        assertEquals(List.of("CycloneDX null"), unnamed.tools);
    }

    @Test
    void anAnalysisIsAStatementAndTheFindingStays() throws IOException {
        SinkRecording read = read(bom(METADATA, COMPONENTS, VULNERABILITIES));
        VexStatement statement = read.statements.get(0);
        assertEquals("CVE-2024-0004", statement.vulnerability());
        assertEquals(VexStatus.NOT_AFFECTED, statement.status());
        assertEquals("code_not_reachable", statement.justification());
        assertEquals("We never call it.", statement.statement());
        assertEquals(Set.of("pkg:maven/org.example/a@1.0"), statement.products());
        assertEquals(dir.resolve("report.cdx.json").toString(), statement.source());
        assertEquals("CVE-2024-0004", read.findings.get(9).id(), "the not_affected vulnerability is still a finding, for the policy to clear");
        assertNull(read.findings.get(9).suppressedBy());
    }

    @ParameterizedTest
    @CsvSource({"not_affected,NOT_AFFECTED", "false_positive,NOT_AFFECTED", "resolved,FIXED", "resolved_with_pedigree,FIXED",
            "exploitable,AFFECTED", "in_triage,UNDER_INVESTIGATION"})
    void analysisStatesMapOntoVexStatuses(String state, VexStatus status) throws IOException {
        SinkRecording read = read(bom("""
                "vulnerabilities":[{"id":"CVE-1","analysis":{"state":"%s"},"affects":[{"ref":"pkg:npm/x@1"}]}]""".formatted(state)));
        assertEquals(1, read.findings.size());
        assertEquals(status, read.statements.get(0).status());
        assertNull(read.statements.get(0).justification());
        assertEquals(Set.of("pkg:npm/x@1"), read.statements.get(0).products());
    }

    @Test
    void anUnknownAnalysisStateIsAnErrorNamingTheVulnerability() {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read(bom("""
                "vulnerabilities":[
                  {"id":"CVE-1","analysis":{"state":"maybe"}}]""")));
        assertTrue(e.getMessage().contains("report.cdx.json at line 3, column 3: vulnerability CVE-1 has analysis state \"maybe\"; expected one of"),
                e.getMessage());
    }

    @Test
    void brokenOrForeignFilesAreErrorsNamingThePlace() {
        assertError("{\"bomFormat\":\"CycloneDX\",\"vulnerabilities\":[{\"id\":", "at line 1, column \\d+: not valid JSON \\(.*\\)");
        assertError("[1]", "at line 1, column 1: expected a CycloneDX BOM, a JSON object with \"bomFormat\": \"CycloneDX\"");
        assertError("{}", "at line 1, column 1: expected a CycloneDX BOM, a JSON object with \"bomFormat\": \"CycloneDX\"; it has no \"bomFormat\"");
        assertError("{\"vulnerabilities\":[{\"id\":\"CVE-1\"}]}", "at line 1, column 1: expected a CycloneDX BOM.*no \"bomFormat\"");
        assertError("{\"bomFormat\":\"SPDX\"}", "at line 1, column 14: expected a CycloneDX BOM.*, not \"bomFormat\": SPDX");
        assertError(bom("\"vulnerabilities\":{}"), "at line 2, column 19: \"vulnerabilities\" must be an array of vulnerabilities");
        assertError(bom("\"components\":[{}]", "\"vulnerabilities\":[{\"description\":\"x\"}]"),
                "at line 3, column 20: expected a vulnerability with an \"id\"");
        assertError(bom("\"components\":{}"), "at line 2, column 14: \"components\" must be an array of components");
    }

    private void assertError(String json, String expected) {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read(json), json);
        assertTrue(e.getMessage().matches(".*report\\.cdx\\.json " + expected), e.getMessage());
    }

    @Test
    void aBomWithoutVulnerabilitiesIsAnInventoryNotAScan() throws IOException {
        String sbom = "\"metadata\":{\"tools\":{\"components\":[{\"name\":\"cyclonedx-maven-plugin\",\"version\":\"2.9.1\"}]}}";
        for (String inventory : List.of(bom(sbom, COMPONENTS), bom(sbom, COMPONENTS, "\"vulnerabilities\":null"))) {
            String message = assertThrows(ReportParseException.class, () -> read(inventory)).getMessage();
            assertTrue(message.startsWith(dir.resolve("report.cdx.json") + ": a CycloneDX BOM without \"vulnerabilities\" is an inventory of "
                    + "components (made by cyclonedx-maven-plugin), not a scan"), message);
            assertTrue(message.contains("grype sbom:bom.json") && message.contains("trivy sbom bom.json"), message);
        }
        assertEquals(0, read(bom(sbom, COMPONENTS, "\"vulnerabilities\":[]")).findings.size(), "an explicit empty array is a clean scan");
        assertEquals(0, read(bom("\"vulnerabilities\":[]", sbom, COMPONENTS)).findings.size(), "wherever the array comes");
    }

    @Test
    void trivysEmptyVulnerabilitiesCannotShowAScan() throws IOException {
        String message = assertThrows(ReportParseException.class, () -> read(bom(METADATA, COMPONENTS, "\"vulnerabilities\":[]"))).getMessage();
        assertTrue(message.contains("a CycloneDX BOM by Trivy with an empty \"vulnerabilities\" array cannot show a scan")
                && message.contains("--scanners vuln") && message.contains("--format json"), message);
        assertEquals(1, read(bom(METADATA, COMPONENTS, "\"vulnerabilities\":[{\"id\":\"CVE-1\"}]")).findings.size());
    }
}
