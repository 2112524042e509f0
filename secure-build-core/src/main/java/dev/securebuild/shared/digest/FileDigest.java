package dev.securebuild.shared.digest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The digests of one file, as lowercase hex, and the length that was read. (A class, not a record: core is Java 11.) */
public final class FileDigest {

    private final Path file;
    private final long size;
    private final Map<DigestAlgorithm, String> hexDigests;

    public FileDigest(Path file, long size, Map<DigestAlgorithm, String> hexDigests) {
        this.file = file;
        this.size = size;
        this.hexDigests = Collections.unmodifiableMap(new EnumMap<>(hexDigests));
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public Map<DigestAlgorithm, String> hexDigests() {
        return hexDigests;
    }

    public String hex(DigestAlgorithm algorithm) {
        String hex = hexDigests.get(algorithm);
        if (hex == null) {
            throw new IllegalArgumentException(algorithm.jcaName() + " was not computed for " + file);
        }
        return hex;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FileDigest)) {
            return false;
        }
        FileDigest that = (FileDigest) other;
        return size == that.size && Objects.equals(file, that.file) && hexDigests.equals(that.hexDigests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, size, hexDigests);
    }

    @Override
    public String toString() {
        return "FileDigest[file=" + file + ", size=" + size + ", hexDigests=" + hexDigests + "]";
    }
}
