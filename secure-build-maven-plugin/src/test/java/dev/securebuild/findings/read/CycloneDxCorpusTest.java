package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every CycloneDX file of the shared scanner samples (its vex folder included) is read, and its findings and VEX
 * statements are counted against what the file holds, counted here from the whole JSON tree or XML DOM: one finding
 * per vulnerability and distinct affected ref (one for a vulnerability that names none), one statement per
 * vulnerability with an analysis state. Files named MALFORMED must be rejected.
 */
class CycloneDxCorpusTest {

    private static final String EXTENSION = "http://cyclonedx.org/schema/ext/vulnerability/1.0";

    @Test
    void everyCycloneDxSampleIsReadWithTheVulnerabilitiesItHolds() throws Exception {
        List<Path> files = ScannerSamples.files("cyclonedx");
        assertTrue(files.size() >= 15, "expected the 15 CycloneDX samples, found " + files.size());
        int findings = 0;
        int statements = 0;
        List<String> inventories = new ArrayList<>();
        for (Path file : files) {
            boolean xml = file.getFileName().toString().endsWith(".xml");
            if (file.getFileName().toString().contains("MALFORMED")) {
                ReportParseException e = assertThrows(ReportParseException.class, () -> reader(xml).read(file, new SinkRecording()));
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                continue;
            }
            if (!xml && inventory(file)) {
                ReportParseException e = assertThrows(ReportParseException.class, () -> reader(false).read(file, new SinkRecording()));
                assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
                inventories.add(file.getFileName().toString());
                continue;
            }
            int[] expected = xml ? countXml(file) : countJson(file);
            SinkRecording read = SinkRecording.of(reader(xml), file);
            assertEquals(expected[0], read.findings.size(), file + ": findings against vulnerabilities x distinct affected refs");
            assertEquals(expected[1], read.statements.size(), file + ": statements against vulnerabilities with an analysis state");
            assertEquals(1, read.tools.size(), file + ": the tool is announced once");
            Set<String> describedByPurl = xml ? Set.of() : bomRefsOfComponentsWithPurl(file);
            for (Finding finding : read.findings) {
                assertFalse(finding.tool().isBlank(), file + ": a finding without a tool");
                assertFalse(finding.id().isBlank(), file + ": a finding without an id");
                assertTrue(finding.fingerprint().startsWith("cyclonedx:" + finding.id() + "|"), file + ": " + finding.fingerprint());
                assertFalse(describedByPurl.contains(finding.component()), file + ": bom-ref " + finding.component() + " was not resolved to its purl");
            }
            findings += read.findings.size();
            statements += read.statements.size();
        }
        assertTrue(findings > 350, "the samples hold hundreds of vulnerabilities (312 in the Grype XML alone); read " + findings);
        assertTrue(statements >= 13, "the samples hold analysis states; read " + statements);
        // Trivy's SBOM of the fluentd image: made without vulnerability scanning (the same image has vulnerabilities in
        // Trivy's JSON golden file), with the empty array Trivy writes regardless.
        assertEquals(List.of("trivy-fluentd-multiple-lockfiles.cdx.json"), inventories, "the samples refused as inventories");
    }

    /** No vulnerabilities member, or Trivy's empty array (which Trivy writes also when it did not scan). */
    private static boolean inventory(Path file) throws IOException {
        JsonNode bom = new ObjectMapper().readTree(file.toFile());
        if (!bom.path("vulnerabilities").isArray()) {
            return true;
        }
        JsonNode tools = bom.path("metadata").path("tools");
        String tool = (tools.isArray() ? tools.path(0) : tools.path("components").path(0)).path("name").asText("");
        return tool.toLowerCase(java.util.Locale.ROOT).contains("trivy") && bom.path("vulnerabilities").isEmpty();
    }

    private static ReportReader reader(boolean xml) {
        return xml ? new CycloneDxXmlReader() : new CycloneDxJsonReader();
    }

    private static int[] countJson(Path file) throws IOException {
        int findings = 0;
        int statements = 0;
        for (JsonNode vulnerability : new ObjectMapper().readTree(file.toFile()).path("vulnerabilities")) {
            Set<String> refs = new HashSet<>();
            vulnerability.path("affects").forEach(affect -> refs.add(affect.path("ref").asText()));
            findings += Math.max(1, refs.size());
            statements += vulnerability.path("analysis").hasNonNull("state") ? 1 : 0;
        }
        return new int[] {findings, statements};
    }

    private static Set<String> bomRefsOfComponentsWithPurl(Path file) throws IOException {
        Set<String> refs = new LinkedHashSet<>();
        JsonNode bom = new ObjectMapper().readTree(file.toFile());
        collect(bom.path("components"), refs);
        collect(List.of(bom.path("metadata").path("component")), refs);
        return refs;
    }

    private static void collect(Iterable<JsonNode> components, Set<String> refs) {
        for (JsonNode component : components) {
            String ref = component.path("bom-ref").asText("");
            String purl = component.path("purl").asText("");
            if (!ref.isEmpty() && !purl.isEmpty() && !ref.equals(purl)) {
                refs.add(ref);
            }
            collect(component.path("components"), refs);
        }
    }

    private static int[] countXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        int findings = 0;
        int statements = 0;
        NodeList vulnerabilities = document.getElementsByTagNameNS("*", "vulnerability");
        for (int i = 0; i < vulnerabilities.getLength(); i++) {
            Element vulnerability = (Element) vulnerabilities.item(i);
            if (EXTENSION.equals(vulnerability.getNamespaceURI())) {
                findings++;
                continue;
            }
            Set<String> refs = new HashSet<>();
            for (Element target : children(vulnerability, "affects", "target")) {
                children(target, "ref").forEach(ref -> refs.add(ref.getTextContent().strip()));
            }
            findings += Math.max(1, refs.size());
            statements += children(vulnerability, "analysis", "state").isEmpty() ? 0 : 1;
        }
        return new int[] {findings, statements};
    }

    /** The elements at the path of local names below {@code parent}. */
    private static List<Element> children(Element parent, String... path) {
        List<Element> level = List.of(parent);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element element : level) {
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element e && name.equals(e.getLocalName())) {
                        next.add(e);
                    }
                }
            }
            level = next;
        }
        return level;
    }
}
