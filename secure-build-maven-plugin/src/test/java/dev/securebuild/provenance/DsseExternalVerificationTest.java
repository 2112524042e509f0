package dev.securebuild.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.securebuild.shared.signer.pgp.KeyGenerator;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.TestKeys;

/**
 * Our DSSE envelopes checked by an implementation that is not ours: Python's securesystemslib (Debian package
 * python3-securesystemslib, which .ci/run installs) verifies the signature, with its own key handling and pyca/cryptography,
 * over the PAE that a short Python script computes from the envelope as the DSSE specification defines it. Skipped, and
 * said so, where the package is missing; a failure when CI=true.
 */
class DsseExternalVerificationTest {

    private static final String SCRIPT = """
            import base64, json, sys
            from securesystemslib.signer import SSlibKey, Signature
            with open(sys.argv[1], encoding="utf-8") as f:
                lines = [line for line in f.read().split("\\n") if line.strip()]
            assert len(lines) == 1, "expected one envelope, one line"
            envelope = json.loads(lines[0])
            with open(sys.argv[2], encoding="utf-8") as f:
                key = json.load(f)
            payload = base64.b64decode(envelope["payload"], validate=True)
            payload_type = envelope["payloadType"].encode("utf-8")
            # DSSE v1: PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
            pae = b"DSSEv1 " + str(len(payload_type)).encode() + b" " + payload_type + b" " + str(len(payload)).encode() + b" " + payload
            public = SSlibKey.from_dict(key["keyid"], dict(key["key"]))
            verified = 0
            for s in envelope["signatures"]:
                if s["keyid"] != key["keyid"]:
                    continue
                public.verify_signature(Signature(s["keyid"], base64.b64decode(s["sig"], validate=True).hex()), pae)
                verified += 1
            if verified == 0:
                sys.exit("no signature by " + key["keyid"])
            statement = json.loads(payload)
            print("VERIFIED", envelope["payloadType"], statement["_type"], statement["predicateType"], len(statement["subject"]))
            """;

    private static String python;

    @TempDir
    Path folder;

    @BeforeAll
    static void findPython() throws Exception {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                if (run(List.of(candidate, "-c", "import securesystemslib.signer"), null).exit() == 0) {
                    python = candidate;
                    return;
                }
            } catch (IOException notThere) {
                // next candidate
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and Python's securesystemslib is not installed: .ci/run installs it "
                    + "(apt-get install python3-securesystemslib)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ED25519", "RSA3072", "ECDSA"})
    void securesystemslibAcceptsOurEnvelopeAndRejectsATamperedOne(String type) throws Exception {
        Assumptions.assumeTrue(python != null, "python3-securesystemslib is not installed: DSSE envelope not checked independently");
        KeyGenerator.GeneratedKey key = switch (type) {
            case "ED25519" -> TestKeys.ed25519();
            case "RSA3072" -> TestKeys.rsa();
            default -> TestKeys.ecdsaP256();
        };
        PgpSigner signer = new PgpSigner(TestKeys.load(key), Clock.systemUTC());
        byte[] statement = statement();
        Path envelope = folder.resolve("demo-1.0.intoto.jsonl");
        Files.writeString(envelope, Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, statement).toJson() + "\n");
        Path keyFile = folder.resolve("key.json");
        Files.writeString(keyFile, sslibKey(signer.fingerprint(), signer.messageScheme(), signer.messagePublicKey()));
        Path script = Files.writeString(folder.resolve("verify.py"), SCRIPT);

        Result good = run(List.of(python, script.toString(), envelope.toString(), keyFile.toString()), folder);
        assertEquals(0, good.exit(), good.output());
        assertTrue(good.output().contains("VERIFIED application/vnd.in-toto+json https://in-toto.io/Statement/v1 https://slsa.dev/provenance/v1 1"),
                good.output());

        // The same verifier refuses a payload changed by one byte: it checks, it does not just say yes.
        ObjectNode tampered = (ObjectNode) new ObjectMapper().readTree(Files.readString(envelope));
        byte[] changed = statement.clone();
        changed[changed.length - 3] ^= 1;
        tampered.put("payload", Base64.getEncoder().encodeToString(changed));
        Files.writeString(envelope, new ObjectMapper().writeValueAsString(tampered) + "\n");
        Result bad = run(List.of(python, script.toString(), envelope.toString(), keyFile.toString()), folder);
        assertNotEquals(0, bad.exit(), bad.output());
        assertTrue(bad.output().contains("UnverifiedSignatureError") || bad.output().contains("VerificationError"), bad.output());
    }

    private static byte[] statement() {
        return new Provenance(List.of(new Provenance.Subject("demo-1.0.jar", Map.of("sha256", "ab".repeat(32), "sha512", "cd".repeat(64)))),
                new Provenance.ExternalParameters(List.of("verify"), List.of(), Map.of(), null), Map.of("mavenVersion", "3.8.7"), List.of(),
                new Provenance.RunDetails(BuildEnvironment.LOCAL_BUILDER, Map.of(), "urn:uuid:1", Instant.EPOCH, Instant.EPOCH)).toJson();
    }

    /** The public key as securesystemslib's key dictionary: raw hex for Ed25519, PEM (SubjectPublicKeyInfo) otherwise. */
    private static String sslibKey(String keyid, String scheme, PublicKey publicKey) throws IOException {
        byte[] spki = publicKey.getEncoded();
        String keytype;
        String value;
        switch (scheme) {
            case "ed25519" -> {
                keytype = "ed25519";
                // SubjectPublicKeyInfo of Ed25519: a 12-byte header, then the 32-byte key.
                value = HexFormat.of().formatHex(spki, spki.length - 32, spki.length);
            }
            case "rsa-pkcs1v15-sha256" -> {
                keytype = "rsa";
                value = pem(spki);
            }
            default -> {
                keytype = "ecdsa";
                value = pem(spki);
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("keyid", keyid);
        ObjectNode key = root.putObject("key");
        key.put("keytype", keytype);
        key.put("scheme", scheme);
        key.putObject("keyval").put("public", value);
        return mapper.writeValueAsString(root);
    }

    private static String pem(byte[] spki) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
}
