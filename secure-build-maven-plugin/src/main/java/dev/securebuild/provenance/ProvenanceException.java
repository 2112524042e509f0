package dev.securebuild.provenance;

/**
 * A provenance or ledger goal cannot do its work: a file it cannot read or write, a key it cannot use, an event it
 * cannot record. The message is the one the build fails with; the cause is kept for the stack trace.
 */
public final class ProvenanceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProvenanceException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProvenanceException(String message) {
        super(message);
    }
}
