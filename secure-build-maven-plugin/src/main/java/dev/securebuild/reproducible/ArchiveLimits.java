package dev.securebuild.reproducible;

/**
 * Bounds that keep a hostile or broken archive (a zip bomb, a deeply nested archive) from exhausting the build: the
 * comparison stops with {@link ArchiveLimitException} naming the limit and the parameter that raises it.
 *
 * @param maxEntries      entries of one archive, at any nesting level
 * @param maxExpandedBytes bytes read after decompression, over the whole comparison of one pair
 * @param maxDepth        archives inside archives (a jar in a war in an ear is depth 2)
 * @param maxInMemoryBytes the largest entry held in memory: a nested archive, or a text or class file diffed line by
 *                         line; a larger one is compared by digest only
 */
public record ArchiveLimits(int maxEntries, long maxExpandedBytes, int maxDepth, long maxInMemoryBytes) {

    public static final ArchiveLimits DEFAULT = new ArchiveLimits(200_000, 16L << 30, 5, 256L << 20);

    public ArchiveLimits {
        if (maxEntries < 1 || maxExpandedBytes < 1 || maxDepth < 0 || maxInMemoryBytes < 1) {
            throw new IllegalArgumentException("archive limits must be positive (maxDepth may be 0)");
        }
    }
}
