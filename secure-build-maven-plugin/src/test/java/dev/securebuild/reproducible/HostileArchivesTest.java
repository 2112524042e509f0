package dev.securebuild.reproducible;

import static dev.securebuild.reproducible.TestArchives.entry;
import static dev.securebuild.reproducible.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives made to hurt: bombs, names that point elsewhere, links, duplicates, truncation, deep nesting, huge strings
 * and garbage. Each gets the right verdict (a difference, or an error naming the side and the file), never a raw
 * exception, and nothing is written anywhere: the engine reads archives, it never extracts them.
 */
class HostileArchivesTest {

    @TempDir
    Path dir;

    private final DiffEngine engine = new DiffEngine();
    private final DiffEngine small = new DiffEngine(new ArchiveLimits(1000, 1 << 20, 3, 1 << 20), new CauseRules());
    private Set<Path> before;

    @BeforeEach
    void listFilesBefore() throws IOException {
        Files.createDirectories(dir.resolve("l"));
        Files.createDirectories(dir.resolve("r"));
        before = tree();
    }

    /** The inputs the test wrote are all there is: no entry was written out, here or beside the folder. */
    @AfterEach
    void nothingWasWritten() throws IOException {
        Set<Path> written = tree();
        written.removeIf(path -> path.startsWith(dir.resolve("l")) || path.startsWith(dir.resolve("r")));
        before.removeIf(path -> path.startsWith(dir.resolve("l")) || path.startsWith(dir.resolve("r")));
        assertEquals(before, written);
        try (Stream<Path> inputs = Stream.concat(Files.walk(dir.resolve("l")), Files.walk(dir.resolve("r")))) {
            assertTrue(inputs.allMatch(p -> Files.isDirectory(p) || p.getParent().equals(dir.resolve("l")) || p.getParent().equals(dir.resolve("r"))),
                    "only the two inputs are in their folders");
        }
        assertFalse(Files.exists(dir.getParent().resolve("escaped.txt")));
    }

    private Set<Path> tree() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.collect(Collectors.toSet());
        }
    }

    private ArtifactComparison compare(DiffEngine with, String name, byte[] left, byte[] right) throws IOException {
        return with.compare(name, TestArchives.write(dir.resolve("l"), name, left), TestArchives.write(dir.resolve("r"), name, right));
    }

    private String side(String side, String name) {
        return side + " " + dir.resolve(side.substring(0, 1)).resolve(name);
    }

    // Bombs

    @Test
    void zipBombStopsNamingTheSideAndTheLimit() throws IOException {
        byte[] harmless = zip(List.of(entry("zeros", "0")));
        byte[] bomb = zip(List.of(entry("zeros", new byte[8 << 20])));   // 8 MiB of zeros deflate to a few KiB
        assertTrue(bomb.length < 64 * 1024);
        ArchiveLimitException e = assertThrows(ArchiveLimitException.class, () -> compare(small, "bomb.zip", harmless, bomb));
        assertTrue(e.getMessage().startsWith(side("right", "bomb.zip") + ": expands to more than 1 MiB (limit maxExpandedSize)"),
                e.getMessage());
    }

    @Test
    void nestedZipBombStopsToo() throws IOException {
        // Small at each level; the bombs are in entries on both sides, which the comparison must open.
        byte[] left = zip(List.of(entry("lib/a.jar", zip(List.of(entry("b.jar", zip(List.of(entry("zeros", new byte[4 << 20])))))))));
        byte[] right = zip(List.of(entry("lib/a.jar", zip(List.of(entry("b.jar", zip(List.of(entry("zeros", new byte[(4 << 20) + 1])))))))));
        assertTrue(left.length < 64 * 1024 && right.length < 64 * 1024);
        ArchiveLimitException e = assertThrows(ArchiveLimitException.class, () -> compare(small, "nested.zip", left, right));
        assertTrue(e.getMessage().contains("(limit maxExpandedSize)"), e.getMessage());
        assertTrue(e.getMessage().startsWith(side("left", "nested.zip") + "!/lib/a.jar!/b.jar")
                || e.getMessage().startsWith(side("right", "nested.zip") + "!/lib/a.jar!/b.jar"), e.getMessage());
    }

    @Test
    void tarBombStops() throws IOException {
        byte[] left = TestArchives.tarGz(List.of(entry("zeros", "0")), TestArchives.TIME);
        byte[] right = TestArchives.tarGz(List.of(entry("zeros", new byte[8 << 20])), TestArchives.TIME);
        ArchiveLimitException e = assertThrows(ArchiveLimitException.class, () -> compare(small, "bomb.tar.gz", left, right));
        assertTrue(e.getMessage().startsWith(side("right", "bomb.tar.gz") + ": expands to more than 1 MiB"), e.getMessage());
    }

    @Test
    void deepNestingOfJarsInJarsStopsAtMaxDepth() throws IOException {
        byte[] left = nest(zip(List.of(entry("x", "1"))), 8);
        byte[] right = nest(zip(List.of(entry("x", "2"))), 8);
        ArchiveLimitException e = assertThrows(ArchiveLimitException.class, () -> compare(small, "deep.jar", left, right));
        assertTrue(e.getMessage().contains("levels deep, more than 3 (limit maxDepth)"), e.getMessage());
        assertTrue(e.getMessage().startsWith(side("left", "deep.jar") + "!/l.jar!/l.jar!/l.jar!/l.jar"), e.getMessage());
    }

    private static byte[] nest(byte[] jar, int levels) throws IOException {
        byte[] current = jar;
        for (int i = 0; i < levels; i++) {
            current = zip(List.of(entry("l.jar", current)));
        }
        return current;
    }

    // Names

    @Test
    void traversalAndAbsoluteNamesAreOnlyComparedAsNames() throws IOException {
        byte[] left = zip(List.of(entry("../../escaped.txt", "a"), entry("/etc/absolute.txt", "x"), entry("C:\\Windows\\evil.txt", "x")));
        byte[] right = zip(List.of(entry("../../escaped.txt", "b"), entry("/etc/absolute.txt", "y"), entry("C:\\Windows\\evil.txt", "x")));
        ArtifactComparison comparison = compare(engine, "evil.zip", left, right);
        assertEquals(List.of("evil.zip!/../../escaped.txt", "evil.zip!//etc/absolute.txt"),
                comparison.differences().stream().map(Difference::location).toList());

        byte[] leftTar = TestArchives.tarGz(List.of(entry("../../escaped.txt", "a")), TestArchives.TIME);
        byte[] rightTar = TestArchives.tarGz(List.of(entry("../../escaped.txt", "b")), TestArchives.TIME);
        assertEquals("evil.tar.gz!/../../escaped.txt", compare(engine, "evil.tar.gz", leftTar, rightTar).differences().get(0).location());
    }

    @Test
    void hugeEntryNamesAndManifestLinesAreCompared() throws IOException {
        String name = "a/".repeat(30_000) + "x.txt";   // near the 64 KiB a zip name can have
        ArtifactComparison names = compare(engine, "names.zip", zip(List.of(entry(name, "1"))), zip(List.of(entry(name, "2"))));
        assertEquals("names.zip!/" + name, names.differences().get(0).location());

        String line = "Implementation-Title: " + "t".repeat(1 << 20);
        byte[] left = zip(List.of(entry("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n" + line + "1\r\n\r\n")));
        byte[] right = zip(List.of(entry("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n" + line + "2\r\n\r\n")));
        ArtifactComparison manifest = compare(engine, "manifest.jar", left, right);
        assertEquals(ArtifactComparison.Status.DIFFERENT, manifest.status());
        Difference difference = manifest.differences().get(0);
        assertEquals("manifest.jar!/META-INF/MANIFEST.MF", difference.location());
        assertTrue(difference.summary().length() < 1000, "shortened, not a megabyte long");
    }

    // Links

    @Test
    void symbolicAndHardLinkEntriesAreComparedByTargetAndNeverResolved() throws IOException {
        byte[] left = zipOfLinks(zipLink("conf", "/etc/passwd"));
        byte[] right = zipOfLinks(zipLink("conf", "/etc/shadow"));
        Difference zipLink = compare(engine, "links.zip", left, right).differences().get(0);
        assertEquals("links.zip!/conf", zipLink.location());
        assertEquals("a symbolic link to /etc/passwd against a symbolic link to /etc/shadow", zipLink.summary());

        byte[] leftTar = tar(TarConstants.LF_SYMLINK, "/etc/passwd");
        byte[] rightTar = tar(TarConstants.LF_LINK, "/etc/passwd");
        ArtifactComparison tar = compare(engine, "links.tar", leftTar, rightTar);
        assertEquals("a symbolic link to /etc/passwd against a hard link to /etc/passwd", tar.differences().get(0).summary());
        String everything = TextReport.full(new ComparisonReport("diff", Instant.now(), "l", "r", List.of(tar)));
        assertFalse(everything.contains("root:"), "the target's content is never read: " + everything);
        byte[] sameLinkOtherType = tar(TarConstants.LF_SYMLINK, "/etc/hostname");
        assertTrue(compare(engine, "other.tar", leftTar, sameLinkOtherType).differences().stream()
                .anyMatch(d -> d.summary().equals("a symbolic link to /etc/passwd against a symbolic link to /etc/hostname")));
    }

    private static ZipArchiveEntry zipLink(String name, String target) {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(0120777);
        entry.setComment(target);   // carried to the writer below
        return entry;
    }

    private static byte[] zipOfLinks(ZipArchiveEntry... links) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (ZipArchiveEntry link : links) {
                String target = link.getComment();
                link.setComment(null);
                zip.putArchiveEntry(link);
                zip.write(target.getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] tar(byte type, String target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("etc/link", type);
            entry.setLinkName(target);
            entry.setModTime(TestArchives.TIME);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    // Duplicates

    @Test
    void duplicateEntryNamesAreEachComparedAndReported() throws IOException {
        byte[] left = zip(List.of(entry("a.txt", "first"), entry("a.txt", "second")));
        byte[] right = zip(List.of(entry("a.txt", "first"), entry("a.txt", "changed")));
        ArtifactComparison comparison = compare(engine, "dup.zip", left, right);
        assertEquals(List.of("dup.zip!/a.txt"), comparison.differences().stream().map(Difference::location).toList());
        assertEquals("1 line(s) differ: 'second' against 'changed'", comparison.differences().get(0).summary());

        byte[] once = zip(List.of(entry("a.txt", "first")));
        ArtifactComparison added = compare(engine, "dup2.zip", once, left);
        assertEquals("1 entry only in the right build: a.txt (#2)", added.differences().get(0).summary());
    }

    // Truncation and garbage

    @Test
    void truncatedArchivesAreNamedWithTheirSide() throws IOException {
        byte[] goodZip = zip(List.of(entry("a.txt", "a".repeat(10_000))));
        CorruptArchiveException zipCut = assertThrows(CorruptArchiveException.class,
                () -> compare(engine, "cut.zip", goodZip, Arrays.copyOf(goodZip, goodZip.length / 2)));
        assertTrue(zipCut.getMessage().startsWith(side("right", "cut.zip") + ": not a readable zip archive"), zipCut.getMessage());

        byte[] goodTar = TestArchives.tarGz(List.of(entry("a.txt", new Random(1).ints(20_000).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n")))), TestArchives.TIME);
        byte[] cutTar = gunzip(goodTar);
        cutTar = Arrays.copyOf(cutTar, 1024);   // the header and the start of the content
        byte[] fullTar = gunzip(goodTar);
        byte[] finalCutTar = cutTar;
        CorruptArchiveException tar = assertThrows(CorruptArchiveException.class, () -> compare(engine, "cut.tar", finalCutTar, fullTar));
        assertTrue(tar.getMessage().startsWith(side("left", "cut.tar") + ": not a readable tar archive"), tar.getMessage());

        byte[] cutGz = Arrays.copyOf(goodTar, goodTar.length / 2);
        CorruptArchiveException gz = assertThrows(CorruptArchiveException.class, () -> compare(engine, "cut.tar.gz", goodTar, cutGz));
        assertTrue(gz.getMessage().startsWith(side("right", "cut.tar.gz") + ": not a readable"), gz.getMessage());

        byte[] plainGz = gzip("a line\n".repeat(5000).getBytes(StandardCharsets.UTF_8));
        byte[] cutPlainGz = Arrays.copyOf(plainGz, plainGz.length / 2);
        CorruptArchiveException plain = assertThrows(CorruptArchiveException.class, () -> compare(engine, "log.gz", cutPlainGz, plainGz));
        assertTrue(plain.getMessage().startsWith(side("left", "log.gz") + ": not a readable gzip file"), plain.getMessage());
    }

    @Test
    void anEntryWhoseDataIsNotDeflateIsACorruptArchiveNamingTheSideAndTheEntry() throws IOException {
        byte[] good = zip(List.of(entry("ok.txt", "fine"), entry("a.txt", new Random(2).ints(5_000).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n")))));
        byte[] broken = good.clone();
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setByteArray(good).get()) {
            // A first byte of 0xff starts a deflate block of the reserved type 3: no inflater reads past it.
            broken[Math.toIntExact(zip.getEntry("a.txt").getDataOffset())] = (byte) 0xff;
        }
        CorruptArchiveException right = assertThrows(CorruptArchiveException.class, () -> compare(engine, "bad.zip", good, broken));
        assertTrue(right.getMessage().startsWith(side("right", "bad.zip") + "!/a.txt: cannot read the entry"), right.getMessage());
        CorruptArchiveException left = assertThrows(CorruptArchiveException.class, () -> compare(engine, "bad.zip", broken, good));
        assertTrue(left.getMessage().startsWith(side("left", "bad.zip") + "!/a.txt: cannot read the entry"), left.getMessage());
    }

    @Test
    void garbageUnderAnArchiveNameIsComparedAsWhatItIs() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        byte[] otherGarbage = garbage.clone();
        otherGarbage[100] ^= 1;
        for (String name : List.of("app.jar", "dist.tar", "dist.tar.gz", "x.gz", "demo-1.0.buildinfo", "demo-1.0.buildcompare")) {
            garbage[0] = 'G';   // no archive magic: a binary file, whatever its name says
            otherGarbage[0] = 'G';
            ArtifactComparison comparison = compare(engine, name, garbage, otherGarbage);
            assertEquals(ArtifactComparison.Status.DIFFERENT, comparison.status(), name);
            assertEquals(DifferenceKind.BINARY_CONTENT, comparison.differences().get(0).kind(), name);
        }
    }

    @Test
    void garbageBehindAnArchiveMagicIsACorruptArchiveOfThatSide() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        byte[] zip = garbage.clone();
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, zip, 0, 4);
        byte[] good = zip(List.of(entry("a", "a")));
        CorruptArchiveException asZip = assertThrows(CorruptArchiveException.class, () -> compare(engine, "app.jar", good, zip));
        assertTrue(asZip.getMessage().startsWith(side("right", "app.jar") + ": not a readable zip archive"), asZip.getMessage());

        byte[] gz = garbage.clone();
        gz[0] = 0x1f;
        gz[1] = (byte) 0x8b;
        CorruptArchiveException asGz = assertThrows(CorruptArchiveException.class,
                () -> compare(engine, "x.gz", gz, gzip("a".getBytes(StandardCharsets.UTF_8))));
        assertTrue(asGz.getMessage().startsWith(side("left", "x.gz") + ": not a readable gzip file"), asGz.getMessage());

        byte[] tar = garbage.clone();
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 6);
        byte[] otherTar = tar.clone();
        otherTar[4000] ^= 1;
        CorruptArchiveException asTar = assertThrows(CorruptArchiveException.class, () -> compare(engine, "dist.tar", tar, otherTar));
        assertTrue(asTar.getMessage().startsWith(side("left", "dist.tar") + ": not a readable tar archive"), asTar.getMessage());
    }

    @Test
    void garbageAsAReferenceBuildinfoIsRefusedNamingIt() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        Path file = TestArchives.write(dir.resolve("l"), "demo-1.0.buildinfo", garbage);
        IOException e = assertThrows(IOException.class, () -> BuildInfo.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a"), e.getMessage());
    }

    @Test
    void aReferenceBuildinfoWithANonNumericLengthIsAClearError() throws IOException {
        Path file = TestArchives.write(dir.resolve("l"), "demo-1.0.buildinfo", ("buildinfo.version=1.0-SNAPSHOT\n"
                + "outputs.0.filename=demo-1.0.jar\noutputs.0.length=12\u0000; rm -rf /\noutputs.0.checksums.sha512=00\n").getBytes(StandardCharsets.UTF_8));
        Path jar = TestArchives.write(dir.resolve("r"), "demo-1.0.jar", zip(List.of(entry("a", "a"))));
        IOException e = assertThrows(IOException.class, () -> BuildInfoReference.compare(BuildInfo.read(file), "demo-1.0.jar", jar));
        assertEquals("the reference .buildinfo gives outputs.0.length='12\u0000; rm -rf /': expected a length in bytes", e.getMessage());
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aRealDifferenceStillShowsBesideHostileNames() throws IOException {
        ArtifactComparison comparison = compare(engine, "mixed.zip", zip(List.of(entry("x\n[INFO] BUILD SUCCESS", "a"))),
                zip(List.of(entry("x\n[INFO] BUILD SUCCESS", "b"))));
        String text = TextReport.full(new ComparisonReport("diff", Instant.now(), "l", "r", List.of(comparison)));
        assertTrue(text.contains("text content x\\n[INFO] BUILD SUCCESS: 1 line(s) differ"), text);
        assertFalse(text.lines().anyMatch(line -> line.startsWith("[INFO]")), text);
        assertNotEquals(-1, text.indexOf("x\\n"));
    }
}
