package dev.securebuild.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.HostileInputs;
import dev.securebuild.shared.HostileInputs.Input;
import dev.securebuild.shared.signer.pgp.MessageKey;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;

/**
 * The provenance file reader against hostile files (refused as no envelope, naming the file and line), and the
 * statement reader against hostile payloads inside a validly signed envelope (a failure, never a pass).
 */
class ProvenanceHostileInputTest {

    private static final String ENVELOPE = "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"e30=\",\"signatures\":[{\"keyid\":\"A\",\"sig\":\"AA==\"}]}\n";

    @TempDir
    Path folder;

    @Test
    void everyHostileProvenanceFileIsRefusedWithTheFileAndLine() throws Exception {
        List<Input> inputs = new ArrayList<>(HostileInputs.garbage());
        inputs.add(HostileInputs.truncated(ENVELOPE));
        inputs.add(HostileInputs.deepNesting("payload", 100_000));
        inputs.add(HostileInputs.hugeString("payload", 30_000_000));
        inputs.add(new Input("a file larger than a provenance file holds", new byte[Dsse.MAX_FILE_BYTES + 1]));
        inputs.add(new Input("duplicate keys", ENVELOPE.replace("{\"payloadType\"", "{\"payload\":\"e30=\",\"payloadType\"").getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("wrong types", ENVELOPE.replace("\"e30=\"", "{}").getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a value", ENVELOPE.replace("\"e30=\"", "\"e30\\u001b[2J\\n[INFO] BUILD SUCCESS\"")
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a key", ENVELOPE.replace("{\"payloadType\"", "{\"x\\n\\u202e\":1,\"payloadType\"")
                .replace("\"signatures\":[{\"keyid\":\"A\"", "\"signatures\":[{\"keyid\":{\"\\u001b\":1}").getBytes(StandardCharsets.UTF_8)));
        inputs.add(HostileInputs.yamlAliasBomb("payload"));
        for (Input input : inputs) {
            Path file = Files.write(folder.resolve("demo-1.0.intoto.jsonl"), input.bytes());
            HostileInputs.assertRefused(Dsse.InvalidEnvelopeException.class, file.toString(), input, () -> Dsse.readLines(file));
        }
    }

    @Test
    void aHostilePayloadInASignedEnvelopeIsAStatementFailureNeverAPass() throws Exception {
        PgpSigner signer = new PgpSigner(TestKeys.load(TestKeys.ed25519()), Clock.systemUTC());
        PublicKeys known = PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "trusted");
        ProvenanceVerifier verifier = new ProvenanceVerifier(new ProvenanceVerifier.Keys() {
            @Override
            public MessageKey find(String keyid) throws dev.securebuild.shared.signer.SigningException {
                return known.messageKey(keyid).orElse(null);
            }

            @Override
            public boolean trusted(MessageKey key) {
                return true;
            }
        }, name -> folder.resolve(name), true);
        List<Input> payloads = new ArrayList<>(HostileInputs.garbage());
        payloads.add(HostileInputs.deepNesting("subject", 100_000));
        payloads.add(HostileInputs.hugeString("_type", 14_000_000));
        payloads.add(new Input("duplicate keys", "{\"_type\":\"x\",\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8)));
        payloads.add(new Input("wrong types", ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"predicateType\":\"https://slsa.dev/provenance/v1\","
                + "\"subject\":[{\"name\":1,\"digest\":[]}]}").getBytes(StandardCharsets.UTF_8)));
        payloads.add(new Input("a control character in a subject name", ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"predicateType\":"
                + "\"https://slsa.dev/provenance/v1\",\"subject\":[{\"name\":\"x\\n[INFO] BUILD SUCCESS\\u202e\",\"digest\":{\"sha256\":\"00\"}}]}")
                .getBytes(StandardCharsets.UTF_8)));
        for (Input payload : payloads) {
            Dsse.Envelope envelope = Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, payload.bytes());
            // Through the file, as verify-provenance reads it.
            Path file = Files.writeString(folder.resolve("p.intoto.jsonl"), envelope.toJson() + "\n");
            List<Dsse.Envelope> read = Dsse.readLines(file);
            assertEquals(Base64.getEncoder().encodeToString(payload.bytes()), Base64.getEncoder().encodeToString(read.get(0).payload()));
            ProvenanceVerifier.Result result = HostileInputs.withinTimeLimit(payload.name(),
                    () -> verifier.verify("p.intoto.jsonl", read, Set.of("demo-1.0.jar")));
            assertFalse(result.passed(), payload + ": passed");
            for (ProvenanceVerifier.Failure failure : result.failures()) {
                assertTrue(failure.message().startsWith("p.intoto.jsonl") || failure.message().startsWith("x\\n") || failure.message().startsWith("demo-1.0.jar"),
                        payload + ": " + failure.message());
                HostileInputs.assertPrintableLine(payload, failure.message());
            }
        }
    }
}
