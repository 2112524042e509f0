package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Outcome;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlWriterTest {

    private static Document parse(CheckResult result) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlWriter.write(result, out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void countsOfTestsFailuresAndSkipped() throws Exception {
        Document xml = parse(TestResults.failing());
        Element suites = xml.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertEquals("secure-build check-findings", suite.getAttribute("name"));
        for (Element counted : List.of(suites, suite)) {
            assertEquals("9", counted.getAttribute("tests"), "eight findings and one policy violation");
            assertEquals("4", counted.getAttribute("failures"), "three blocking findings and the violation");
            assertEquals("3", counted.getAttribute("skipped"), "excepted, not affected, suppressed");
            assertEquals("0", counted.getAttribute("errors"));
        }
        assertEquals(9, xml.getElementsByTagName("testcase").getLength());
        assertEquals(4, xml.getElementsByTagName("failure").getLength());
        assertEquals(3, xml.getElementsByTagName("skipped").getLength());
        assertEquals(2, xml.getElementsByTagName("system-out").getLength(), "the warnings pass with their reason");
        assertEquals("2024-03-01T10:15:30", suite.getAttribute("timestamp"));
    }

    @Test
    void testCasesNameTheFindingAndTheFailureSaysWhyItBlocks() throws Exception {
        NodeList cases = parse(TestResults.failing()).getElementsByTagName("testcase");
        Element log4j = (Element) cases.item(0);
        assertEquals("secure-build.dependency", log4j.getAttribute("classname"));
        assertEquals("CVE-2021-44228 in pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", log4j.getAttribute("name"));
        Element failure = (Element) log4j.getElementsByTagName("failure").item(0);
        assertEquals("critical", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").contains("threshold HIGH"));
        assertTrue(failure.getTextContent().contains("- Trivy 1.0: CVE-2021-44228"), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("- Grype 1.0: GHSA-jfh8-c2jp-5v3q"), failure.getTextContent());

        Element xss = (Element) cases.item(1);
        assertEquals("java/xss in src/main/java/dev/example/Web Page.java:12", xss.getAttribute("name"));
        assertTrue(xss.getTextContent().contains(TestResults.SCRIPT_MESSAGE), "markup in a message survives as text");

        Element excepted = (Element) cases.item(5);
        assertTrue(((Element) excepted.getElementsByTagName("skipped").item(0)).getAttribute("message").startsWith("excepted: cleared by exception E-1"));
        Element violation = (Element) cases.item(8);
        assertEquals("secure-build.policy", violation.getAttribute("classname"));
        assertEquals("policy", ((Element) violation.getElementsByTagName("failure").item(0)).getAttribute("type"));
    }

    @Test
    void aPassingCheckHasNoFailureAndControlCharactersDoNotBreakTheXml() throws Exception {
        Document xml = parse(TestResults.passing());
        assertEquals("0", xml.getDocumentElement().getAttribute("failures"));
        assertEquals("1", xml.getDocumentElement().getAttribute("tests"));

        CheckResult odd = new CheckResult(false, TestResults.CHECKED, "p", List.of(), 1, List.of(TestResults.decision(Outcome.BLOCKING,
                "bell \u0007 and escape \u001b[31m in a reason", null, TestResults.code("Semgrep", "rule", dev.securebuild.findings.Severity.HIGH,
                        "a.js", 1, "x", null))), List.of(), List.of(), List.of());
        Element failure = (Element) parse(odd).getElementsByTagName("failure").item(0);
        assertEquals("bell \uFFFD and escape \uFFFD[31m in a reason", failure.getAttribute("message"));
        assertTrue(Set.of("0").contains(parse(odd).getDocumentElement().getAttribute("skipped")));
    }
}
