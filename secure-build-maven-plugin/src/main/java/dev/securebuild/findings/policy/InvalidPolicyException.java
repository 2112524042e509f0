package dev.securebuild.findings.policy;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;

import dev.securebuild.shared.text.Printable;

/**
 * A policy file that cannot be used as it is: never replaced by the default policy. The message names the file, the
 * line and column when known, and what was expected there.
 */
public final class InvalidPolicyException extends IOException {

    public InvalidPolicyException(String message) {
        super(message);
    }

    public InvalidPolicyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message is escaped whole ({@link Printable}): it quotes the policy's keys and values. */
    public static InvalidPolicyException at(String file, JsonLocation location, String expected) {
        String where = location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new InvalidPolicyException(Printable.of(file) + where + ": " + Printable.of(expected));
    }
}
