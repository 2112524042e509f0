package dev.securebuild.allowlist;

import com.fasterxml.jackson.core.JsonLocation;

import dev.securebuild.shared.yaml.PositionedNode;

/**
 * An allow-list that cannot be used as it is. The message names the file, the line and column when known, and what
 * was expected there; the rule turns it into an error that stops the build (never into "nothing is allowed").
 */
public final class InvalidAllowListException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidAllowListException(String message) {
        super(message);
    }

    public InvalidAllowListException(String message, Throwable cause) {
        super(message, cause);
    }

    static InvalidAllowListException at(String file, JsonLocation location, String expected) {
        return new InvalidAllowListException(PositionedNode.message(file, location, expected));
    }
}
