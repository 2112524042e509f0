package dev.securebuild.shared.outputs;

import java.nio.file.Path;

/**
 * A file the build produced and will install and deploy: the POM, the main artifact or an attached one.
 *
 * @param file where it is now
 * @param repositoryName its name in a repository ({@code demo-1.0-sources.jar}), used for outputs and summaries
 * @param extension the artifact's extension ({@code jar}, {@code pom}), from which attached types are made
 * @param classifier null for the POM and the main artifact
 */
public record ProducedFile(Path file, String repositoryName, String extension, String classifier) {

    /** Signatures and checksums are outputs of this capability, never inputs to it. */
    public boolean isSignatureOrChecksum() {
        return isSignatureOrChecksum(repositoryName) || isSignatureOrChecksum(extension);
    }

    public static boolean isSignatureOrChecksum(String name) {
        int dot = name.lastIndexOf('.');
        String ending = dot < 0 ? name : name.substring(dot + 1);
        return ending.equalsIgnoreCase("asc") || ending.equalsIgnoreCase("sig")
                || dev.securebuild.shared.digest.DigestAlgorithm.isChecksumExtension(ending)
                || name.toUpperCase(java.util.Locale.ROOT).endsWith("SUMS");
    }
}
