package dev.securebuild.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.shared.signer.pgp.KeyGenerator;
import dev.securebuild.shared.signer.pgp.MessageKey;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;

class DsseTest {

    @Test
    void paeIsTheSpecificationsEncoding() {
        // The test vector of the DSSE protocol document.
        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world",
                new String(Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        // Lengths count bytes, not characters.
        assertEquals("DSSEv1 1 t 6 \u00e9\u00e9\u00e9", new String(Dsse.pae("t", "\u00e9\u00e9\u00e9".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        assertEquals("DSSEv1 0  0 ", new String(Dsse.pae("", new byte[0]), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ED25519", "RSA3072", "ECDSA"})
    void anEnvelopeIsOneLineThatVerifiesWithTheCertificatesKey(String type) throws Exception {
        KeyGenerator.GeneratedKey key = switch (type) {
            case "ED25519" -> TestKeys.ed25519();
            case "RSA3072" -> TestKeys.rsa();
            default -> TestKeys.ecdsaP256();
        };
        PgpSigner signer = new PgpSigner(TestKeys.load(key), Clock.systemUTC());
        byte[] payload = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"x\":\"line\\nbreak\"}".getBytes(StandardCharsets.UTF_8);
        String line = Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, payload).toJson();
        assertFalse(line.contains("\n"));

        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals(List.of("payload", "payloadType", "signatures"), fieldNames(json));
        assertEquals(Dsse.IN_TOTO_PAYLOAD_TYPE, json.get("payloadType").asText());
        assertArrayEquals(payload, Base64.getDecoder().decode(json.get("payload").asText()));
        assertEquals(1, json.get("signatures").size());
        assertEquals(signer.fingerprint(), json.get("signatures").get(0).get("keyid").asText());

        Dsse.Envelope parsed = Dsse.parseLines(line + "\n", "test.intoto.jsonl").get(0);
        MessageKey publicKey = PublicKeys.parse(key.armoredPublicKey(), "certificate").messageKey(parsed.signatures().get(0).keyid()).orElseThrow();
        assertEquals(signer.messageScheme(), publicKey.scheme());
        assertEquals(key.fingerprint(), publicKey.primaryFingerprint());
        byte[] pae = Dsse.pae(parsed.payloadType(), parsed.payload());
        assertTrue(publicKey.verify(pae, parsed.signatures().get(0).sig()));
        // The signature covers the type too, and every byte of the payload.
        assertFalse(publicKey.verify(Dsse.pae("application/json", parsed.payload()), parsed.signatures().get(0).sig()));
        byte[] changed = parsed.payload().clone();
        changed[5] ^= 1;
        assertFalse(publicKey.verify(Dsse.pae(parsed.payloadType(), changed), parsed.signatures().get(0).sig()));
    }

    @Test
    void badInputNamesTheFileTheLineAndWhatWasExpected() {
        String good = "{\"payload\":\"e30=\",\"payloadType\":\"t\",\"signatures\":[{\"keyid\":\"AB\",\"sig\":\"AAAA\"}]}";
        assertEquals("p.jsonl, line 2, column 2: not JSON: Unexpected character ('x' (code 120)): was expecting double-quote to start field name",
                message(good + "\n{x}\n"));
        assertEquals("p.jsonl, line 1: expected 'payloadType', a string, which is missing", message("{\"payload\":\"e30=\",\"signatures\":[]}"));
        assertEquals("p.jsonl, line 1: expected 'signatures', a non-empty array of {keyid, sig}",
                message("{\"payload\":\"e30=\",\"payloadType\":\"t\",\"signatures\":[]}"));
        assertTrue(message("{\"payload\":\"not base64!\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AAAA\"}]}")
                .startsWith("p.jsonl, line 1: payload: not base64: "));
        assertEquals("p.jsonl holds no DSSE envelope: expected one JSON object per line", message("\n\n"));
        assertEquals("p.jsonl, line 1: expected a DSSE envelope, a JSON object with payload, payloadType and signatures", message("[1]"));
    }

    @Test
    void urlSafeBase64IsAcceptedAsTheSpecificationAllows() throws Exception {
        byte[] payload = {(byte) 0xfb, (byte) 0xff, 0x3e};
        String line = "{\"payload\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload)
                + "\",\"payloadType\":\"t\",\"signatures\":[{\"keyid\":\"AB\",\"sig\":\"AAAA\"}]}";
        assertArrayEquals(payload, Dsse.parseLines(line, "p").get(0).payload());
    }

    private static String message(String text) {
        return assertThrows(Dsse.InvalidEnvelopeException.class, () -> Dsse.parseLines(text, "p.jsonl")).getMessage();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
