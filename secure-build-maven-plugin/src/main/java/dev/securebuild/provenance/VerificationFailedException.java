package dev.securebuild.provenance;

/** What was verified does not hold (a broken ledger, a provenance that does not match): the build fails with this message. */
public final class VerificationFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public VerificationFailedException(String message) {
        super(message);
    }
}
