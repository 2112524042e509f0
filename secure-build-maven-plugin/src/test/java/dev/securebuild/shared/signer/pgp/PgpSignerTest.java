package dev.securebuild.shared.signer.pgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.securebuild.shared.signer.Signer;

class PgpSignerTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-05-01T12:00:00Z");
    private static final byte[] DOCUMENT = "the bytes of an artifact\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

    private static KeyGenerator.GeneratedKey key(String type) {
        return switch (type) {
            case "ED25519" -> TestKeys.ed25519();
            case "RSA3072" -> TestKeys.rsa();
            default -> TestKeys.ecdsaP256();
        };
    }

    private static MessageDigest sha512Of(byte[] document) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-512", "SUN");
        // Fed in uneven pieces, as the one-pass reader does.
        digest.update(document, 0, 7);
        digest.update(document, 7, document.length - 7);
        return digest;
    }

    private static byte[] sign(KeyGenerator.GeneratedKey key, byte[] document) throws Exception {
        Signer signer = new PgpSigner(TestKeys.load(key), Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        return signer.sign(sha512Of(document));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ED25519", "RSA3072", "ECDSA"})
    void aDetachedV4SignatureOverABinaryDocumentWithSha512(String type) throws Exception {
        KeyGenerator.GeneratedKey key = key(type);
        byte[] armored = sign(key, DOCUMENT);
        String text = new String(armored, StandardCharsets.US_ASCII);

        assertTrue(text.startsWith("-----BEGIN PGP SIGNATURE-----\n\n"), text);
        assertTrue(text.endsWith("-----END PGP SIGNATURE-----\n"), text);
        assertFalse(text.contains("Version:"), "no Version header: " + text);
        assertFalse(text.contains("\r"), "LF line ends only");

        PGPSignature signature = parse(armored);
        assertEquals(4, signature.getVersion());
        assertEquals(PGPSignature.BINARY_DOCUMENT, signature.getSignatureType());
        assertEquals(HashAlgorithmTags.SHA512, signature.getHashAlgorithm());
        assertEquals(SIGNED_AT, signature.getHashedSubPackets().getSignatureCreationTime().toInstant());
        assertNotNull(signature.getHashedSubPackets().getIssuerFingerprint(), "hashed issuer fingerprint");
        assertEquals(key.fingerprint(), java.util.HexFormat.of().withUpperCase()
                .formatHex(signature.getHashedSubPackets().getIssuerFingerprint().getFingerprint()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ED25519", "RSA3072", "ECDSA"})
    void theSignatureVerifiesAndATamperedDocumentDoesNot(String type) throws Exception {
        KeyGenerator.GeneratedKey key = key(type);
        byte[] armored = sign(key, DOCUMENT);
        PublicKeys keys = PublicKeys.parse(key.armoredPublicKey(), "test");

        SignatureVerifier.Outcome good = new SignatureVerifier().verify(armored, new ByteArrayInputStream(DOCUMENT), keys);
        assertEquals(SignatureVerifier.Status.VALID, good.status(), good.detail());
        assertEquals(key.fingerprint(), good.primaryFingerprint());
        SignatureVerifier.Outcome fromDigest = new SignatureVerifier().verify(armored, sha512Of(DOCUMENT), keys);
        assertEquals(SignatureVerifier.Status.VALID, fromDigest.status(), fromDigest.detail());

        byte[] tampered = DOCUMENT.clone();
        tampered[500] ^= 1;
        SignatureVerifier.Outcome bad = new SignatureVerifier().verify(armored, new ByteArrayInputStream(tampered), keys);
        assertEquals(SignatureVerifier.Status.INVALID, bad.status());
        assertTrue(bad.detail().contains("does not match"), bad.detail());
        assertEquals(SignatureVerifier.Status.INVALID, new SignatureVerifier().verify(armored, sha512Of(tampered), keys).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ED25519"})
    void aGoodSignatureMadeAfterTheKeyExpiredDoesNotCount(String type) throws Exception {
        // Valid for 200 days from 2026-01-01; loaded (and signing) on 2026-06-01; the signature says 2026-09-01.
        KeyGenerator.GeneratedKey key = TestKeys.generate(KeyGenerator.KeyType.ED25519, "short <s@example.invalid>",
                java.time.Duration.ofDays(200), null, true);
        Signer late = new PgpSigner(TestKeys.load(key), Clock.fixed(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC));
        byte[] armored = late.sign(sha512Of(DOCUMENT));
        SignatureVerifier.Outcome outcome = new SignatureVerifier().verify(armored, new ByteArrayInputStream(DOCUMENT),
                PublicKeys.parse(key.armoredPublicKey(), "test"));
        assertEquals(SignatureVerifier.Status.INVALID, outcome.status());
        assertTrue(outcome.detail().contains("after key " + key.fingerprint() + " expired on 2026-07-20T00:00:00Z"), outcome.detail());
        // The same key's signature made in time is good.
        byte[] inTime = new PgpSigner(TestKeys.load(key), Clock.fixed(SIGNED_AT, ZoneOffset.UTC)).sign(sha512Of(DOCUMENT));
        assertEquals(SignatureVerifier.Status.VALID, new SignatureVerifier().verify(inTime, new ByteArrayInputStream(DOCUMENT),
                PublicKeys.parse(key.armoredPublicKey(), "test")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ED25519", "RSA3072"})
    void signingLeavesTheCallersDigestAsItWas(String type) throws Exception {
        MessageDigest digest = sha512Of(DOCUMENT);
        new PgpSigner(TestKeys.load(key(type)), Clock.systemUTC()).sign(digest);
        assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(DOCUMENT), digest.digest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ED25519"})
    void aSignatureByAnotherKeyIsUnknownNotInvalid(String type) throws Exception {
        byte[] armored = sign(key(type), DOCUMENT);
        PublicKeys other = PublicKeys.parse(TestKeys.rsa().armoredPublicKey(), "test");
        SignatureVerifier.Outcome outcome = new SignatureVerifier().verify(armored, new ByteArrayInputStream(DOCUMENT), other);
        assertEquals(SignatureVerifier.Status.UNKNOWN_KEY, outcome.status());
        assertTrue(outcome.detail().contains(TestKeys.ed25519().fingerprint()), outcome.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a signature", "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n"})
    void anUnreadableSignatureIsInvalid(String content) throws Exception {
        PublicKeys keys = PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "test");
        SignatureVerifier.Outcome outcome = new SignatureVerifier().verify(content.getBytes(StandardCharsets.US_ASCII),
                new ByteArrayInputStream(DOCUMENT), keys);
        assertEquals(SignatureVerifier.Status.INVALID, outcome.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ED25519"})
    void aFixedKeyAndTimeGiveTheSameSignature(String type) throws Exception {
        // Ed25519 is deterministic: with no Version header the armored output is reproducible byte for byte.
        assertArrayEquals(sign(key(type), DOCUMENT), sign(key(type), DOCUMENT));
    }

    private static PGPSignature parse(byte[] armored) throws Exception {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
            PGPSignatureList list = (PGPSignatureList) new JcaPGPObjectFactory(in).nextObject();
            assertEquals(1, list.size());
            return list.get(0);
        }
    }
}
