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
        assertEquals(new GatePolicy.Waiver("reproducible", "The rebuild runs nightly", LocalDate.of(2027, 6, 30)), policy.waiver("reproducible"));
        assertTrue(policy.approvalRequiredForExceptions());
        assertTrue(policy.waiver("reproducible").inForce(LocalDate.of(2027, 6, 30)));
        assertFalse(policy.waiver("reproducible").inForce(LocalDate.of(2027, 7, 1)));
    }

    @Test
    void defaultsWhatIsNotGiven() throws IOException {
        GatePolicy policy = load("version: 1\n");
        assertEquals(GatePolicy.DEFAULT_REQUIRED, policy.required());
        assertTrue(policy.waived().isEmpty());
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
