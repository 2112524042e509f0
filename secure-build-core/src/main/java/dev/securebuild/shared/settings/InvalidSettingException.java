package dev.securebuild.shared.settings;

/**
 * A setting of a goal that cannot be used as given (an age that is no age, a limit below one, an unknown name in a
 * list): the user's to fix, unlike an {@link IllegalArgumentException}, which is a bug of ours. The message says what is
 * wrong and what is expected; the face may add which parameter or property sets it.
 */
public final class InvalidSettingException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }
}
