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
        byte[] leftContent = gunzip(left, budget);
        byte[] rightContent = gunzip(right, budget);
        List<Difference> differences = new ArrayList<>(headers(left, right));
        if (!java.util.Arrays.equals(leftContent, rightContent)) {
            inner.compare(Input.nested(left, innerName, leftContent), Input.nested(right, innerName, rightContent), differences);
        } else if (differences.isEmpty()) {
            differences.add(Difference.of(left.location(), DifferenceKind.CONTAINER, "the same content, compressed differently "
                    + "(another compression level or zlib version)", List.of(), Map.of("format", "GZIP")));
        }
        return differences;
    }

    private static byte[] gunzip(Input input, Budget budget) throws IOException {
        long limit = budget.limits().maxInMemoryBytes();
        try (InputStream in = budget.count(new GzipCompressorInputStream(input.open(), true), input.where())) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new ArchiveLimitException(input.where() + ": expands to more than " + Sizes.human(limit)
                        + " (limit maxInMemorySize), too large to compare in memory; raise the limit if it is genuine");
            }
            return bytes;
        } catch (ArchiveLimitException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptArchiveException(input.where() + ": not a readable gzip file (" + e.getMessage() + ")", e);
        }
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
            throw new CorruptArchiveException(input.where() + ": not a readable gzip file (" + e.getMessage() + ")", e);
        }
    }
}
