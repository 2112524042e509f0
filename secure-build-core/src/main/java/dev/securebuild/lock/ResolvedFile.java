package dev.securebuild.lock;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The file an artifact resolves to in this build, with the digests of its bytes and the repository it came from. The
 * SHA-512 is computed when a lock is written; a check compares the SHA-256 alone (one collision-resistant digest
 * proves the bytes, and it costs a third of both). The repository is looked up when asked: only a message needs it.
 */
public final class ResolvedFile {

    private final LockKey key;
    private final String sha256;
    private final String sha512;
    private final Supplier<String> repository;
    private final Path file;

    /** @param sha512 null when only the SHA-256 was computed */
    public ResolvedFile(LockKey key, String sha256, String sha512, Supplier<String> repository, Path file) {
        this.key = Objects.requireNonNull(key, "key");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.sha512 = sha512;
        this.repository = Objects.requireNonNull(repository, "repository");
        this.file = Objects.requireNonNull(file, "file");
    }

    /** A file with both digests of {@code locked} and its repository. */
    public static ResolvedFile of(LockedArtifact locked, Path file) {
        return new ResolvedFile(locked.key(), locked.sha256(), locked.sha512(), locked::repository, file);
    }

    public LockKey key() {
        return key;
    }

    public String sha256() {
        return sha256;
    }

    /** Null when only the SHA-256 was computed (a check). */
    public String sha512() {
        return sha512;
    }

    /** The id of the repository the local repository says the file came from; empty when it does not say. */
    public String repository() {
        String id = repository.get();
        return id == null ? "" : id;
    }

    public Path file() {
        return file;
    }

    /** Whether these are the bytes {@code locked} names: the same SHA-256, and the same SHA-512 when it was computed. */
    public boolean sameBytes(LockedArtifact locked) {
        return sha256.equals(locked.sha256()) && (sha512 == null || sha512.equals(locked.sha512()));
    }

    /** As the lock records it. */
    public LockedArtifact locked() {
        if (sha512 == null) {
            throw new IllegalStateException(key + " was resolved for a check: its SHA-512 was not computed");
        }
        return new LockedArtifact(key, sha256, sha512, repository());
    }
}
