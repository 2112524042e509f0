package dev.securebuild.reproducible;

import java.io.IOException;

/** An archive went past one of the {@link ArchiveLimits}: the comparison stops rather than expand it further. */
public final class ArchiveLimitException extends IOException {

    public ArchiveLimitException(String message) {
        super(message);
    }
}
