package dev.securebuild.findings;

/** What the policy made of one merged finding. */
public enum Outcome {
    /** At or above the threshold and not cleared: fails the build. */
    BLOCKING,
    /** Below the threshold: listed, never hidden. */
    WARNING,
    /** Cleared by a policy exception that is in force. */
    EXCEPTED,
    /** Cleared by a VEX statement (not_affected or fixed). */
    NOT_AFFECTED,
    /** An accepted suppression in the report itself. */
    SUPPRESSED;

    public boolean blocks() {
        return this == BLOCKING;
    }
}
