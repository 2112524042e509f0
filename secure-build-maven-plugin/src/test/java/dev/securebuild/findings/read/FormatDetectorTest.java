package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;

class FormatDetectorTest {

    @TempDir
    Path dir;

    private ReportFormat detect(String content) throws IOException {
        return new FormatDetector().detect(Files.writeString(dir.resolve("report"), content));
    }

    private String rejected(String content) {
        return assertThrows(ReportParseException.class, () -> detect(content)).getMessage();
    }

    @Test
    void jsonFormatsAreToldByTheirKeysWhateverTheFileIsCalled() throws IOException {
        assertEquals(ReportFormat.SARIF, detect("{\"version\":\"2.1.0\",\"runs\":[]}"));
        assertEquals(ReportFormat.SARIF, detect("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\"}"));
        assertEquals(ReportFormat.CYCLONEDX_JSON, detect("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\"}"));
        assertEquals(ReportFormat.OPENVEX, detect("{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":[]}"));
        assertEquals(ReportFormat.TRIVY, detect("{\"SchemaVersion\":2,\"Results\":[]}"));
        assertEquals(ReportFormat.TRIVY, detect("null"));
        assertEquals(ReportFormat.TRIVY, detect("[{\"Target\":\"app.jar\",\"Vulnerabilities\":null}]"));
        assertEquals(ReportFormat.GRYPE, detect("{\"matches\":[],\"descriptor\":{\"name\":\"grype\"}}"));
        assertEquals(ReportFormat.DEPENDENCY_CHECK_JSON, detect("{\"reportSchema\":\"1.1\",\"scanInfo\":{},\"dependencies\":[]}"));
        assertEquals(ReportFormat.OSV_SCANNER, detect("{\"results\":[{\"source\":{\"path\":\"pom.xml\"},\"packages\":[]}]}"));
        assertEquals(ReportFormat.OSV_SCANNER, detect("{\"results\":[],\"experimental_config\":{}}"));
    }

    @Test
    void aDecisiveKeyAfterLargeUnknownOnesIsStillFound() throws IOException {
        assertEquals(ReportFormat.GRYPE, detect("{\"x\":{\"deep\":[1,2,{\"runs\":[]}]},\"matches\":[]}"));
    }

    @Test
    void xmlFormatsAreToldByTheirRootElement() throws IOException {
        assertEquals(ReportFormat.DEPENDENCY_CHECK_XML,
                detect("\uFEFF<?xml version=\"1.0\"?>\n<analysis xmlns=\"https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd\"/>"));
        assertEquals(ReportFormat.CYCLONEDX_XML, detect("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\" version=\"1\"/>"));
    }

    @Test
    void anEmptyFileIsAnErrorNotNoFindings() {
        assertTrue(rejected("").contains("the file is empty"));
        assertTrue(rejected("  \n").contains("the file is empty"));
    }

    @Test
    void unsupportedFormatsAreNamedWithWhatToDoInstead() {
        String semgrep = rejected("{\"results\":[{\"check_id\":\"x\"}],\"errors\":[]}");
        assertTrue(semgrep.contains("Semgrep") && semgrep.contains("--sarif"), semgrep);
        String spotbugs = rejected("<BugCollection version=\"4.8\"/>");
        assertTrue(spotbugs.contains("line 1") && spotbugs.contains("SpotBugs"), spotbugs);
        String unknown = rejected("{\"hello\":1}");
        assertTrue(unknown.contains("[hello]") && unknown.contains(FormatDetector.EXPECTED), unknown);
        assertTrue(rejected("[\"not\", \"a\", \"document\"]").contains("expected"));
        assertTrue(rejected("42").contains("line 1, column 1"));
    }

    @Test
    void brokenContentNamesThePosition() throws IOException {
        String json = rejected("{\"runs\" [}");
        assertTrue(json.contains("line 1, column 9") && json.contains("not valid JSON"), json);
        Path file = dir.resolve("broken.xml");
        Files.write(file, "<analysis>\n<dependencies>\n</analysis>".getBytes(StandardCharsets.UTF_8));
        // The root element is enough to tell the format: the reader reports the broken nesting with its position.
        assertEquals(ReportFormat.DEPENDENCY_CHECK_XML, new FormatDetector().detect(file));
        String notXml = rejected("<analysis");
        assertTrue(notXml.contains("line 1") && notXml.contains("not well-formed XML"), notXml);
    }

    @Test
    void aMissingFileIsAnError() {
        ReportParseException e = assertThrows(ReportParseException.class, () -> new FormatDetector().detect(dir.resolve("absent.json")));
        assertTrue(e.getMessage().contains("absent.json") && e.getMessage().contains("no such report file"));
    }
}
