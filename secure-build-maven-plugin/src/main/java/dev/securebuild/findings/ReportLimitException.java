package dev.securebuild.findings;

/**
 * A report that exceeds one of the limits its parser is held to ({@link Limit}): refused like any report that cannot be
 * read, and saying which limit, so that the caller can name the setting that raises it.
 */
public final class ReportLimitException extends ReportParseException {

    /** The limits a report is read within. */
    public enum Limit {
        /** Characters of one string (a message, a description) or name. */
        STRING_LENGTH,
        /** Arrays and objects, or elements, inside one another. */
        NESTING_DEPTH,
        /** Digits of one number: fixed, no real report comes near it. */
        NUMBER_LENGTH
    }

    private final Limit limit;

    public ReportLimitException(String message, Limit limit, Throwable cause) {
        super(message, cause);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
