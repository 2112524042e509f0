package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A reference {@code .buildinfo}: it holds the length and SHA-512 of each output, not the files, so an output is
 * equal to it or not, with no entry-level explanation.
 */
public final class BuildInfoReference {

    private BuildInfoReference() {}

    private static long length(Properties info, String key) throws IOException {
        String value = info.getProperty(key, "-1");
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IOException("the reference .buildinfo gives " + key + "='" + TextDiff.shorten(value) + "': expected a length in bytes", e);
        }
    }

    /** @param name the output's repository name, as {@code outputs.*.filename} gives it */
    public static ArtifactComparison compare(Properties info, String name, Path file) throws IOException {
        String expected = null;
        long length = -1;
        for (String key : info.stringPropertyNames()) {
            if (key.endsWith(".filename") && info.getProperty(key).equals(name)) {
                String prefix = key.substring(0, key.length() - "filename".length());
                expected = info.getProperty(prefix + "checksums.sha512");
                length = length(info, prefix + "length");
            }
        }
        String actual = Digests.sha512(file);
        long size = Files.size(file);
        CauseRules causes = new CauseRules(true);
        if (expected == null) {
            return new ArtifactComparison(name, ArtifactComparison.Status.MISSING, null, actual, -1, size,
                    List.of(causes.explain(Difference.of(name, DifferenceKind.MISSING, name + " is not in the reference .buildinfo",
                            List.of(), java.util.Map.of("side", "right")))));
        }
        if (expected.equals(actual)) {
            return new ArtifactComparison(name, ArtifactComparison.Status.OK, expected, actual, length, size, List.of());
        }
        return new ArtifactComparison(name, ArtifactComparison.Status.DIFFERENT, expected, actual, length, size,
                List.of(causes.explain(Difference.of(name, DifferenceKind.BINARY_CONTENT, "the SHA-512 differs from the one the reference "
                        + ".buildinfo records (length " + length + " against " + size + "); a .buildinfo has no files to compare entry "
                        + "by entry: give referenceDirectory or use the repository", List.of(), java.util.Map.of("digestOnly", "true")))));
    }
}
