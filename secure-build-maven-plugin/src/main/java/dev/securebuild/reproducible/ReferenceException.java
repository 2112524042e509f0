package dev.securebuild.reproducible;

/** The reference to compare with cannot be found as configured: a setting to change, not a file that failed to read. */
public class ReferenceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReferenceException(String message) {
        super(message);
    }
}
