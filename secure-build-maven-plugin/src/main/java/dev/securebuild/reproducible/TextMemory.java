package dev.securebuild.reproducible;

/**
 * What a line-by-line diff of two texts holds in memory besides their bytes, counted before it starts so that
 * {@link ArchiveLimits#maxInMemoryBytes()} is kept honestly: the decoded text and its copy with LF line ends (two bytes
 * a character at worst), and for every line its string, its place in two lists and what java-diff-utils keeps per line.
 */
final class TextMemory {

    /** Bytes of text held per byte of input, beyond the input itself: two strings of up to two bytes a character. */
    static final int PER_BYTE = 4;
    /** Bytes per line: a String with its array (about 56), list slots, and the diff's per-line path nodes and arrays. */
    static final int PER_LINE = 160;

    private TextMemory() {}

    static long needed(byte[] left, byte[] right) {
        return PER_BYTE * ((long) left.length + right.length) + PER_LINE * (lines(left) + lines(right));
    }

    private static long lines(byte[] text) {
        long lines = 1;
        for (byte b : text) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
