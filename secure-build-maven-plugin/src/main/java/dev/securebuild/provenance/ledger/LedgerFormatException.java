package dev.securebuild.provenance.ledger;

/** A ledger line that is not a record of the documented form; the message says what is wrong with it. */
public final class LedgerFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public LedgerFormatException(String message) {
        super(message);
    }
}
