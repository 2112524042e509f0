package dev.securebuild.shared.signer.pgp;

import java.time.Duration;
import java.time.Instant;

import dev.securebuild.shared.signer.SigningException;

/** Keys made once per test run: generating RSA keys is slow. */
public final class TestKeys {

    public static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    public static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    private static KeyGenerator.GeneratedKey ed25519;
    private static KeyGenerator.GeneratedKey rsa;
    private static KeyGenerator.GeneratedKey protectedKey;
    private static KeyGenerator.GeneratedKey ecdsa;

    private TestKeys() {}

    public static synchronized KeyGenerator.GeneratedKey ed25519() {
        if (ed25519 == null) {
            ed25519 = generate(KeyGenerator.KeyType.ED25519, "ed <ed@example.invalid>", null, null, true);
        }
        return ed25519;
    }

    public static synchronized KeyGenerator.GeneratedKey rsa() {
        if (rsa == null) {
            rsa = generate(KeyGenerator.KeyType.RSA3072, "rsa <rsa@example.invalid>", null, null, true);
        }
        return rsa;
    }

    public static synchronized KeyGenerator.GeneratedKey passphraseProtected() {
        if (protectedKey == null) {
            protectedKey = generate(KeyGenerator.KeyType.ED25519, "protected <p@example.invalid>", null, PASSPHRASE, true);
        }
        return protectedKey;
    }

    /** ECDSA over NIST P-256, which generate-key does not offer but users bring (and PKCS#11 tokens hold). */
    public static synchronized KeyGenerator.GeneratedKey ecdsaP256() {
        if (ecdsa == null) {
            try {
                java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC", Pgp.provider());
                generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
                org.bouncycastle.openpgp.PGPKeyPair pair = new org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair(
                        org.bouncycastle.bcpg.PublicKeyAlgorithmTags.ECDSA, generator.generateKeyPair(), java.util.Date.from(CREATED));
                org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator flags = new org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator();
                flags.setKeyFlags(true, org.bouncycastle.bcpg.sig.KeyFlags.CERTIFY_OTHER | org.bouncycastle.bcpg.sig.KeyFlags.SIGN_DATA);
                org.bouncycastle.openpgp.PGPKeyRingGenerator rings = new org.bouncycastle.openpgp.PGPKeyRingGenerator(
                        org.bouncycastle.openpgp.PGPSignature.POSITIVE_CERTIFICATION, pair, "ecdsa <ec@example.invalid>",
                        new org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder().setProvider(Pgp.provider()).build()
                                .get(org.bouncycastle.bcpg.HashAlgorithmTags.SHA1),
                        flags.generate(), null,
                        new org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(),
                                org.bouncycastle.bcpg.HashAlgorithmTags.SHA512).setProvider(Pgp.provider()), null);
                org.bouncycastle.openpgp.PGPSecretKeyRing secret = rings.generateSecretKeyRing();
                org.bouncycastle.openpgp.PGPPublicKeyRing publicRing = rings.generatePublicKeyRing();
                ecdsa = new KeyGenerator.GeneratedKey(Pgp.fingerprint(publicRing.getPublicKey()), Pgp.armor(secret::encode),
                        Pgp.armor(out -> publicRing.encode(out, true)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return ecdsa;
    }

    public static KeyGenerator.GeneratedKey generate(KeyGenerator.KeyType type, String userId, Duration validFor, char[] passphrase,
                                                     boolean canSign) {
        try {
            return new KeyGenerator().generate(new KeyGenerator.Request(type, userId, CREATED, validFor, passphrase, canSign));
        } catch (SigningException e) {
            throw new AssertionError(e);
        }
    }

    public static SigningKey load(KeyGenerator.GeneratedKey key) {
        try {
            return new SigningKeyLoader(NOW).load(key.armoredSecretKey(), "test key", null, null);
        } catch (SigningException e) {
            throw new AssertionError(e);
        }
    }
}
