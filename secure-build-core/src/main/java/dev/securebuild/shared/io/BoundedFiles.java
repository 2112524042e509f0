package dev.securebuild.shared.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole file that an input names (a key, a signature, a provenance file) only up to a limit, so that a file of
 * gigabytes where a few kilobytes belong is refused instead of filling the heap.
 */
public final class BoundedFiles {

    private BoundedFiles() {}

    /**
     * The file's bytes.
     *
     * @throws TooLargeException naming the file and the limit, when it holds more than {@code maxBytes}
     */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = readAtMost(in, maxBytes);
            if (bytes == null) {
                throw new TooLargeException(file + " is larger than " + maxBytes + " bytes, far more than it should hold; it was not read");
            }
            return bytes;
        }
    }

    /** All of {@code in} when it holds at most {@code maxBytes}; null when it holds more (one byte more is read to know). */
    public static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        return bytes.length > maxBytes ? null : bytes;
    }

    /** A file larger than what it should hold. */
    public static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        public TooLargeException(String message) {
            super(message);
        }
    }
}
