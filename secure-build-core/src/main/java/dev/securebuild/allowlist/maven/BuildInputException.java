package dev.securebuild.allowlist.maven;

/**
 * A build input the allow-list engine needs could not be had: an allow-list that is missing or cannot be fetched or
 * resolved, or a dependency graph Maven cannot collect. The message says what, in the engine's own words; the rule or
 * goal that called names itself and its settings. (An allow-list that was read but is malformed is an
 * {@link dev.securebuild.allowlist.InvalidAllowListException}.)
 */
public final class BuildInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public BuildInputException(String message) {
        super(message);
    }

    public BuildInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
