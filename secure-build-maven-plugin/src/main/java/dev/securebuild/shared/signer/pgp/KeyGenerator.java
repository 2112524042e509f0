package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

import dev.securebuild.shared.signer.SigningException;

/** Makes throwaway OpenPGP v4 keys for demos, tests and CI smoke tests: one primary key that certifies and signs. */
public final class KeyGenerator {

    public enum KeyType {
        ED25519,
        RSA3072;

        public static KeyType parse(String name) {
            String wanted = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
            for (KeyType type : values()) {
                if (type.name().equals(wanted)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("Unknown key type '" + name.trim() + "': expected ED25519 or RSA-3072");
        }
    }

    /** A generated key: the armored secret and public keys and the fingerprint. */
    public record GeneratedKey(String fingerprint, byte[] armoredSecretKey, byte[] armoredPublicKey) {}

    /** What a key is to be like; {@code validFor} null means it never expires, {@code passphrase} null leaves it unprotected. */
    public record Request(KeyType type, String userId, Instant created, Duration validFor, char[] passphrase, boolean canSign) {
        public Request(KeyType type, String userId, Instant created) {
            this(type, userId, created, null, null, true);
        }
    }

    public GeneratedKey generate(Request request) throws SigningException {
        try {
            Date created = Date.from(request.created());
            PGPKeyPair keyPair = switch (request.type()) {
                case ED25519 -> new JcaPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, javaKeyPair("Ed25519", 0), created);
                case RSA3072 -> new JcaPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, javaKeyPair("RSA", 3072), created);
            };

            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, created);
            hashed.setKeyFlags(true, request.canSign() ? KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA : KeyFlags.CERTIFY_OTHER);
            hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            hashed.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
            hashed.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            hashed.setIssuerFingerprint(false, keyPair.getPublicKey());
            if (request.validFor() != null) {
                hashed.setKeyExpirationTime(true, request.validFor().getSeconds());
            }

            PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().setProvider(Pgp.provider()).build().get(HashAlgorithmTags.SHA1);
            PBESecretKeyEncryptor encryptor = null;
            if (request.passphrase() != null && request.passphrase().length > 0) {
                PGPDigestCalculator sha256 = new JcaPGPDigestCalculatorProviderBuilder().setProvider(Pgp.provider()).build().get(HashAlgorithmTags.SHA256);
                encryptor = new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha256, 0x60)
                        .setProvider(Pgp.provider())
                        .build(request.passphrase());
            }
            PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, keyPair, request.userId(), sha1,
                    hashed.generate(), null,
                    new JcaPGPContentSignerBuilder(keyPair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512).setProvider(Pgp.provider()),
                    encryptor);
            PGPSecretKeyRing secret = generator.generateSecretKeyRing();
            PGPPublicKeyRing publicRing = generator.generatePublicKeyRing();
            return new GeneratedKey(Pgp.fingerprint(publicRing.getPublicKey()), Pgp.armor(secret::encode),
                    Pgp.armor(out -> publicRing.encode(out, true)));
        } catch (PGPException | GeneralSecurityException | IOException e) {
            throw new SigningException("Cannot generate a " + request.type() + " key: " + KeyRings.safeMessage(e), e);
        }
    }

    private static KeyPair javaKeyPair(String algorithm, int size) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, Pgp.provider());
        if (size > 0) {
            generator.initialize(size);
        }
        return generator.generateKeyPair();
    }
}
