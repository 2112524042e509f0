package dev.securebuild.shared.signer.pgp;

import java.security.GeneralSecurityException;
import java.security.PublicKey;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyConverter;

import dev.securebuild.shared.signer.SigningException;

/**
 * The key of an OpenPGP certificate as a verifier of {@link PgpSigner#signMessage} signatures needs it: the JDK
 * public key and the scheme, found by the fingerprint that a DSSE signature or a ledger record names as its key id.
 *
 * @param fingerprint        the (sub)key's fingerprint
 * @param primaryFingerprint the fingerprint of the certificate's primary key, which trust lists name
 * @param scheme             {@code ed25519}, {@code rsa-pkcs1v15-sha256} or {@code ecdsa-sha2-nistp256}
 */
public record MessageKey(String fingerprint, String primaryFingerprint, String scheme, PublicKey publicKey) {

    /** Checks a message signature with the JDK. */
    public boolean verify(byte[] message, byte[] signature) {
        try {
            return MessageSignatures.verify(scheme, publicKey, message, signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed signature value (bad DER, wrong length) is a signature that does not verify.
            return false;
        }
    }

    static MessageKey of(PGPPublicKey key, PGPPublicKeyRing certificate) throws SigningException {
        String fingerprint = Pgp.fingerprint(key);
        String scheme;
        try {
            scheme = MessageSignatures.scheme(key.getAlgorithm());
        } catch (IllegalArgumentException e) {
            throw new SigningException("Key " + fingerprint + " cannot verify message signatures: " + e.getMessage(), e);
        }
        try {
            return new MessageKey(fingerprint, Pgp.fingerprint(certificate.getPublicKey()), scheme, new JcaPGPKeyConverter().getPublicKey(key));
        } catch (PGPException | RuntimeException e) {
            throw new SigningException("The public key " + fingerprint + " cannot be converted: " + KeyRings.safeMessage(e), e);
        }
    }
}
