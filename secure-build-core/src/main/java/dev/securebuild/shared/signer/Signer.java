package dev.securebuild.shared.signer;

import java.security.MessageDigest;

/**
 * Makes detached signatures with one key. The in-process OpenPGP key is one implementation; a hardware token is
 * another. Implementations are safe to use from several threads.
 */
public interface Signer {

    /**
     * Signs a document given by its SHA-512: a digest that has consumed the document's bytes and nothing else. The
     * digest is left as it is, so that the same one pass also gives the document's own SHA-512.
     *
     * @return the detached signature, ASCII-armored with LF line ends
     */
    byte[] sign(MessageDigest documentSha512) throws SigningException;

    /** The uppercase hex fingerprint of the key that signs. */
    String fingerprint();

    /** The armored public key (certificate) that verifies this signer's signatures. */
    byte[] armoredPublicKey();

    /**
     * A bare signature over a whole message (not an OpenPGP packet), for formats that carry one: DSSE envelopes, ledger
     * records. The scheme depends on the key: see {@link #messageScheme()}.
     */
    byte[] signMessage(byte[] message) throws SigningException;

    /** The scheme of {@link #signMessage}, as DSSE verifiers name it: {@code ed25519}, {@code rsa-pkcs1v15-sha256} or {@code ecdsa-sha2-nistp256}. */
    String messageScheme();

    /** The public key that verifies {@link #signMessage}, for the JDK and for PEM ({@code getEncoded()} is SubjectPublicKeyInfo DER). */
    java.security.PublicKey messagePublicKey();
}
