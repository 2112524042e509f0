package dev.securebuild.lock;

import java.nio.file.Path;
import java.util.Objects;

/** The file an artifact resolves to in this build, with the digests of its bytes and the repository it came from. */
public final class ResolvedFile {

    private final LockedArtifact digests;
    private final Path file;

    public ResolvedFile(LockedArtifact digests, Path file) {
        this.digests = Objects.requireNonNull(digests, "digests");
        this.file = Objects.requireNonNull(file, "file");
    }

    public LockedArtifact digests() {
        return digests;
    }

    public Path file() {
        return file;
    }
}
