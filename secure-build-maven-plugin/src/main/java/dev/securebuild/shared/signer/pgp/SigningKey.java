package dev.securebuild.shared.signer.pgp;

import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * An unlocked OpenPGP signing key: the private part of the chosen signing (sub)key, its public part, and the whole
 * certificate that verifiers need. Where it came from is kept for messages, never the key or the passphrase.
 */
public record SigningKey(PGPPrivateKey privateKey, PGPPublicKey publicKey, PGPPublicKeyRing certificate, String source) {

    public String fingerprint() {
        return Pgp.fingerprint(publicKey);
    }

    public String primaryFingerprint() {
        return Pgp.fingerprint(certificate.getPublicKey());
    }

    @Override
    public String toString() {
        return "SigningKey[" + fingerprint() + " from " + source + "]";
    }
}
