package dev.securebuild.shared.signer.pgp;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.HostileInputs;
import dev.securebuild.shared.HostileInputs.Input;
import dev.securebuild.shared.signer.SigningException;

/**
 * The trusted-key and signing-key loaders, and the signature reader, against hostile files: a SigningException naming
 * the file (or an INVALID signature), escaped, in bounded time; never an exception of BouncyCastle.
 */
class PgpHostileInputTest {

    @TempDir
    Path folder;

    private static List<Input> inputs() throws Exception {
        String armoredKey = new String(TestKeys.ed25519().armoredPublicKey(), StandardCharsets.US_ASCII);
        byte[] sha512Signature = new PgpSigner(TestKeys.load(TestKeys.ed25519()), Clock.systemUTC())
                .sign(dev.securebuild.shared.digest.DigestAlgorithm.SHA512.newMessageDigest());
        List<Input> inputs = new ArrayList<>(HostileInputs.garbage());
        inputs.add(HostileInputs.truncated(armoredKey));
        inputs.add(new Input("a signature where a key was expected", sha512Signature));
        inputs.add(new Input("an armor header with control characters", armoredKey.replace("-----\n\n",
                "-----\nComment: \u001b[2J\n[INFO] BUILD SUCCESS \u202e\n\n").getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("an armored block of 40 MB", ("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + ("A".repeat(64) + "\n").repeat(600_000)
                + "-----END PGP PUBLIC KEY BLOCK-----\n").getBytes(StandardCharsets.US_ASCII)));
        inputs.add(new Input("an armor that never ends", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEZ".getBytes(StandardCharsets.US_ASCII)));
        inputs.add(new Input("base64 of garbage", java.util.Base64.getEncoder().encode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9})));
        return inputs;
    }

    @Test
    void everyHostileTrustedKeyFileIsRefusedNamingIt() throws Exception {
        for (Input input : inputs()) {
            Path file = Files.write(folder.resolve("trusted.asc"), input.bytes());
            HostileInputs.assertRefused(SigningException.class, file.toString(), input, () -> PublicKeys.read(file));
        }
    }

    @Test
    void aKeyFileLargerThanAnyKeysFileIsNotRead() throws Exception {
        Path file = folder.resolve("huge.asc");
        try (var out = Files.newOutputStream(file)) {
            out.write(TestKeys.ed25519().armoredPublicKey());
            out.write(new byte[PublicKeys.MAX_KEY_FILE_BYTES]);
        }
        String message = HostileInputs.assertRefused(SigningException.class, file.toString(), new Input("a 16 MiB key file", new byte[0]),
                () -> PublicKeys.read(file));
        assertTrue(message.contains("is larger than " + PublicKeys.MAX_KEY_FILE_BYTES + " bytes"), message);
    }

    @Test
    void textAroundArmoredBlocksIsSkippedAsInAnApacheKeysFile() throws Exception {
        String armoredKey = new String(TestKeys.ed25519().armoredPublicKey(), StandardCharsets.US_ASCII);
        Path file = Files.writeString(folder.resolve("KEYS"), "pub   ed25519 2026-01-01\nuid   ed\n\n" + armoredKey + "\n\u0000 trailing text\n");
        PublicKeys keys = HostileInputs.withinTimeLimit(file.toString(), () -> PublicKeys.read(file));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(TestKeys.ed25519().fingerprint()), List.copyOf(keys.primaryFingerprints()));
    }

    @Test
    void everyHostileSigningKeyIsRefusedNamingItsSource() throws Exception {
        for (Input input : inputs()) {
            HostileInputs.assertRefused(SigningException.class, "keyFile evil.asc", input,
                    () -> new SigningKeyLoader(TestKeys.NOW).load(input.bytes(), "keyFile evil.asc", "pass".toCharArray(), null));
        }
    }

    @Test
    void everyHostileSignatureFileIsNotAValidSignature() throws Exception {
        PublicKeys known = PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "test");
        List<Input> inputs = inputs();
        inputs.add(HostileInputs.yamlAliasBomb("signature"));
        for (Input input : inputs) {
            SignatureVerifier.Outcome outcome = HostileInputs.withinTimeLimit(input.name(),
                    () -> new SignatureVerifier().verify(input.bytes(), new ByteArrayInputStream(new byte[10]), known));
            assertNotEquals(SignatureVerifier.Status.VALID, outcome.status(), input.name());
            HostileInputs.assertPrintableLine(input, outcome.detail());
        }
    }
}
