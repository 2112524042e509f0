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

import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.VexStatement;
import dev.securebuild.findings.VexStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenVexReaderTest {

    @TempDir
    Path dir;

    private SinkRecording read(String json) throws IOException {
        return SinkRecording.of(new OpenVexReader(), Files.writeString(dir.resolve("vex.json"), json));
    }

    private static final String STATEMENTS = """
            "statements":[
              {"vulnerability":{"@id":"https://pkg.go.dev/vuln/GO-2024-2575","name":"GO-2024-2575","aliases":["CVE-2024-26147","GHSA-r53h-jv2g-vpx6"]},
               "products":[{"@id":"pkg:golang/github.com/example/app","identifiers":{"purl":"pkg:golang/github.com/example/app@v1.2.0"},
                            "subcomponents":[{"@id":"pkg:golang/helm.sh/helm/v3","identifiers":{"purl":"pkg:golang/helm.sh/helm/v3@v3.14.0"}}]}],
               "status":"not_affected","justification":"vulnerable_code_not_in_execute_path","impact_statement":"Never called."},
              {"vulnerability":{"@id":"CVE-2024-0002"},"products":[{"@id":"pkg:npm/x@1"}],"status":"affected","action_statement":"Upgrade x."},
              {"vulnerability":{"name":"CVE-2024-0003"},"status":"fixed","status_notes":"Fixed in 2.0."},
              {"vulnerability":{"name":"CVE-2024-0004"},"products":[{"@id":"pkg:npm/y@1"}],"status":"under_investigation"}]""";

    @Test
    void eachStatementIsOneVexStatementAndNoFinding() throws IOException {
        SinkRecording read = read("""
                {"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://example.com/vex-1","author":"Example Org","version":1,
                %s}""".formatted(STATEMENTS));
        assertTrue(read.findings.isEmpty());
        List<VexStatement> statements = read.statements;
        assertEquals(4, statements.size());

        VexStatement helm = statements.get(0);
        assertEquals("GO-2024-2575", helm.vulnerability(), "the name rather than a URL @id");
        assertEquals(Set.of("CVE-2024-26147", "GHSA-r53h-jv2g-vpx6"), helm.aliases());
        assertEquals(Set.of("pkg:golang/github.com/example/app", "pkg:golang/github.com/example/app@v1.2.0", "pkg:golang/helm.sh/helm/v3",
                "pkg:golang/helm.sh/helm/v3@v3.14.0"), helm.products());
        assertEquals(VexStatus.NOT_AFFECTED, helm.status());
        assertEquals("vulnerable_code_not_in_execute_path", helm.justification());
        assertEquals("Never called.", helm.statement());
        assertEquals(dir.resolve("vex.json") + " (Example Org)", helm.source());

        VexStatement affected = statements.get(1);
        assertEquals("CVE-2024-0002", affected.vulnerability(), "the @id when there is no name");
        assertEquals(VexStatus.AFFECTED, affected.status());
        assertEquals("Upgrade x.", affected.statement());
        assertNull(affected.justification());

        VexStatement fixed = statements.get(2);
        assertEquals(VexStatus.FIXED, fixed.status());
        assertEquals(Set.of(), fixed.products(), "no products: every product");
        assertEquals("Fixed in 2.0.", fixed.statement());
        assertEquals(VexStatus.UNDER_INVESTIGATION, statements.get(3).status());
    }

    @Test
    void theOlderContextAndItsPlainStrings() throws IOException {
        List<VexStatement> statements = read("""
                {"@context":"https://openvex.dev/ns","author":"Bot",
                 "statements":[{"vulnerability":"CVE-2023-1","products":["pkg:maven/org.example/a@1.0"],"subcomponents":["pkg:maven/org.example/b@2.0"],
                                "status":"not_affected","justification":"component_not_present"}]}
                """).statements;
        assertEquals(1, statements.size());
        assertEquals("CVE-2023-1", statements.get(0).vulnerability());
        assertEquals(Set.of("pkg:maven/org.example/a@1.0", "pkg:maven/org.example/b@2.0"), statements.get(0).products());
        assertEquals(1, read("{\"@context\":[\"https://openvex.dev/ns/v0.0.1\"],\"statements\":[{\"vulnerability\":\"CVE-1\",\"status\":\"fixed\"}]}")
                .statements.size(), "a JSON-LD array of contexts");
    }

    @Test
    void statementsBeforeTheContextAreReadOnceTheContextIsKnown() throws IOException {
        SinkRecording read = read("{%s,\n\"author\":\"Late Author\",\"@context\":\"https://openvex.dev/ns/v0.2.0\"}".formatted(STATEMENTS));
        assertEquals(4, read.statements.size());
        assertEquals(dir.resolve("vex.json") + " (Late Author)", read.statements.get(0).source());
    }

    @Test
    void notAffectedWithoutJustificationOrImpactIsRejectedNamingTheStatement() {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read("""
                {"@context":"https://openvex.dev/ns/v0.2.0","statements":[
                  {"vulnerability":{"name":"CVE-1"},"status":"fixed"},
                  {"vulnerability":{"name":"CVE-2"},"products":[{"@id":"pkg:npm/x@1"}],"status":"not_affected","status_notes":"trust me"}]}
                """));
        assertTrue(e.getMessage().endsWith("vex.json at line 3, column 3: statement 2: status not_affected for CVE-2 needs a justification or an "
                + "impact_statement (OpenVEX); expected one of them"), e.getMessage());
        assertEquals(1, assertThrows(ReportParseException.class, () -> read("""
                {"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-2"},"status":"not_affected","impact_statement":" "}]}
                """)).getMessage().split("statement 1: status not_affected").length - 1, "a blank impact statement is none");
    }

    @Test
    void foreignOrBrokenFilesAreErrorsNamingThePlace() {
        String expected = "expected an OpenVEX document with @context https://openvex.dev/ns...";
        assertError("[\"not\", \"a\", \"document\"]", "at line 1, column 1: " + expected);
        assertError("{}", "at line 1, column 1: " + expected + "; it has no @context");
        assertError("{\"statements\":[]}", "at line 1, column 1: " + expected + "; it has no @context");
        assertError("{\"@context\":\"https://cyclonedx.org\"}", "at line 1, column 13: " + expected + "; found @context \"https://cyclonedx.org\"");
        assertError("{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":[{\"vulnerability\":{\"name\":\"CVE-1\"},\"status\":\"safe\"}]}",
                "at line 1, column 59: statement 1: status \"safe\"; expected one of not_affected, affected, fixed, under_investigation");
        assertError("{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":[{\"status\":\"fixed\"}]}",
                "at line 1, column 59: statement 1: expected a vulnerability with a name or @id");
        assertError("{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":{}}", "at line 1, column 58: \"statements\" must be an array of VEX statements");
        assertError("{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":[", "at line 1, column \\d+: not valid JSON \\(.*\\)");
    }

    private void assertError(String json, String expected) {
        ReportParseException e = assertThrows(ReportParseException.class, () -> read(json), json);
        assertTrue(e.getMessage().matches(".*vex\\.json " + expected.replace("...", "\\.\\.\\.")), e.getMessage());
    }
}
