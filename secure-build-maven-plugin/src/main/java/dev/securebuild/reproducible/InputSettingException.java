package dev.securebuild.reproducible;

/**
 * A setting names an input that a comparing goal cannot use (a reference folder that is a link, a repository while
 * offline, a file that does not exist): a setting to change, not a file that failed to read.
 */
public class InputSettingException extends Exception {

    private static final long serialVersionUID = 1L;

    public InputSettingException(String message) {
        super(message);
    }
}
