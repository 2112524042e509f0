package dev.securebuild.lock;

import java.io.IOException;

/** A lock file that is not one this version reads: the message names the file, the line and column, and what was expected. */
public final class InvalidLockException extends IOException {

    public InvalidLockException(String message) {
        super(message);
    }
}
