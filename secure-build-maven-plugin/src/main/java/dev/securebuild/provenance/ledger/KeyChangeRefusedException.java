package dev.securebuild.provenance.ledger;

/**
 * A record would be signed by another key than the ledger's, and no change of key was declared for that key: nothing
 * was appended.
 */
public final class KeyChangeRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String ledgerKey;
    private final String signingKey;

    KeyChangeRefusedException(String message, String ledgerKey, String signingKey) {
        super(message);
        this.ledgerKey = ledgerKey;
        this.signingKey = signingKey;
    }

    /** The fingerprint of the key that signed the ledger's last record. */
    public String ledgerKey() {
        return ledgerKey;
    }

    /** The fingerprint of the key that would sign the new record. */
    public String signingKey() {
        return signingKey;
    }
}
