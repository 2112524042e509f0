package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyConverter;

import dev.securebuild.shared.signer.SigningException;

/**
 * OpenPGP v4 keys and signatures for a key whose private half is elsewhere (a hardware token): BouncyCastle builds
 * the key packet from the public key and a fixed creation time, and the signature packets around an operation that
 * signs the finished SHA-512 (the same one-read pipeline as {@link PgpSigner}).
 */
public final class ExternalKeySignatures {

    private ExternalKeySignatures() {}

    /**
     * Signs a SHA-512 hash, returning the value as OpenPGP carries it: for RSA the PKCS#1 v1.5 signature of the
     * DigestInfo, for ECDSA the DER SEQUENCE of r and s.
     */
    @FunctionalInterface
    public interface HashSigner {
        byte[] sign(byte[] sha512) throws SigningException;
    }

    /** The OpenPGP v4 public key for an RSA or EC (P-256, P-384, P-521) public key, created at the given time. */
    public static PGPPublicKey publicKey(PublicKey key, Instant created) throws SigningException {
        int algorithm;
        if (key instanceof RSAPublicKey) {
            algorithm = PublicKeyAlgorithmTags.RSA_GENERAL;
        } else if (key instanceof ECPublicKey) {
            algorithm = PublicKeyAlgorithmTags.ECDSA;
        } else {
            throw new SigningException("A " + key.getAlgorithm() + " key cannot be used: RSA and ECDSA keys can");
        }
        try {
            return new JcaPGPKeyConverter().getPGPPublicKey(algorithm, key, Date.from(created));
        } catch (PGPException e) {
            throw new SigningException("The " + key.getAlgorithm() + " public key cannot be made an OpenPGP key: " + KeyRings.safeMessage(e), e);
        }
    }

    public static String fingerprint(PGPPublicKey key) {
        return Pgp.fingerprint(key);
    }

    /** A detached signature of a binary document given by its SHA-512, armored as {@link PgpSigner#sign} does. */
    public static byte[] signDetached(PGPPublicKey key, MessageDigest documentSha512, Instant at, HashSigner signer) throws SigningException {
        PGPSignatureGenerator generator = generator(key, documentSha512, signer);
        try {
            generator.init(PGPSignature.BINARY_DOCUMENT, placeholder(key));
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(at));
            hashed.setIssuerFingerprint(false, key);
            generator.setHashedSubpackets(hashed.generate());
            generator.setUnhashedSubpackets(issuer(key));
            PGPSignature signature = generator.generate();
            return Pgp.armor(signature::encode);
        } catch (PGPException | IOException | RuntimeException e) {
            throw failure(key, e);
        }
    }

    /**
     * The armored certificate: the key with one user id, self-signed (positive certification) at {@code at}, with the
     * key flags certify and sign and SHA-512 preferred. gpg, sq and rnp import it as is.
     */
    public static byte[] certificate(PGPPublicKey key, String userId, Instant at, HashSigner signer) throws SigningException {
        if (userId == null || userId.isBlank()) {
            throw new SigningException("The OpenPGP certificate needs a user id, such as 'Example Releases <releases@example.org>'");
        }
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-512", e);
        }
        PGPSignatureGenerator generator = generator(key, sha512, signer);
        try {
            generator.init(PGPSignature.POSITIVE_CERTIFICATION, placeholder(key));
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(at));
            hashed.setIssuerFingerprint(false, key);
            hashed.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            hashed.setPrimaryUserID(false, true);
            generator.setHashedSubpackets(hashed.generate());
            generator.setUnhashedSubpackets(issuer(key));
            PGPSignature certification = generator.generateCertification(userId, key);
            PGPPublicKey certified = PGPPublicKey.addCertification(key, userId, certification);
            return Pgp.armor(out -> certified.encode(out, true));
        } catch (PGPException | IOException | RuntimeException e) {
            throw failure(key, e);
        }
    }

    private static PGPSignatureGenerator generator(PGPPublicKey key, MessageDigest sha512, HashSigner signer) {
        return new PGPSignatureGenerator((type, unused) -> new DigestedContent.Signer(type, key, signer::sign, sha512), key);
    }

    /** BouncyCastle's generator takes a private key; the operation given to it never looks at this one. */
    private static PGPPrivateKey placeholder(PGPPublicKey key) {
        return new PGPPrivateKey(key.getKeyID(), key.getPublicKeyPacket(), null);
    }

    private static org.bouncycastle.openpgp.PGPSignatureSubpacketVector issuer(PGPPublicKey key) {
        PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
        unhashed.setIssuerKeyID(false, key.getKeyID());
        return unhashed.generate();
    }

    private static SigningException failure(PGPPublicKey key, Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof SigningException signing) {
                return signing;
            }
            cause = cause.getCause();
        }
        return new SigningException("Signing with key " + Pgp.fingerprint(key) + " failed: " + KeyRings.safeMessage(e), e);
    }
}
