package dev.securebuild.shared.signer.pgp;

import java.security.PublicKey;
import java.util.Iterator;
import java.util.Optional;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyConverter;

import dev.securebuild.shared.signer.SigningException;

/**
 * The JDK public key of a key in a known OpenPGP certificate, to check the bare message signatures of
 * {@link dev.securebuild.shared.signer.Signer#signMessage} (ledger records, DSSE envelopes) with
 * {@link PgpSigner#verifyMessage}.
 */
public final class CertificateKeys {

    /**
     * A key found in a certificate.
     *
     * @param fingerprint        the key's own fingerprint (the signing subkey's, or the primary key's)
     * @param primaryFingerprint the fingerprint of its certificate's primary key: what a list of trusted keys names
     * @param publicKey          the key for the JDK's {@code Signature}
     */
    public record MessageKey(String fingerprint, String primaryFingerprint, PublicKey publicKey) {}

    private CertificateKeys() {}

    /** The key (primary or subkey) with this fingerprint among the known certificates; empty when none has it. */
    public static Optional<MessageKey> find(PublicKeys known, String fingerprint) throws SigningException {
        String wanted = Pgp.normalizeFingerprint(fingerprint);
        Optional<PGPPublicKeyRing> ring = known.certificateOf(wanted);
        if (ring.isEmpty()) {
            return Optional.empty();
        }
        for (Iterator<PGPPublicKey> it = ring.get().getPublicKeys(); it.hasNext(); ) {
            PGPPublicKey key = it.next();
            if (Pgp.fingerprint(key).equals(wanted)) {
                try {
                    return Optional.of(new MessageKey(wanted, Pgp.fingerprint(ring.get().getPublicKey()),
                            new JcaPGPKeyConverter().getPublicKey(key)));
                } catch (PGPException e) {
                    throw new SigningException("The public key " + wanted + " cannot be converted for the JDK: " + KeyRings.safeMessage(e), e);
                }
            }
        }
        return Optional.empty();
    }
}
