package dev.securebuild.provenance.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatePolicyLoaderTest {

    @TempDir
    Path folder;

    @Test
    void readsRequiredWaivedAndApproval() throws IOException {
        GatePolicy policy = load("""
                version: 1
                required: [sign, findings, provenance]
                waived:
                  - check: reproducible
                    reason: "The rebuild runs nightly"
                    expires: 2027-06-30
                approval:
                  requiredForExceptions: true
                requireCleanSource: true
                """);
        assertEquals(List.of("sign", "findings", "provenance"), policy.required());
        assertTrue(policy.requireCleanSource());
        assertEquals(List.of(new GatePolicy.Waiver("reproducible", "The rebuild runs nightly", LocalDate.of(2027, 6, 30))), policy.waivers());
        assertTrue(policy.approvalRequiredForExceptions());
        assertTrue(policy.waivers().get(0).inForce(LocalDate.of(2027, 6, 30)));
        assertFalse(policy.waivers().get(0).inForce(LocalDate.of(2027, 7, 1)));
        assertTrue(policy.waivers().get(0).covers("g:any"), "without modules a waiver holds for every module");
    }

    @Test
    void readsWaiversOfSomeModulesByArtifactIdOrGroupIdAndArtifactIdPattern() throws IOException {
        GatePolicy policy = load("""
                version: 1
                required: [findings]
                waived:
                  - check: findings
                    modules: parent
                    reason: "A POM without code"
                  - check: findings
                    modules: ["com.example:*-docs", "*-bom"]
                    reason: "Documentation and BOMs"
                    expires: 2027-06-30
                """);
        assertEquals(2, policy.waivers().size());
        GatePolicy.Waiver parent = policy.waivers().get(0);
        assertTrue(parent.covers("com.example:parent"));
        assertFalse(parent.covers("com.example:parent-x"), "a pattern without * is the whole artifactId");
        GatePolicy.Waiver docs = policy.waivers().get(1);
        assertTrue(docs.covers("com.example:api-docs") && docs.covers("org.other:x-bom"));
        assertFalse(docs.covers("org.other:api-docs"), "the groupId part counts");
        assertEquals("findings (modules com.example:*-docs, *-bom)", docs.describe());
        LocalDate day = LocalDate.of(2027, 1, 1);
        assertEquals(docs, policy.waiver("findings", "com.example:api-docs", day).orElseThrow());
        assertTrue(policy.waiver("findings", "com.example:app", day).isEmpty());
        assertTrue(policy.waiver("sign", "com.example:parent", day).isEmpty());
    }

    @Test
    void aWaiverInForceIsChosenBeforeAnExpiredOneOfTheSameModule() throws IOException {
        GatePolicy policy = load("""
                version: 1
                waived:
                  - check: findings
                    reason: "old"
                    expires: 2026-01-31
                  - check: findings
                    modules: parent
                    reason: "no code"
                """);
        assertEquals("no code", policy.waiver("findings", "g:parent", LocalDate.of(2026, 12, 1)).orElseThrow().reason());
        assertEquals("old", policy.waiver("findings", "g:app", LocalDate.of(2026, 12, 1)).orElseThrow().reason(), "expired, for the message");
    }

    @Test
    void defaultsWhatIsNotGiven() throws IOException {
        GatePolicy policy = load("version: 1\n");
        assertEquals(GatePolicy.DEFAULT_REQUIRED, policy.required());
        assertTrue(policy.waivers().isEmpty());
        assertFalse(policy.approvalRequiredForExceptions());
        assertFalse(policy.requireCleanSource());
    }

    @Test
    void readsJson() throws IOException {
        Path file = folder.resolve("gate.json");
        Files.writeString(file, "{\"version\":1,\"required\":[\"sign\"],\"approval\":{\"requiredForExceptions\":false}}");
        assertEquals(List.of("sign"), GatePolicyLoader.load(file).required());
    }

    @Test
    void rejectsMistakesWithLineAndColumn() throws IOException {
        assertRejected("version: 1\nrequired: [sign, signs]\n", "line 2, column 18: required: expected one of sign, verify-signatures");
        assertRejected("version: 1\nrequierd: [sign]\n", "line 2, column 1: the policy: unknown key \"requierd\"");
        assertRejected("version: 1\nwaived:\n  - check: reproducible\n", "line 3, column 5: waived #1: expected \"reason\"");
        assertRejected("version: 1\nwaived:\n  - check: sign\n    reason: x\n    expires: next year\n", "line 5, column 14: waived #1.expires: expected a date");
        assertRejected("version: 2\n", "line 1, column 10: version: expected 1");
        assertRejected("required: [sign]\n", "expected \"version: 1\"");
        assertRejected("version: 1\napproval:\n  requiredForExceptions: yes please\n", "line 3, column 26: approval.requiredForExceptions: expected true or false");
        assertRejected("version: 1\nrequired: [sign, sign]\n", "\"sign\" is listed twice");
        assertRejected("version: 1\nrequireCleanSource: mostly\n", "line 2, column 21: requireCleanSource: expected true or false");
        assertRejected("version: 1\nversion: 1\n", "key \"version\" is given twice");
        assertRejected("", "the file is empty");
        assertRejected("version: 1\nrequired: [sign\n", "not valid YAML");
        assertRejected("version: 1\nwaived:\n  - check: findings\n    modules: \"a:b:c\"\n    reason: x\n",
                "line 4, column 14: waived #1.modules: expected an artifactId or groupId:artifactId pattern");
        assertRejected("version: 1\nwaived:\n  - check: findings\n    modules: [\"a b\"]\n    reason: x\n", "waived #1.modules: expected an artifactId");
        assertRejected("version: 1\nwaived:\n  - check: findings\n    modules: []\n    reason: x\n", "expected at least one module pattern");
        assertRejected("version: 1\nwaived:\n  - check: findings\n    modules: [a, b]\n    reason: x\n  - check: findings\n    modules: [b, a]\n    reason: y\n",
                "waived #2.check: \"findings\" is waived twice for the same modules (also by waived #1)");
        assertRejected("version: 1\nwaived:\n  - check: findigns\n    modules: a\n    reason: x\n", "line 3, column 12: waived #1.check: expected one of sign");
    }

    private GatePolicy load(String yaml) throws IOException {
        Path file = folder.resolve("gate.yaml");
        Files.writeString(file, yaml);
        return GatePolicyLoader.load(file);
    }

    private void assertRejected(String yaml, String expected) throws IOException {
        Path file = folder.resolve("gate.yaml");
        Files.writeString(file, yaml);
        IOException e = assertThrows(GatePolicyLoader.InvalidGatePolicyException.class, () -> GatePolicyLoader.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
