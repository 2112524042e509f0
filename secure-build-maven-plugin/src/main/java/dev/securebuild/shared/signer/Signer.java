package dev.securebuild.shared.signer;

import dev.securebuild.shared.digest.ByteSink;

/**
 * Makes detached signatures with one key. The in-process OpenPGP key is one implementation; a hardware token is
 * another. Implementations are safe to use from several threads; each {@link DocumentSignature} belongs to one.
 */
public interface Signer {

    /** A signature in progress over one document, fed the document's bytes as they are read. */
    interface DocumentSignature extends ByteSink {
        /** Ends the document and returns the detached signature, ASCII-armored with LF line ends. */
        byte[] finish() throws SigningException;
    }

    DocumentSignature begin() throws SigningException;

    /** The uppercase hex fingerprint of the key that signs. */
    String fingerprint();

    /** The armored public key (certificate) that verifies this signer's signatures. */
    byte[] armoredPublicKey();
}
