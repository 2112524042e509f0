package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** A gzip file: its header (time, operating system, file name), then what it holds, compared as a file of its own. */
final class GzipDiff {

    @FunctionalInterface
    interface Inner {
        void compare(Input left, Input right, List<Difference> out) throws IOException;
    }

    private GzipDiff() {}

    static List<Difference> compare(Input left, Input right, Budget budget, Inner inner) throws IOException {
        String innerName = left.name().endsWith(".gz") ? left.name().substring(0, left.name().length() - 3) : left.name() + " (gunzipped)";
        List<Difference> differences = new ArrayList<>(headers(left, right));
        // Each side may take half of what is left of maxInMemorySize; past it, the contents are compared as two streams.
        long half = Math.max(0, budget.available() / 2);
        byte[] leftContent = gunzip(left, budget, half);
        byte[] rightContent = leftContent == null ? null : gunzip(right, budget, half);
        if (leftContent == null || rightContent == null) {
            try (InputStream l = gunzipped(left, budget); InputStream r = gunzipped(right, budget)) {
                Difference streamed = Binary.streamed(left.location() + "!/" + innerName, l, r, "too large to hold both in memory "
                        + "(limit maxInMemorySize " + Sizes.human(budget.limits().maxInMemoryBytes()) + ")");
                if (!"-1".equals(streamed.fact("firstDifferenceOffset"))) {
                    differences.add(streamed);
                } else if (differences.isEmpty()) {
                    differences.add(sameContent(left));
                }
            }
            return differences;
        }
        long held = (long) leftContent.length + rightContent.length;
        budget.hold(held);
        try {
            if (!java.util.Arrays.equals(leftContent, rightContent)) {
                inner.compare(Input.nested(left, innerName, leftContent), Input.nested(right, innerName, rightContent), differences);
            } else if (differences.isEmpty()) {
                differences.add(sameContent(left));
            }
        } finally {
            budget.release(held);
        }
        return differences;
    }

    private static Difference sameContent(Input left) {
        return Difference.of(left.location(), DifferenceKind.CONTAINER, "the same content, compressed differently "
                + "(another compression level or zlib version)", List.of(), Map.of("format", "GZIP"));
    }

    /** The decompressed content; a read that fails names this side's file, past the budget it stops naming the limit. */
    private static InputStream gunzipped(Input input, Budget budget) throws IOException {
        InputStream raw = input.open();
        InputStream gunzipped;
        try {
            gunzipped = new GzipCompressorInputStream(raw, true);
        } catch (IOException e) {
            raw.close();
            throw corrupt(input, e);
        }
        return budget.count(new java.io.FilterInputStream(gunzipped) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    throw corrupt(input, e);
                }
            }
        }, input.where());
    }

    /** The whole content, or null when it is larger than {@code limit}. */
    private static byte[] gunzip(Input input, Budget budget, long limit) throws IOException {
        try (InputStream in = gunzipped(input, budget)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? null : bytes;
        }
    }

    private static IOException corrupt(Input input, IOException e) {
        if (e instanceof ArchiveLimitException || e instanceof CorruptArchiveException) {
            return e;
        }
        return new CorruptArchiveException(input.where() + ": not a readable gzip file (" + e.getMessage() + ")", e);
    }

    /** The header fields a build leaks into: the time of compression, the operating system, the original name. */
    static List<Difference> headers(Input left, Input right) throws IOException {
        GzipParameters l = parameters(left);
        GzipParameters r = parameters(right);
        List<String> details = new ArrayList<>();
        boolean timeDiffers = !Objects.equals(l.getModificationInstant(), r.getModificationInstant());
        if (timeDiffers) {
            details.add("time " + time(l) + " against " + time(r));
        }
        if (l.getOperatingSystem() != r.getOperatingSystem()) {
            details.add("operating system " + l.getOperatingSystem() + " against " + r.getOperatingSystem());
        }
        if (!Objects.equals(l.getFileName(), r.getFileName())) {
            details.add("file name " + l.getFileName() + " against " + r.getFileName());
        }
        if (details.isEmpty()) {
            return List.of();
        }
        return List.of(Difference.of(left.location(), DifferenceKind.CONTAINER, "gzip header: " + String.join(", ", details), List.of(),
                Map.of("format", "GZIP", "gzipTime", String.valueOf(timeDiffers))));
    }

    private static String time(GzipParameters parameters) {
        Instant time = parameters.getModificationInstant();
        return time == null || time.getEpochSecond() == 0 ? "none" : time.toString();
    }

    private static GzipParameters parameters(Input input) throws IOException {
        try (GzipCompressorInputStream in = new GzipCompressorInputStream(input.open())) {
            return in.getMetaData();
        } catch (IOException e) {
            throw corrupt(input, e);
        }
    }
}
