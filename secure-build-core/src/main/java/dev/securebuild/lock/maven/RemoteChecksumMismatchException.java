package dev.securebuild.lock.maven;

import java.util.List;

/** Files in the local repository that are not what their remote repository publishes: a lock of them is not written. */
public final class RemoteChecksumMismatchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> mismatches;

    public RemoteChecksumMismatchException(List<String> mismatches) {
        super(mismatches.size() + " file(s) in the local repository are not what their repository publishes; the lock was not written:\n"
                + String.join("\n", mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    /** One message per file. */
    public List<String> mismatches() {
        return mismatches;
    }
}
