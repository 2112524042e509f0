package dev.securebuild.lock;

/**
 * What the lock goal found when it compared an artifact's file with the checksum its remote repository publishes
 * (field {@code remoteChecksum} of the lock; absent when that was not asked for).
 */
public enum RemoteChecksum {
    /** Equal to the repository's {@code .sha256}. */
    SHA256("sha256"),
    /** Equal to the repository's {@code .sha512} (it publishes no SHA-256). */
    SHA512("sha512"),
    /** Equal to the repository's {@code .sha1}, the only one it publishes: weaker, SHA-1 is not collision resistant. */
    SHA1("sha1"),
    /** The repositories were reached and publish no checksum of it (or not the artifact: installed by hand). */
    NOT_PUBLISHED("not published"),
    /** No repository could be asked (offline, unreachable, refused): not checked. */
    UNREACHABLE("unreachable");

    private final String label;

    RemoteChecksum(String label) {
        this.label = label;
    }

    /** As the lock writes it. */
    public String label() {
        return label;
    }

    /** Whether the file was found equal to a published checksum. */
    public boolean verified() {
        return this == SHA256 || this == SHA512 || this == SHA1;
    }

    public static RemoteChecksum parse(String label) {
        for (RemoteChecksum value : values()) {
            if (value.label.equals(label)) {
                return value;
            }
        }
        throw new IllegalArgumentException("expected one of sha256, sha512, sha1, not published, unreachable");
    }
}
