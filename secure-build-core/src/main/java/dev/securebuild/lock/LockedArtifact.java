package dev.securebuild.lock;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bytes an artifact must have: their SHA-256 and SHA-512 (lowercase hex), and the id of the repository the file
 * came from (as the local repository recorded it; empty when it does not say); and, when the lock goal compared the
 * file with the checksum that repository publishes, what it found.
 */
public final class LockedArtifact {

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");

    private final LockKey key;
    private final String sha256;
    private final String sha512;
    private final String repository;
    private final RemoteChecksum remoteChecksum;

    public LockedArtifact(LockKey key, String sha256, String sha512, String repository) {
        this(key, sha256, sha512, repository, null);
    }

    /** @param remoteChecksum what the comparison with the repository's checksum found; null when not made */
    public LockedArtifact(LockKey key, String sha256, String sha512, String repository, RemoteChecksum remoteChecksum) {
        this.key = Objects.requireNonNull(key, "key");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of " + key + " is not 64 lowercase hex digits");
        }
        if (sha512 == null || !SHA512.matcher(sha512).matches()) {
            throw new IllegalArgumentException("sha512 of " + key + " is not 128 lowercase hex digits");
        }
        this.sha256 = sha256;
        this.sha512 = sha512;
        this.repository = repository == null ? "" : repository;
        this.remoteChecksum = remoteChecksum;
    }

    /** The same, with what the comparison with the repository's checksum found. */
    public LockedArtifact withRemoteChecksum(RemoteChecksum found) {
        return new LockedArtifact(key, sha256, sha512, repository, found);
    }

    public LockKey key() {
        return key;
    }

    public String sha256() {
        return sha256;
    }

    public String sha512() {
        return sha512;
    }

    public String repository() {
        return repository;
    }

    /** @return what the comparison with the repository's checksum found; null when it was not made */
    public RemoteChecksum remoteChecksum() {
        return remoteChecksum;
    }

    /** Whether these are the same bytes: both digests equal. */
    public boolean sameBytes(LockedArtifact other) {
        return sha256.equals(other.sha256) && sha512.equals(other.sha512);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LockedArtifact && key.equals(((LockedArtifact) other).key) && sameBytes((LockedArtifact) other)
                && repository.equals(((LockedArtifact) other).repository) && remoteChecksum == ((LockedArtifact) other).remoteChecksum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, sha256, sha512, repository, remoteChecksum);
    }
}
