package dev.securebuild.provenance.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.HostileInputs;
import dev.securebuild.shared.HostileInputs.Input;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;

/**
 * The ledger reader against hostile lines: each is a broken ledger at line 1, said in a printable message, in bounded
 * time; never an exception of a library, never a ledger that verifies.
 */
class LedgerHostileInputTest {

    private static final String RECORD_START = "{\"schema\":\"secure-build-ledger/1\",\"sequence\":1,\"previous\":null,";

    @TempDir
    Path folder;

    @Test
    void everyHostileLineIsABrokenLedgerAtItsLine() throws Exception {
        List<Input> inputs = new ArrayList<>(HostileInputs.garbage());
        inputs.removeIf(input -> input.name().equals("empty"));
        inputs.add(HostileInputs.truncated(RECORD_START + "\"signature\":{\"keyid\":\"AB\",\"scheme\":\"ed25519\",\"sig\":\"AA==\"}}\n"));
        inputs.add(HostileInputs.deepNesting("schema", 100_000));
        inputs.add(HostileInputs.hugeString("schema", 30_000_000));
        inputs.add(new Input("duplicate keys", (RECORD_START.replace("\"sequence\":1,", "\"sequence\":1,\"sequence\":1,") + "\"signature\":{}}\n")
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("wrong types", "{\"schema\":\"secure-build-ledger/1\",\"sequence\":\"1\"}\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a value", "{\"schema\":\"x\\u001b[2J\\u202e\\n[INFO] BUILD SUCCESS\"}\n"
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a key", (RECORD_START + "\"k\\n[INFO] x\\u202e\":1,\"signature\":{\"keyid\":\"k\\u001b\"}}\n")
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(HostileInputs.yamlAliasBomb("schema"));
        LedgerVerifier verifier = new LedgerVerifier(PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "test"),
                Set.of(TestKeys.ed25519().fingerprint()));
        for (Input input : inputs) {
            Path ledger = Files.write(folder.resolve("deployments.jsonl"), input.bytes());
            LedgerVerifier.Result result = HostileInputs.withinTimeLimit(input.name(), () -> verifier.verify(ledger));
            assertFalse(result.ok(), input + ": verifies");
            assertEquals(ledger, result.ledger());
            assertEquals(1, result.problem().line(), input + ": " + result.problem().message());
            String message = result.problem().message();
            assertTrue(message.startsWith("line 1: "), input + ": " + message);
            HostileInputs.assertPrintableLine(input, message);
        }
    }
}
