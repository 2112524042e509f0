package dev.securebuild.reproducible;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.securebuild.shared.digest.DigestAlgorithm;

/** Content that is compared by size and digest only, or byte by byte as two streams when it is too large to diff. */
final class Binary {

    private static final int BUFFER = 64 * 1024;

    private Binary() {}

    static Difference difference(String location, byte[] left, byte[] right) throws IOException {
        return of(location, left.length, right.length, sha256(left), sha256(right), null);
    }

    static Difference difference(String location, EntryInfo left, EntryInfo right, String why) {
        return of(location, left.size(), right.size(), left.sha256(), right.sha256(), why);
    }

    static Difference difference(Input left, Input right, String why) throws IOException {
        try (InputStream l = left.open(); InputStream r = right.open()) {
            return of(left.location(), left.size(), right.size(), Digests.hex(DigestAlgorithm.SHA256, l), Digests.hex(DigestAlgorithm.SHA256, r), why);
        }
    }

    /** One side read in buffers: what is buffered, where the comparison is in it, and the size and digest so far. */
    private static final class Side {
        final InputStream in;
        final MessageDigest digest = Digests.sha256();
        final byte[] buffer = new byte[BUFFER];
        int count;
        int position;
        long size;
        boolean ended;

        Side(InputStream in) {
            this.in = in;
        }

        /** Reads the next buffer once this one is compared; at the end, count stays 0. */
        void refill() throws IOException {
            if (position < count || ended) {
                return;
            }
            count = Math.max(0, in.readNBytes(buffer, 0, BUFFER));
            ended = count == 0;
            digest.update(buffer, 0, count);
            size += count;
            position = 0;
        }

        int available() {
            return count - position;
        }

        void skipBuffer() {
            position = count;
        }
    }

    /**
     * Two contents too large to diff line by line, read side by side in small buffers: their sizes, digests and where
     * they first differ (byte offset and line), in constant memory.
     */
    static Difference streamed(String location, InputStream left, InputStream right, String why) throws IOException {
        Side l = new Side(left);
        Side r = new Side(right);
        long firstDifference = -1;
        long compared = 0;
        long line = 1;
        while (true) {
            l.refill();
            r.refill();
            if (l.ended && r.ended) {
                break;
            }
            if (firstDifference < 0) {
                int common = Math.min(l.available(), r.available());
                int same = 0;
                while (same < common && l.buffer[l.position + same] == r.buffer[r.position + same]) {
                    if (l.buffer[l.position + same] == '\n') {
                        line++;
                    }
                    same++;
                }
                compared += same;
                l.position += same;
                r.position += same;
                // A byte that differs, or a byte that one side has and the other lacks.
                if (same < common || common == 0) {
                    firstDifference = compared;
                }
            }
            if (firstDifference >= 0) {
                l.skipBuffer();   // only the sizes and digests are still wanted
                r.skipBuffer();
            }
        }
        String where = firstDifference < 0 ? "the bytes are the same" : "first difference at byte " + firstDifference + " (line " + line + ")";
        Difference difference = of(location, l.size, r.size, HexFormat.of().formatHex(l.digest.digest()),
                HexFormat.of().formatHex(r.digest.digest()), why + "; " + where);
        Map<String, String> facts = new java.util.LinkedHashMap<>(difference.facts());
        facts.put("firstDifferenceOffset", String.valueOf(firstDifference));
        facts.put("firstDifferenceLine", String.valueOf(line));
        return Difference.of(location, difference.kind(), difference.summary(), difference.details(), facts);
    }

    static Difference streamed(String location, byte[] left, byte[] right, String why) throws IOException {
        return streamed(location, new ByteArrayInputStream(left), new ByteArrayInputStream(right), why);
    }

    private static Difference of(String location, long leftSize, long rightSize, String leftSha256, String rightSha256, String why) {
        String sizes = leftSize == rightSize ? "same size (" + Sizes.human(leftSize) + ")" : Sizes.human(leftSize) + " against " + Sizes.human(rightSize);
        return Difference.of(location, DifferenceKind.BINARY_CONTENT, "binary content differs, " + sizes + (why == null ? "" : "; " + why),
                List.of("left  SHA-256 " + leftSha256, "right SHA-256 " + rightSha256),
                Map.of("leftSize", String.valueOf(leftSize), "rightSize", String.valueOf(rightSize)));
    }

    private static String sha256(byte[] bytes) throws IOException {
        return Digests.hex(DigestAlgorithm.SHA256, new ByteArrayInputStream(bytes));
    }
}
