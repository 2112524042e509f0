package dev.securebuild.reproducible;

import java.io.IOException;

/** An input that claims to be an archive (by its name or its first bytes) cannot be read as one. */
public final class CorruptArchiveException extends IOException {

    public CorruptArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
