package dev.securebuild.findings;

/**
 * A setting of the check that cannot be used as given (an age that is no age, a limit below one): the user's to fix,
 * unlike an {@link IllegalArgumentException}, which is a bug of ours. The message says what is wrong and what is expected.
 */
public final class InvalidSettingException extends Exception {

    public InvalidSettingException(String message) {
        super(message);
    }
}
