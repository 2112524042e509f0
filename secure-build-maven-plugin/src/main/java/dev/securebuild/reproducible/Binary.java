package dev.securebuild.reproducible;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import dev.securebuild.shared.digest.DigestAlgorithm;

/** Content that is compared by size and digest only. */
final class Binary {

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
