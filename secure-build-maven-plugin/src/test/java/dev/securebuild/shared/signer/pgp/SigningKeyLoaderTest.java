package dev.securebuild.shared.signer.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.junit.jupiter.api.Test;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;

class SigningKeyLoaderTest {

    private final SigningKeyLoader loader = new SigningKeyLoader(TestKeys.NOW);

    @Test
    void loadsAnUnprotectedKeyArmoredOrAsBase64() throws Exception {
        KeyGenerator.GeneratedKey key = TestKeys.ed25519();
        assertEquals(key.fingerprint(), loader.load(key.armoredSecretKey(), "test", null, null).fingerprint());
        byte[] base64 = Base64.getEncoder().encode(key.armoredSecretKey());
        assertEquals(key.fingerprint(), loader.load(base64, "test", null, null).fingerprint());
    }

    @Test
    void unlocksAProtectedKeyWithItsPassphrase() throws Exception {
        KeyGenerator.GeneratedKey key = TestKeys.passphraseProtected();
        SigningKey loaded = loader.load(key.armoredSecretKey(), "test", TestKeys.PASSPHRASE.clone(), null);
        assertEquals(key.fingerprint(), loaded.fingerprint());
    }

    @Test
    void aWrongPassphraseIsNamedButNeverShown() {
        KeyGenerator.GeneratedKey key = TestKeys.passphraseProtected();
        SigningException e = assertThrows(SigningException.class,
                () -> loader.load(key.armoredSecretKey(), "key file k.asc", "hunter2-wrong".toCharArray(), null));
        assertTrue(e.getMessage().contains("passphrase is wrong"), e.getMessage());
        assertTrue(e.getMessage().contains(key.fingerprint()), e.getMessage());
        assertTrue(e.getMessage().contains("key file k.asc"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("correct horse"), e.getMessage());
    }

    @Test
    void aProtectedKeyWithoutPassphraseSaysWhereToPutIt() {
        SigningException e = assertThrows(SigningException.class,
                () -> loader.load(TestKeys.passphraseProtected().armoredSecretKey(), "test", null, null));
        assertTrue(e.getMessage().contains("SECURE_BUILD_SIGNING_PASSPHRASE"), e.getMessage());
    }

    @Test
    void anExpiredKeyIsRefusedWithItsFingerprintAndDate() {
        KeyGenerator.GeneratedKey key = TestKeys.generate(KeyGenerator.KeyType.ED25519, "old <o@example.invalid>", Duration.ofDays(1), null, true);
        SigningException e = assertThrows(SigningException.class, () -> loader.load(key.armoredSecretKey(), "test", null, null));
        assertTrue(e.getMessage().contains(key.fingerprint()), e.getMessage());
        assertTrue(e.getMessage().contains("expired on 2026-01-02T00:00:00Z"), e.getMessage());
    }

    @Test
    void aKeyStillValidIsAccepted() throws Exception {
        KeyGenerator.GeneratedKey key = TestKeys.generate(KeyGenerator.KeyType.ED25519, "young <y@example.invalid>", Duration.ofDays(365), null, true);
        assertEquals(key.fingerprint(), loader.load(key.armoredSecretKey(), "test", null, null).fingerprint());
    }

    @Test
    void aRevokedKeyIsRefused() throws Exception {
        KeyGenerator.GeneratedKey key = TestKeys.ed25519();
        SigningKey loaded = TestKeys.load(key);
        PGPSignatureGenerator revocation = new PGPSignatureGenerator(
                new JcaPGPContentSignerBuilder(loaded.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512).setProvider(Pgp.provider()), loaded.publicKey());
        revocation.init(PGPSignature.KEY_REVOCATION, loaded.privateKey());
        PGPPublicKey revoked = PGPPublicKey.addCertification(loaded.publicKey(), revocation.generateCertification(loaded.publicKey()));
        PGPSecretKeyRing secret = PGPSecretKeyRing.replacePublicKeys(secretRing(key), new PGPPublicKeyRing(java.util.List.of(revoked)));

        SigningException e = assertThrows(SigningException.class, () -> loader.load(Pgp.armor(secret::encode), "test", null, null));
        assertTrue(e.getMessage().contains(key.fingerprint() + " is revoked"), e.getMessage());

        // And a signature the key made before it was revoked no longer counts for a verifier that knows of the revocation.
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-512");
        digest.update("artifact".getBytes(StandardCharsets.UTF_8));
        byte[] signature = new PgpSigner(loaded, java.time.Clock.systemUTC()).sign(digest);
        SignatureVerifier.Outcome outcome = new SignatureVerifier().verify(signature,
                new java.io.ByteArrayInputStream("artifact".getBytes(StandardCharsets.UTF_8)),
                PublicKeys.of(java.util.List.of(new PGPPublicKeyRing(java.util.List.of(revoked)))));
        assertEquals(SignatureVerifier.Status.INVALID, outcome.status());
        assertTrue(outcome.detail().contains("is revoked"), outcome.detail());
    }

    @Test
    void aKeyWithoutTheSignFlagCannotSign() {
        KeyGenerator.GeneratedKey key = TestKeys.generate(KeyGenerator.KeyType.ED25519, "cert <c@example.invalid>", null, null, false);
        SigningException e = assertThrows(SigningException.class, () -> loader.load(key.armoredSecretKey(), "test", null, null));
        assertTrue(e.getMessage().contains("cannot sign"), e.getMessage());
    }

    @Test
    void theSigningSubkeyIsChosenByItsKeyFlags() throws Exception {
        // A certify-only primary key with a signing subkey, as gpg --quick-add-key makes them.
        Date created = Date.from(TestKeys.CREATED);
        JcaPGPKeyPair primary = new JcaPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, edKeyPair(), created);
        JcaPGPKeyPair subkey = new JcaPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, edKeyPair(), new Date(created.getTime() + 1000));
        PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
        primaryFlags.setKeyFlags(true, KeyFlags.CERTIFY_OTHER);
        PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, "sub <s@example.invalid>",
                new JcaPGPDigestCalculatorProviderBuilder().setProvider(Pgp.provider()).build().get(HashAlgorithmTags.SHA1),
                primaryFlags.generate(), null,
                new JcaPGPContentSignerBuilder(primary.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512).setProvider(Pgp.provider()), null);
        PGPSignatureSubpacketGenerator subkeyFlags = new PGPSignatureSubpacketGenerator();
        subkeyFlags.setKeyFlags(true, KeyFlags.SIGN_DATA);
        generator.addSubKey(subkey, subkeyFlags.generate(), null);
        PGPSecretKeyRing ring = generator.generateSecretKeyRing();

        SigningKey loaded = loader.load(Pgp.armor(ring::encode), "test", null, null);
        assertEquals(Pgp.fingerprint(subkey.getPublicKey()), loaded.fingerprint());
        assertEquals(Pgp.fingerprint(primary.getPublicKey()), loaded.primaryFingerprint());
        // Naming the certificate by its primary fingerprint still signs with the subkey.
        assertEquals(loaded.fingerprint(), loader.load(Pgp.armor(ring::encode), "test", null, Pgp.fingerprint(primary.getPublicKey())).fingerprint());
    }

    @Test
    void severalKeysNeedAFingerprint() throws Exception {
        byte[] both = concat(TestKeys.ed25519().armoredSecretKey(), TestKeys.rsa().armoredSecretKey());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> loader.load(both, "key file keys.asc", null, null));
        assertEquals(Setting.KEY_FINGERPRINT, e.setting());
        assertTrue(e.getMessage().contains("holds 2 keys"), e.getMessage());
        assertTrue(e.getMessage().contains(TestKeys.ed25519().fingerprint()) && e.getMessage().contains(TestKeys.rsa().fingerprint()), e.getMessage());
        assertTrue(e.getMessage().contains("set key fingerprint to choose one"), e.getMessage());

        String grouped = TestKeys.rsa().fingerprint().replaceAll("(.{4})", "$1 ").toLowerCase();
        assertEquals(TestKeys.rsa().fingerprint(), loader.load(both, "test", null, grouped).fingerprint());
        InvalidSettingException unknown = assertThrows(InvalidSettingException.class, () -> loader.load(both, "test", null, "AB".repeat(20)));
        assertTrue(unknown.getMessage().contains("is not in test"), unknown.getMessage());
    }

    @Test
    void aPublicKeyOrGarbageIsNotASigningKey() {
        SigningException publicOnly = assertThrows(SigningException.class,
                () -> loader.load(TestKeys.ed25519().armoredPublicKey(), "key file pub.asc", null, null));
        assertTrue(publicOnly.getMessage().contains("holds only public keys"), publicOnly.getMessage());

        SigningException garbage = assertThrows(SigningException.class,
                () -> loader.load("<project>not a key</project>".getBytes(StandardCharsets.UTF_8), "key file pom.xml", null, null));
        assertTrue(garbage.getMessage().startsWith("key file pom.xml"), garbage.getMessage());

        SigningException empty = assertThrows(SigningException.class, () -> loader.load(new byte[0], "environment X", null, null));
        assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
    }

    private static PGPSecretKeyRing secretRing(KeyGenerator.GeneratedKey key) throws Exception {
        try (var in = org.bouncycastle.openpgp.PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(key.armoredSecretKey()))) {
            return new PGPSecretKeyRing(in, new org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator());
        }
    }

    private static java.security.KeyPair edKeyPair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519", Pgp.provider()).generateKeyPair();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
