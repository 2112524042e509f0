package dev.securebuild.shared.signer.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.signer.SigningException;

/**
 * A detached signature file is good only when every signature in it is: the verdicts on files with several signatures,
 * none, or something else beside them, compared with gpgv's on the same files (gpgv is skipped, and said so, when it is
 * not installed; CI installs it).
 */
class SignatureVerifierTest {

    private static final byte[] DOCUMENT = "the artifact\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_DOCUMENT = "another artifact\n".getBytes(StandardCharsets.UTF_8);

    private static PgpSigner trustedSigner;
    private static PgpSigner otherSigner;

    @TempDir
    Path folder;

    @BeforeAll
    static void keys() throws Exception {
        trustedSigner = new PgpSigner(TestKeys.load(TestKeys.ed25519()), Clock.systemUTC());
        otherSigner = new PgpSigner(TestKeys.load(TestKeys.rsa()), Clock.systemUTC());
    }

    @Test
    void oneGoodSignatureIsValid() throws Exception {
        assertVerdict(SignatureVerifier.Status.VALID, true, sign(trustedSigner, DOCUMENT));
    }

    @Test
    void aGoodSignatureBesideAnotherFilesSignatureByTheSameKeyIsInvalid() throws Exception {
        SignatureVerifier.Outcome outcome = assertVerdict(SignatureVerifier.Status.INVALID, false,
                armor(concat(binary(sign(trustedSigner, DOCUMENT)), binary(sign(trustedSigner, OTHER_DOCUMENT)))));
        assertTrue(outcome.detail().contains("2 signatures"), outcome.detail());
        assertTrue(outcome.detail().contains("does not match the file"), outcome.detail());
    }

    @Test
    void aBadSignatureBeforeAGoodOneIsInvalidToo() throws Exception {
        assertVerdict(SignatureVerifier.Status.INVALID, false,
                armor(concat(binary(sign(trustedSigner, OTHER_DOCUMENT)), binary(sign(trustedSigner, DOCUMENT)))));
    }

    @Test
    void aGoodSignatureBesideAnUnknownKeysSignatureIsInvalid() throws Exception {
        SignatureVerifier.Outcome outcome = assertVerdict(SignatureVerifier.Status.INVALID, false,
                armor(concat(binary(sign(trustedSigner, DOCUMENT)), binary(sign(otherSigner, DOCUMENT)))));
        assertTrue(outcome.detail().contains(TestKeys.rsa().fingerprint()) && outcome.detail().contains("not among the known keys"),
                outcome.detail());
    }

    @Test
    void twoGoodSignaturesByTwoKnownKeysAreValidAndBothSignersAreNamed() throws Exception {
        byte[] signature = armor(concat(binary(sign(trustedSigner, DOCUMENT)), binary(sign(otherSigner, DOCUMENT))));
        SignatureVerifier.Outcome outcome = assertVerdict(SignatureVerifier.Status.VALID, true, signature, TestKeys.ed25519(), TestKeys.rsa());
        assertEquals(2, outcome.signers().size(), outcome.toString());
        assertEquals(List.of(TestKeys.ed25519().fingerprint(), TestKeys.rsa().fingerprint()),
                outcome.signers().stream().map(SignatureVerifier.Signer::primaryFingerprint).toList());
    }

    @Test
    void eachKeyIsConvertedForTheJdkOnceAndPreparingNeedsAKeyOfTheCertificate() throws Exception {
        for (KeyGenerator.GeneratedKey generated : List.of(TestKeys.ed25519(), TestKeys.rsa(), TestKeys.ecdsaP256())) {
            SigningKey signing = TestKeys.load(generated);
            PublicKeys known = PublicKeys.parse(generated.armoredPublicKey(), "test");
            SignatureVerifier.prepare(known, signing.fingerprint());
            PGPPublicKey key = known.key(signing.fingerprint()).orElseThrow();
            assertSame(known.jdkKey(key), known.jdkKey(key), "converted once, then the same key");
            // Prepared, the check still decides: a good signature verifies, another file's does not.
            PgpSigner signer = new PgpSigner(signing, Clock.systemUTC());
            assertEquals(SignatureVerifier.Status.VALID, new SignatureVerifier().verify(signer.sign(sha512(DOCUMENT)), sha512(DOCUMENT), known).status());
            assertEquals(SignatureVerifier.Status.INVALID,
                    new SignatureVerifier().verify(signer.sign(sha512(OTHER_DOCUMENT)), sha512(DOCUMENT), known).status());
        }
        PublicKeys other = PublicKeys.parse(TestKeys.rsa().armoredPublicKey(), "test");
        SigningException e = assertThrows(SigningException.class, () -> SignatureVerifier.prepare(other, trustedSigner.fingerprint()));
        assertTrue(e.getMessage().contains("is not in the certificate"), e.getMessage());
    }

    private static MessageDigest sha512(byte[] document) {
        MessageDigest digest = DigestAlgorithm.SHA512.newMessageDigest();
        digest.update(document);
        return digest;
    }

    @Test
    void onlyUnknownKeysIsUnknownKey() throws Exception {
        assertVerdict(SignatureVerifier.Status.UNKNOWN_KEY, false, sign(otherSigner, DOCUMENT));
    }

    @Test
    void twoArmoredBlocksOneOfThemBadAreInvalid() throws Exception {
        assertVerdict(SignatureVerifier.Status.INVALID, false, concat(sign(trustedSigner, DOCUMENT), sign(trustedSigner, OTHER_DOCUMENT)));
    }

    @Test
    void twoArmoredBlocksBothGoodAreValid() throws Exception {
        assertVerdict(SignatureVerifier.Status.VALID, true, concat(sign(trustedSigner, DOCUMENT), sign(trustedSigner, DOCUMENT)));
    }

    @Test
    void aKeyPacketAfterTheSignatureIsInvalid() throws Exception {
        SignatureVerifier.Outcome outcome = assertVerdict(SignatureVerifier.Status.INVALID, false,
                armor(concat(binary(sign(trustedSigner, DOCUMENT)), binary(TestKeys.ed25519().armoredPublicKey()))));
        assertTrue(outcome.detail().startsWith("not a readable OpenPGP signature"), outcome.detail());
    }

    @Test
    void garbageAfterTheSignatureIsInvalid() throws Exception {
        assertVerdict(SignatureVerifier.Status.INVALID, false, concat(binary(sign(trustedSigner, DOCUMENT)), new byte[] {0x00, 0x13, 0x37}));
        // gpgv ignores text after the armor; we refuse it: no signer writes it, and it is not checked.
        byte[] textAfterArmor = concat(sign(trustedSigner, DOCUMENT), "\ngarbage \u0000\u0001 after the armor\n".getBytes(StandardCharsets.UTF_8));
        SignatureVerifier.Outcome outcome = verify(textAfterArmor, TestKeys.ed25519());
        assertEquals(SignatureVerifier.Status.INVALID, outcome.status(), outcome.toString());
        assertTrue(outcome.detail().contains("neither white space nor another armored block"), outcome.detail());
        assertVerdict(SignatureVerifier.Status.VALID, true, concat(sign(trustedSigner, DOCUMENT), "\r\n\n  \n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noSignatureAtAllIsInvalid() throws Exception {
        assertVerdict(SignatureVerifier.Status.INVALID, false, new byte[0]);
        assertVerdict(SignatureVerifier.Status.INVALID, false, armor(new byte[0]));
        assertVerdict(SignatureVerifier.Status.INVALID, false, "just some text\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTruncatedSignatureIsInvalid() throws Exception {
        byte[] packet = binary(sign(trustedSigner, DOCUMENT));
        assertVerdict(SignatureVerifier.Status.INVALID, false, java.util.Arrays.copyOf(packet, packet.length - 10));
    }

    @Test
    void aSignaturePacketOfAnUnknownVersionBesideAGoodOneIsInvalid() throws Exception {
        byte[] unknownVersion = binary(sign(trustedSigner, OTHER_DOCUMENT));
        unknownVersion[versionOffset(unknownVersion)] = 99;
        SignatureVerifier.Outcome outcome = assertVerdict(SignatureVerifier.Status.INVALID, false,
                armor(concat(binary(sign(trustedSigner, DOCUMENT)), unknownVersion)));
        assertTrue(outcome.detail().contains("cannot be checked"), outcome.detail());
    }

    /** Our verdict, and (when gpgv is installed) that gpgv says good exactly when we say valid. */
    private SignatureVerifier.Outcome assertVerdict(SignatureVerifier.Status expected, boolean gpgvAccepts, byte[] signature,
                                                    KeyGenerator.GeneratedKey... trusted) throws Exception {
        KeyGenerator.GeneratedKey[] keys = trusted.length == 0 ? new KeyGenerator.GeneratedKey[] {TestKeys.ed25519()} : trusted;
        SignatureVerifier.Outcome outcome = verify(signature, keys);
        assertEquals(expected, outcome.status(), outcome.toString());
        Boolean gpgv = gpgv(signature, keys);
        if (gpgv == null) {
            System.out.println("SignatureVerifierTest: gpgv is not installed, its verdict was not compared");
        } else {
            assertEquals(gpgvAccepts, gpgv, "gpgv's verdict");
            assertEquals(gpgv, outcome.status() == SignatureVerifier.Status.VALID, "our verdict equals gpgv's: " + outcome);
        }
        return outcome;
    }

    private static SignatureVerifier.Outcome verify(byte[] signature, KeyGenerator.GeneratedKey... keys) throws Exception {
        PublicKeys known = PublicKeys.parse(keys[0].armoredPublicKey(), "test");
        for (int i = 1; i < keys.length; i++) {
            known.addAll(PublicKeys.parse(keys[i].armoredPublicKey(), "test"));
        }
        SignatureVerifier.Outcome streamed = new SignatureVerifier().verify(signature, new ByteArrayInputStream(DOCUMENT), known);
        MessageDigest sha512 = DigestAlgorithm.SHA512.newMessageDigest();
        sha512.update(DOCUMENT);
        SignatureVerifier.Outcome digested = new SignatureVerifier().verify(signature, sha512, known);
        assertEquals(streamed.status(), digested.status(), "both ways of checking agree: " + streamed + " / " + digested);
        return streamed;
    }

    /** gpgv's verdict (exit status 0), with a keyring of the given certificates only; null when gpgv is not installed. */
    private Boolean gpgv(byte[] signature, KeyGenerator.GeneratedKey... keys) throws Exception {
        if (!onPath("gpgv")) {
            return null;
        }
        Path home = Files.createDirectories(folder.resolve("gnupg"));
        ByteArrayOutputStream keyring = new ByteArrayOutputStream();
        for (KeyGenerator.GeneratedKey key : keys) {
            keyring.writeBytes(binary(key.armoredPublicKey()));
        }
        Path keyringFile = Files.write(folder.resolve("trusted.gpg"), keyring.toByteArray());
        Path document = Files.write(folder.resolve("artifact.jar"), DOCUMENT);
        Path signatureFile = Files.write(folder.resolve("artifact.jar.asc"), signature);
        Process process = new ProcessBuilder("gpgv", "--homedir", home.toString(), "--keyring", keyringFile.toString(),
                signatureFile.toString(), document.toString()).redirectErrorStream(true).redirectOutput(folder.resolve("gpgv.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gpgv did not finish");
        }
        return process.exitValue() == 0;
    }

    private static byte[] sign(PgpSigner signer, byte[] document) throws Exception {
        MessageDigest sha512 = DigestAlgorithm.SHA512.newMessageDigest();
        sha512.update(document);
        return signer.sign(sha512);
    }

    private static byte[] binary(byte[] armored) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
            return in.readAllBytes();
        }
    }

    private static byte[] armor(byte[] binary) throws IOException {
        return Pgp.armor(out -> out.write(binary));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Where the version byte of the first packet is: after its new- or old-format header. */
    private static int versionOffset(byte[] packet) {
        int tag = packet[0] & 0xff;
        if ((tag & 0x40) != 0) {
            int first = packet[1] & 0xff;
            return first < 192 ? 2 : first < 224 ? 3 : 6;
        }
        return switch (tag & 0x03) {
            case 0 -> 2;
            case 1 -> 3;
            default -> 5;
        };
    }

    private static boolean onPath(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
        return dirs.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
