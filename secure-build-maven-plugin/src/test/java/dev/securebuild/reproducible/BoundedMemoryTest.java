package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text too large to diff within maxInMemorySize is compared byte by byte, saying where it first differs, instead of
 * running out of memory: the entries are written here as streams, many times the budget.
 */
class BoundedMemoryTest {

    /** 1 MiB: the texts below need many times that to be diffed line by line. */
    private static final ArchiveLimits SMALL = new ArchiveLimits(1000, 1L << 32, 5, 1 << 20);
    private static final int LINES = 200_000;   // about 6 MB of text per side
    private static final int CHANGED_LINE = 150_001;

    @TempDir
    Path dir;

    private final DiffEngine engine = new DiffEngine(SMALL, new CauseRules());

    @Test
    void aLargeTextEntryIsComparedByteByByteNamingTheFirstDifference() throws IOException {
        Path left = zipWithText(dir.resolve("l/big.zip"), "value");
        Path right = zipWithText(dir.resolve("r/big.zip"), "other");

        ArtifactComparison comparison = engine.compare("big.zip", left, right);

        Difference difference = single(comparison);
        assertEquals("big.zip!/data/log.txt", difference.location());
        assertEquals(DifferenceKind.BINARY_CONTENT, difference.kind());
        long offset = offsetOfLine(CHANGED_LINE) + "line 150001 ".length();
        assertTrue(difference.summary().contains("too large to hold both in memory (limit maxInMemorySize 1 MiB); first difference at byte "
                + offset + " (line " + CHANGED_LINE + ")"), difference.summary());
        assertTrue(difference.details().get(0).startsWith("left  SHA-256 "), difference.details().toString());
    }

    @Test
    void textThatFitsAsBytesButNotAsADiffIsComparedByteByByte() throws IOException {
        // 2 x 200 KiB of short lines: the bytes fit in 1 MiB, their decoded lines and the diff do not.
        ArchiveLimits limits = new ArchiveLimits(1000, 1L << 32, 5, 1 << 20);
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40_000; i++) {
            text.append("k").append(i).append('\n');
        }
        String leftText = text.toString();
        String rightText = leftText.replace("k30000\n", "k30000x\n");
        byte[] left = TestArchives.zip(List.of(TestArchives.entry("a.txt", leftText)));
        byte[] right = TestArchives.zip(List.of(TestArchives.entry("a.txt", rightText)));
        ArtifactComparison comparison = new DiffEngine(limits, new CauseRules()).compare("t.zip",
                TestArchives.write(dir.resolve("l"), "t.zip", left), TestArchives.write(dir.resolve("r"), "t.zip", right));
        Difference difference = single(comparison);
        assertTrue(difference.summary().contains("text too large to diff line by line: that needs about"), difference.summary());
        assertTrue(difference.summary().contains("line 30000)"), difference.summary());
        // With room for it, the same texts are diffed line by line.
        ArtifactComparison roomy = new DiffEngine(ArchiveLimits.DEFAULT, new CauseRules()).compare("t.zip", dir.resolve("l/t.zip"),
                dir.resolve("r/t.zip"));
        assertEquals("1 line(s) differ: 'k30000' against 'k30000x'", single(roomy).summary());
    }

    @Test
    void textsThatDifferThroughoutAreComparedByteByByteInBoundedTime() throws IOException {
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            left.append("left ").append(i).append('\n');
            right.append("right ").append(i).append('\n');
        }
        long started = System.nanoTime();
        ArtifactComparison comparison = new DiffEngine().compare("t.txt",
                TestArchives.write(dir.resolve("l"), "t.txt", left.toString().getBytes(StandardCharsets.UTF_8)),
                TestArchives.write(dir.resolve("r"), "t.txt", right.toString().getBytes(StandardCharsets.UTF_8)));
        Difference difference = single(comparison);
        assertTrue(difference.summary().contains("too many lines differ to diff line by line in bounded time (about 3600 million steps, "
                + "more than 400 million); compared byte by byte; first difference at byte 0 (line 1)"), difference.summary());
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "bounded");
        // One changed line in the same large text is still diffed line by line.
        String changed = left.toString().replace("left 20000\n", "left 20000 changed\n");
        ArtifactComparison one = new DiffEngine().compare("u.txt",
                TestArchives.write(dir.resolve("l"), "u.txt", left.toString().getBytes(StandardCharsets.UTF_8)),
                TestArchives.write(dir.resolve("r"), "u.txt", changed.getBytes(StandardCharsets.UTF_8)));
        assertEquals("1 line(s) differ: 'left 20000' against 'left 20000 changed'", single(one).summary());
    }

    @Test
    void largeTarAndGzipContentIsStreamedToo() throws IOException {
        Path leftTar = tarGzWithText(dir.resolve("l/big.tar.gz"), "value");
        Path rightTar = tarGzWithText(dir.resolve("r/big.tar.gz"), "other");
        Difference tar = single(engine.compare("big.tar.gz", leftTar, rightTar));
        assertEquals("big.tar.gz!/data/log.txt", tar.location());
        assertTrue(tar.summary().contains("(line " + CHANGED_LINE + ")"), tar.summary());

        Path leftGz = gzWithText(dir.resolve("l/log.txt.gz"), "value");
        Path rightGz = gzWithText(dir.resolve("r/log.txt.gz"), "other");
        Difference gz = single(engine.compare("log.txt.gz", leftGz, rightGz));
        assertEquals("log.txt.gz!/log.txt", gz.location());
        assertTrue(gz.summary().contains("(line " + CHANGED_LINE + ")"), gz.summary());
    }

    @Test
    void largePlainFilesAreStreamed() throws IOException {
        Path left = dir.resolve("l/log.txt");
        Path right = dir.resolve("r/log.txt");
        try (OutputStream l = newFile(left); OutputStream r = newFile(right)) {
            writeText(l, "value");
            writeText(r, "other");
        }
        Difference difference = single(engine.compare("log.txt", left, right));
        assertTrue(difference.summary().contains("(line " + CHANGED_LINE + ")"), difference.summary());
    }

    private static Difference single(ArtifactComparison comparison) {
        assertEquals(1, comparison.differences().size(), comparison.differences().toString());
        return comparison.differences().get(0);
    }

    private static long offsetOfLine(int line) {
        long offset = 0;
        for (int i = 1; i < line; i++) {
            offset += line(i, "value").length();
        }
        return offset;
    }

    private static String line(int i, String changed) {
        return "line " + i + " " + (i == CHANGED_LINE ? changed : "value") + " of a generated log\n";
    }

    private static void writeText(OutputStream out, String changed) throws IOException {
        for (int i = 1; i <= LINES; i++) {
            out.write(line(i, changed).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static OutputStream newFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new java.io.BufferedOutputStream(Files.newOutputStream(file));
    }

    private static Path zipWithText(Path file, String changed) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(newFile(file))) {
            ZipArchiveEntry entry = new ZipArchiveEntry("data/log.txt");
            entry.setTime(TestArchives.TIME);
            zip.putArchiveEntry(entry);
            writeText(zip, changed);
            zip.closeArchiveEntry();
        }
        return file;
    }

    private static Path tarGzWithText(Path file, String changed) throws IOException {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        writeText(text, changed);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(newFile(file)))) {
            TarArchiveEntry entry = new TarArchiveEntry("data/log.txt");
            entry.setModTime(TestArchives.TIME);
            entry.setSize(text.size());
            tar.putArchiveEntry(entry);
            text.writeTo(tar);
            tar.closeArchiveEntry();
        }
        return file;
    }

    private static Path gzWithText(Path file, String changed) throws IOException {
        try (OutputStream gz = new GZIPOutputStream(newFile(file))) {
            writeText(gz, changed);
        }
        return file;
    }
}
