package dev.securebuild.shared.signer.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.securebuild.shared.signer.Signer;

class MessageSignaturesTest {

    private static final byte[] MESSAGE = "DSSEv1 28 application/vnd.in-toto+json 2 {}".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({"ED25519, ed25519, Ed25519", "RSA3072, rsa-pkcs1v15-sha256, SHA256withRSA", "ECDSA, ecdsa-sha2-nistp256, SHA256withECDSA"})
    void aMessageSignatureIsTheKeysStandardSchemeThatTheJdkChecksWithThePublicKeyAlone(String type, String scheme, String jcaAlgorithm)
            throws Exception {
        KeyGenerator.GeneratedKey key = switch (type) {
            case "ED25519" -> TestKeys.ed25519();
            case "RSA3072" -> TestKeys.rsa();
            default -> TestKeys.ecdsaP256();
        };
        Signer signer = new PgpSigner(TestKeys.load(key), Clock.systemUTC());

        byte[] signature = signer.signMessage(MESSAGE);

        assertEquals(scheme, signer.messageScheme());
        Signature jdk = Signature.getInstance(jcaAlgorithm);
        jdk.initVerify(signer.messagePublicKey());
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(signature));
        assertTrue(PgpSigner.verifyMessage(scheme, signer.messagePublicKey(), MESSAGE, signature));
        byte[] tampered = MESSAGE.clone();
        tampered[0] ^= 1;
        assertFalse(PgpSigner.verifyMessage(scheme, signer.messagePublicKey(), tampered, signature));
    }
}
