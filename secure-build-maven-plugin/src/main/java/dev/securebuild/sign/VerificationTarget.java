package dev.securebuild.sign;

import java.nio.file.Path;
import java.util.Map;

import dev.securebuild.shared.digest.DigestAlgorithm;

/**
 * One file to verify and what to verify it against.
 *
 * @param name how the file is named in the output lines
 * @param signature where its detached signature should be (it may be missing)
 * @param sidecars the checksum sidecars that exist for it
 * @param summaryDigests digests that summary files ({@code SHA256SUMS}) list for it
 */
public record VerificationTarget(String name, Path file, Path signature, Map<DigestAlgorithm, Path> sidecars,
                                 Map<DigestAlgorithm, String> summaryDigests) {
    public VerificationTarget {
        sidecars = Map.copyOf(sidecars);
        summaryDigests = Map.copyOf(summaryDigests);
    }
}
