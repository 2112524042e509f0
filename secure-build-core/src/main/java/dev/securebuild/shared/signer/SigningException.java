package dev.securebuild.shared.signer;

/** Signing or key handling failed. The message is safe to show: it never holds key material or a passphrase. */
public class SigningException extends Exception {
    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
