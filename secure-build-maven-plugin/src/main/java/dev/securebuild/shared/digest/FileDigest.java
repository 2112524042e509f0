package dev.securebuild.shared.digest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The digests of one file, as lowercase hex, and the length that was read. */
public record FileDigest(Path file, long size, Map<DigestAlgorithm, String> hexDigests) {

    public FileDigest {
        hexDigests = Collections.unmodifiableMap(new EnumMap<>(hexDigests));
    }

    public String hex(DigestAlgorithm algorithm) {
        String hex = hexDigests.get(algorithm);
        if (hex == null) {
            throw new IllegalArgumentException(algorithm.jcaName() + " was not computed for " + file);
        }
        return hex;
    }
}
