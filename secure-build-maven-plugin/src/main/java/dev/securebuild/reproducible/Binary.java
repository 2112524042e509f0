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

    /**
     * Two contents too large to diff line by line, read side by side in small buffers: their sizes, digests and where
     * they first differ (byte offset and line), in constant memory.
     */
    static Difference streamed(String location, InputStream left, InputStream right, String why) throws IOException {
        MessageDigest leftDigest = Digests.sha256();
        MessageDigest rightDigest = Digests.sha256();
        byte[] l = new byte[BUFFER];
        byte[] r = new byte[BUFFER];
        long leftSize = 0;
        long rightSize = 0;
        long firstDifference = -1;
        long compared = 0;
        long line = 1;
        int leftCount = 0;
        int rightCount = 0;
        int leftPos = 0;
        int rightPos = 0;
        boolean leftEnd = false;
        boolean rightEnd = false;
        while (true) {
            if (leftPos == leftCount && !leftEnd) {
                leftCount = Math.max(0, left.readNBytes(l, 0, BUFFER));
                leftEnd = leftCount == 0;
                leftDigest.update(l, 0, leftCount);
                leftSize += leftCount;
                leftPos = 0;
            }
            if (rightPos == rightCount && !rightEnd) {
                rightCount = Math.max(0, right.readNBytes(r, 0, BUFFER));
                rightEnd = rightCount == 0;
                rightDigest.update(r, 0, rightCount);
                rightSize += rightCount;
                rightPos = 0;
            }
            if (leftEnd && rightEnd) {
                break;
            }
            if (firstDifference < 0) {
                int common = Math.min(leftCount - leftPos, rightCount - rightPos);
                int same = 0;
                while (same < common && l[leftPos + same] == r[rightPos + same]) {
                    if (l[leftPos + same] == '\n') {
                        line++;
                    }
                    same++;
                }
                compared += same;
                leftPos += same;
                rightPos += same;
                // A byte that differs, or a byte that one side has and the other lacks.
                if (same < common || common == 0) {
                    firstDifference = compared;
                }
            }
            if (firstDifference >= 0) {
                leftPos = leftCount;   // only the sizes and digests are still wanted
                rightPos = rightCount;
            }
        }
        String where = firstDifference < 0 ? "the bytes are the same" : "first difference at byte " + firstDifference + " (line " + line + ")";
        Difference difference = of(location, leftSize, rightSize, HexFormat.of().formatHex(leftDigest.digest()),
                HexFormat.of().formatHex(rightDigest.digest()), why + "; " + where);
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>(difference.facts());
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
