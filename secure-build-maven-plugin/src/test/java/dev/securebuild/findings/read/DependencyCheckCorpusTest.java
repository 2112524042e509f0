package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.Severity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every Dependency-Check report of the shared scanner samples (../shared/scanner-samples/dependency-check, xml and
 * json, when it is there) is read, and its findings are counted against the vulnerability and suppressed
 * vulnerability entries the file holds, counted here from the whole DOM or JSON tree, independently of the streaming
 * readers.
 */
class DependencyCheckCorpusTest {

    @Test
    void everyXmlSampleIsReadWithTheVulnerabilitiesItHolds() throws Exception {
        List<Path> files = ScannerSamples.files("dependency-check/xml");
        assertTrue(files.size() >= 13, "expected the 13 Dependency-Check XML samples, found " + files.size());
        List<Finding> all = new ArrayList<>();
        for (Path file : files) {
            Document document = dom(file);
            int expected = document.getElementsByTagNameNS("*", "vulnerability").getLength()
                    + document.getElementsByTagNameNS("*", "suppressedVulnerability").getLength();
            int suppressed = document.getElementsByTagNameNS("*", "suppressedVulnerability").getLength();
            List<Finding> findings = new DependencyCheckXmlReader().read(file);
            assertEquals(expected, findings.size(), file + ": findings against vulnerability and suppressedVulnerability elements");
            assertEquals(suppressed, findings.stream().filter(f -> f.suppressedBy() != null).count(), file + ": suppressed findings");
            checkEach(file, findings);
            all.addAll(findings);
        }
        assertTrue(all.size() > 140, "the samples hold about 150 vulnerabilities; read " + all.size());
        assertTrue(all.stream().anyMatch(f -> f.component().startsWith("pkg:maven/") && f.cvssScore() != null && f.cvssVersion().startsWith("3")),
                "some finding has a Maven package URL and a CVSS v3 score");
        assertTrue(all.stream().anyMatch(f -> f.component().startsWith("pkg:npm/")), "some finding is of an npm package");
        assertTrue(all.stream().anyMatch(f -> "2.0".equals(f.cvssVersion())), "schema 1 reports score CVSS v2 only");
        assertTrue(all.stream().anyMatch(f -> f.suppressedBy() != null && f.suppressedBy().contains("pax-logging-log4j2")),
                "the notes of a suppression are kept");

        // PR6439 (engine 7.3.0, schema 2.5): jackson-databind's CVE-2022-42003 is scored by CVSS 3.1, woodstox's
        // CVE-2022-40152 by v2 only, undertow's CVE-2016-6311 by a v3 block that gives no version.
        Path pr6439 = files.stream().filter(f -> f.getFileName().toString().equals("PR6439_large.xml")).findFirst().orElseThrow();
        List<Finding> large = new DependencyCheckXmlReader().read(pr6439);
        Finding jackson = find(large, "CVE-2022-42003");
        assertEquals("7.3.0", jackson.toolVersion());
        assertEquals("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.3", jackson.component());
        assertEquals("3.1", jackson.cvssVersion());
        assertEquals(7.5, jackson.cvssScore());
        assertEquals(Severity.HIGH, jackson.severity());
        assertEquals("2.0", find(large, "CVE-2022-40152").cvssVersion());
        assertEquals("3.x", find(large, "CVE-2016-6311").cvssVersion());
        assertEquals(Severity.CRITICAL, find(large, "CVE-2021-44228").severity());
        assertTrue(find(large, "CVE-2021-44228").suppressedBy().startsWith("suppressed by a Dependency-Check suppression file: file name: pax-logging-log4j2"));
    }

    @Test
    void everyJsonSampleIsReadWithTheVulnerabilitiesItHolds() throws IOException {
        List<Path> files = ScannerSamples.files("dependency-check/json");
        assertTrue(files.size() >= 4, "expected the 4 Dependency-Check JSON samples, found " + files.size());
        List<Finding> all = new ArrayList<>();
        for (Path file : files) {
            JsonNode report = new ObjectMapper().readTree(file.toFile());
            int expected = 0;
            int suppressed = 0;
            for (JsonNode dependency : report.path("dependencies")) {
                expected += dependency.path("vulnerabilities").size() + dependency.path("suppressedVulnerabilities").size();
                suppressed += dependency.path("suppressedVulnerabilities").size();
            }
            List<Finding> findings = new DependencyCheckJsonReader().read(file);
            assertEquals(expected, findings.size(), file + ": findings against vulnerabilities and suppressedVulnerabilities");
            assertEquals(suppressed, findings.stream().filter(f -> f.suppressedBy() != null).count(), file + ": suppressed findings");
            String engineVersion = report.path("scanInfo").path("engineVersion").asText();
            findings.forEach(f -> assertEquals(engineVersion, f.toolVersion(), file + ": the engine version"));
            checkEach(file, findings);
            all.addAll(findings);
        }
        assertTrue(all.size() > 40, "read " + all.size());
        assertTrue(all.stream().anyMatch(f -> f.component().startsWith("pkg:maven/") && f.cvssScore() != null), "a Maven package URL with a CVSS score");
        Finding v4 = all.stream().filter(f -> f.id().equals("CVE-2024-9329")).findFirst().orElseThrow();
        assertEquals("4.0", v4.cvssVersion(), "v4 is preferred to the v3 score beside it");
        assertEquals(6.9, v4.cvssScore());
        assertEquals("org.glassfish.hk2.osgi-resource-locator-1.0.3.jar", v4.component(), "no package URL in that report: the file name");
    }

    private static Finding find(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no finding " + id));
    }

    private static void checkEach(Path file, List<Finding> findings) {
        for (Finding f : findings) {
            assertEquals("OWASP Dependency-Check", f.tool(), file.toString());
            assertEquals(FindingKind.DEPENDENCY, f.kind(), file.toString());
            assertTrue(!f.id().isBlank() && f.id().equals(f.id().strip()), file + ": id " + f.id());
            assertTrue(f.component() != null && !f.component().isBlank(), file + ": a finding without a component");
            assertEquals("dependency-check:" + f.id() + "|" + f.component(), f.fingerprint(), file.toString());
            assertTrue(f.message() != null && !f.message().isBlank() && f.message().length() <= 200 && !f.message().contains("\n"),
                    file + ": message " + f.message());
            assertTrue(f.aliases().isEmpty(), file + ": Dependency-Check gives no aliases");
            assertTrue(f.cvssScore() == null || f.cvssVersion() != null, file + ": a score without its version");
        }
    }

    private static Document dom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
