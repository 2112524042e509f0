package dev.securebuild.reproducible;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes one comparison expands, against {@link ArchiveLimits#maxExpandedBytes()}, and what it holds in
 * memory at once (entries read for comparing, at every nesting level), against {@link ArchiveLimits#maxInMemoryBytes()}.
 */
final class Budget {

    private final ArchiveLimits limits;
    private final AtomicLong expanded = new AtomicLong();
    private final java.util.Map<String, AtomicLong> byArchive = new java.util.concurrent.ConcurrentHashMap<>();
    private long held;

    Budget(ArchiveLimits limits) {
        this.limits = limits;
    }

    ArchiveLimits limits() {
        return limits;
    }

    /** Wraps the stream of an entry of {@code archive}: reading past the budget fails naming it. */
    InputStream count(InputStream in, String archive) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1, archive);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    add(read, archive);
                }
                return read;
            }
        };
    }

    private void add(long bytes, String archive) throws ArchiveLimitException {
        byArchive.computeIfAbsent(archive, name -> new AtomicLong()).addAndGet(bytes);
        long total = expanded.addAndGet(bytes);
        if (total > limits.maxExpandedBytes()) {
            // Both sides are read at once: blame the archive that expanded most, not the one that read the last byte.
            String largest = byArchive.entrySet().stream().max(java.util.Comparator.comparingLong(e -> e.getValue().get()))
                    .map(java.util.Map.Entry::getKey).orElse(archive);
            throw new ArchiveLimitException(largest + ": expands to more than " + Sizes.human(limits.maxExpandedBytes())
                    + " (limit maxExpandedSize): an archive bomb, or a larger archive than expected; raise the limit if it is genuine");
        }
    }

    /** What may still be held in memory: the limit less what the enclosing comparisons hold. */
    long available() {
        return limits.maxInMemoryBytes() - held;
    }

    /** Records that {@code bytes} are held until {@link #release}; the caller checked {@link #available()} first. */
    void hold(long bytes) {
        held += bytes;
    }

    void release(long bytes) {
        held -= bytes;
    }

    void checkEntries(int entries, String archive) throws ArchiveLimitException {
        if (entries > limits.maxEntries()) {
            throw new ArchiveLimitException(archive + ": has more than " + limits.maxEntries()
                    + " entries (limit maxEntries): an archive bomb, or a larger archive than expected; raise the limit if it is genuine");
        }
    }
}
