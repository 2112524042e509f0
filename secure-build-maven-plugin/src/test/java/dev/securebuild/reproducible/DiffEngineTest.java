package dev.securebuild.reproducible;

import static dev.securebuild.reproducible.TestArchives.TIME;
import static dev.securebuild.reproducible.TestArchives.entry;
import static dev.securebuild.reproducible.TestArchives.write;
import static dev.securebuild.reproducible.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffEngineTest {

    @TempDir
    Path dir;

    private final DiffEngine engine = new DiffEngine();

    private ArtifactComparison compare(byte[] left, byte[] right, String name) throws IOException {
        return engine.compare(name, write(dir.resolve("left"), name, left), write(dir.resolve("right"), name, right));
    }

    private static Difference only(ArtifactComparison comparison, DifferenceKind kind) {
        List<Difference> found = comparison.differences().stream().filter(d -> d.kind() == kind).toList();
        assertEquals(1, found.size(), () -> "expected one " + kind + " in " + comparison.differences());
        return found.get(0);
    }

    private static String kinds(ArtifactComparison comparison) {
        return comparison.differences().stream().map(d -> d.kind().name()).collect(Collectors.joining(","));
    }

    @Test
    void identicalArchivesAreOk() throws IOException {
        byte[] jar = zip(List.of(entry("a.txt", "a"), entry("b.txt", "b")));
        ArtifactComparison comparison = compare(jar, jar.clone(), "same.jar");
        assertEquals(ArtifactComparison.Status.OK, comparison.status());
        assertTrue(comparison.differences().isEmpty());
        assertEquals(comparison.leftSha512(), comparison.rightSha512());
    }

    @Test
    void timesOffByOneHourAreTheTimeZone() throws IOException {
        byte[] left = zip(List.of(entry("a.txt", "a"), entry("b.txt", "b").time(TIME + 60_000)));
        byte[] right = zip(List.of(entry("a.txt", "a").time(TIME + 3_600_000), entry("b.txt", "b").time(TIME + 3_660_000)));
        ArtifactComparison comparison = compare(left, right, "tz.jar");
        assertEquals(ArtifactComparison.Status.DIFFERENT, comparison.status());
        Difference times = only(comparison, DifferenceKind.ENTRY_TIMESTAMP);
        assertEquals("ENTRY_TIMESTAMP", kinds(comparison));
        assertEquals(2, times.count());
        assertEquals("+1 h", times.fact("timeZoneOffset"));
        assertTrue(times.explanation().cause().contains("time zones"), times.explanation().cause());
        assertTrue(times.explanation().fix().contains("project.build.outputTimestamp"));
    }

    @Test
    void buildTimesPointAtOutputTimestamp() throws IOException {
        byte[] left = zip(List.of(entry("a.txt", "a").time(TIME + 2_000), entry("b.txt", "b").time(TIME + 4_000)));
        byte[] right = zip(List.of(entry("a.txt", "a").time(TIME + 100_000), entry("b.txt", "b").time(TIME + 130_000)));
        Difference times = only(compare(left, right, "times.jar"), DifferenceKind.ENTRY_TIMESTAMP);
        assertTrue(times.summary().startsWith("2 of 2 entries have other times"), times.summary());
        assertTrue(times.explanation().cause().contains("project.build.outputTimestamp is not set"));
    }

    @Test
    void entryOrderIsNamedAsSuch() throws IOException {
        byte[] left = zip(List.of(entry("a.txt", "a"), entry("b.txt", "b"), entry("c.txt", "c")));
        byte[] right = zip(List.of(entry("c.txt", "c"), entry("a.txt", "a"), entry("b.txt", "b")));
        ArtifactComparison comparison = compare(left, right, "order.jar");
        assertEquals("ENTRY_ORDER", kinds(comparison));
        Difference order = only(comparison, DifferenceKind.ENTRY_ORDER);
        assertEquals("true", order.fact("leftSorted"));
        assertEquals("false", order.fact("rightSorted"));
        assertEquals("position 1: a.txt against c.txt", order.details().get(0));
        assertTrue(order.explanation().cause().contains("one side is sorted"));
    }

    @Test
    void modesThatDifferInWriteBitsAreTheUmask() throws IOException {
        byte[] left = zip(List.of(entry("bin/run.sh", "#!/bin/sh").mode(0755), entry("conf.txt", "x").mode(0644)));
        byte[] right = zip(List.of(entry("bin/run.sh", "#!/bin/sh").mode(0775), entry("conf.txt", "x").mode(0664)));
        Difference modes = only(compare(left, right, "dist.zip"), DifferenceKind.ENTRY_PERMISSIONS);
        assertEquals("true", modes.fact("umask"));
        assertEquals("0644, 0755", modes.fact("left"));
        assertEquals("0664, 0775", modes.fact("right"));
        assertTrue(modes.explanation().cause().contains("umask"));
        assertTrue(modes.explanation().fix().contains("<fileMode>"));
    }

    @Test
    void otherModesAreNotBlamedOnTheUmask() throws IOException {
        Difference modes = only(compare(zip(List.of(entry("run.sh", "x").mode(0644))), zip(List.of(entry("run.sh", "x").mode(0755))), "m.zip"),
                DifferenceKind.ENTRY_PERMISSIONS);
        assertEquals("false", modes.fact("umask"));
        assertFalse(modes.explanation().cause().contains("umask"));
    }

    @Test
    void compressionMethodAndAddedAndRemovedEntries() throws IOException {
        byte[] left = zip(List.of(entry("a.txt", "a"), entry("old.txt", "o")));
        byte[] right = zip(List.of(entry("a.txt", "a").stored(), entry("new.txt", "n")));
        ArtifactComparison comparison = compare(left, right, "x.zip");
        assertEquals("ENTRY_ADDED,ENTRY_REMOVED,COMPRESSION_METHOD", kinds(comparison));
        assertEquals(List.of("new.txt"), only(comparison, DifferenceKind.ENTRY_ADDED).details());
        assertEquals(List.of("old.txt"), only(comparison, DifferenceKind.ENTRY_REMOVED).details());
        assertTrue(only(comparison, DifferenceKind.COMPRESSION_METHOD).summary().contains("a.txt: deflated against stored"));
    }

    @Test
    void storedEntriesAreReadAsTheyAreAndTheirContentCompared() throws IOException {
        byte[] left = zip(List.of(entry("same.txt", "same").stored(), entry("s.txt", "one").stored()));
        byte[] right = zip(List.of(entry("same.txt", "same").stored(), entry("s.txt", "two").stored()));
        ArtifactComparison comparison = compare(left, right, "x.zip");
        assertEquals("TEXT_CONTENT", kinds(comparison));
        assertEquals("x.zip!/s.txt", only(comparison, DifferenceKind.TEXT_CONTENT).location());
    }

    @Test
    void manifestIsComparedAttributeByAttribute() throws IOException {
        String common = "Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.4.2\r\nImplementation-Title: demo\r\n";
        byte[] left = zip(List.of(entry("META-INF/MANIFEST.MF", common + "Build-Jdk-Spec: 17\r\nBnd-LastModified: 1764000000000\r\n\r\n")));
        byte[] right = zip(List.of(entry("META-INF/MANIFEST.MF", common + "Build-Jdk-Spec: 21\r\nBnd-LastModified: 1764000999000\r\n\r\n")));
        ArtifactComparison comparison = compare(left, right, "bundle.jar");
        List<Difference> attributes = comparison.differences();
        assertEquals(2, attributes.size(), attributes::toString);
        Difference bnd = attributes.stream().filter(d -> "Bnd-LastModified".equals(d.fact("attribute"))).findFirst().orElseThrow();
        assertEquals("bundle.jar!/META-INF/MANIFEST.MF", bnd.location());
        assertTrue(bnd.explanation().fix().contains("<_removeheaders>Bnd-LastModified</_removeheaders>"));
        Difference jdk = attributes.stream().filter(d -> "Build-Jdk-Spec".equals(d.fact("attribute"))).findFirst().orElseThrow();
        assertEquals("Build-Jdk-Spec: '17' against '21'", jdk.summary());
        assertTrue(jdk.explanation().cause().contains("different JDKs"));
    }

    @Test
    void filteredBuildTimeInAResourceIsFoundInTheContent() throws IOException {
        byte[] left = zip(List.of(entry("version.properties", "version=1.0\nbuilt=2026-12-01T10:15:30Z\nname=demo\n")));
        byte[] right = zip(List.of(entry("version.properties", "version=1.0\nbuilt=2026-12-01T10:17:02Z\nname=demo\n")));
        Difference text = only(compare(left, right, "app.jar"), DifferenceKind.TEXT_CONTENT);
        assertEquals("app.jar!/version.properties", text.location());
        assertEquals("true", text.fact("timestamp"));
        assertTrue(text.details().contains("-built=2026-12-01T10:15:30Z"), text.details()::toString);
        assertTrue(text.details().contains("+built=2026-12-01T10:17:02Z"), text.details()::toString);
        assertTrue(text.explanation().fix().contains("${project.build.outputTimestamp}"));
        assertTrue(text.explanation().cause().contains("${maven.build.timestamp}"));
    }

    @Test
    void propertiesStoreDateCommentIsNamed() throws IOException {
        byte[] left = zip(List.of(entry("META-INF/maven/g/a/pom.properties", "#Generated by Maven\n#Tue Dec 01 10:15:30 UTC 2026\nversion=1\n")));
        byte[] right = zip(List.of(entry("META-INF/maven/g/a/pom.properties", "#Generated by Maven\n#Tue Dec 01 11:20:00 CET 2026\nversion=1\n")));
        Difference text = only(compare(left, right, "a.jar"), DifferenceKind.TEXT_CONTENT);
        assertTrue(text.explanation().cause().contains("Properties.store"));
    }

    @Test
    void lineEndingsAloneAreNamed() throws IOException {
        byte[] left = zip(List.of(entry("README.txt", "one\ntwo\n")));
        byte[] right = zip(List.of(entry("README.txt", "one\r\ntwo\r\n")));
        Difference eol = only(compare(left, right, "doc.zip"), DifferenceKind.LINE_ENDINGS);
        assertEquals("LF", eol.fact("left"));
        assertEquals("CRLF", eol.fact("right"));
        assertTrue(eol.explanation().fix().contains(".gitattributes"));
    }

    @Test
    void classCompiledForAnotherReleaseIsTheClassVersion() throws IOException {
        String source = "public class Hello { public static void main(String[] a) { System.out.println(\"hi\"); } }";
        byte[] left = zip(List.of(entry("Hello.class", TestArchives.compile("Hello", source, 11))));
        byte[] right = zip(List.of(entry("Hello.class", TestArchives.compile("Hello", source, 17))));
        Difference version = only(compare(left, right, "hello.jar"), DifferenceKind.CLASS_VERSION);
        assertEquals("class file version 55 (Java 11) against 61 (Java 17)", version.summary());
        assertTrue(version.explanation().fix().contains("maven.compiler.release"));
    }

    @Test
    void sameReleaseOtherCodeIsDisassembled() throws IOException {
        byte[] left = zip(List.of(entry("Hello.class", TestArchives.compile("Hello", "public class Hello { int x() { return 1; } }", 17))));
        byte[] right = zip(List.of(entry("Hello.class", TestArchives.compile("Hello", "public class Hello { int x() { return 2; } }", 17))));
        Difference content = only(compare(left, right, "hello.jar"), DifferenceKind.CLASS_CONTENT);
        assertTrue(content.summary().startsWith("same class file version 61, "), content.summary());
        String diff = String.join("\n", content.details());
        assertTrue(diff.contains("-") && diff.contains("iconst_1") && diff.contains("iconst_2"), diff);
        assertFalse(diff.contains("secure-build-javap"), "javap's view of our temporary file leaked into the diff:\n" + diff);
    }

    @Test
    void causesSayWhenTheSourcesMayDifferAndWhenTheyCannot() {
        Difference code = Difference.of("a.jar!/A.class", DifferenceKind.CLASS_CONTENT, "other bytecode", List.of(), java.util.Map.of());
        assertTrue(new CauseRules().explain(code).explanation().cause().startsWith("The source of the class differs"));
        assertTrue(new CauseRules(true).explain(code).explanation().cause().startsWith("the same Java release, other bytecode: another javac"));
        Difference text = Difference.of("a.jar!/a.txt", DifferenceKind.TEXT_CONTENT, "1 line", List.of(), java.util.Map.of("changedLines", "1"));
        assertTrue(new CauseRules().explain(text).explanation().cause().contains("the sources differ"));
        assertFalse(new CauseRules(true).explain(text).explanation().cause().contains("the sources differ"));
    }

    @Test
    void nestedArchivesAreOpened() throws IOException {
        byte[] innerLeft = zip(List.of(entry("config.txt", "mode=a\n")));
        byte[] innerRight = zip(List.of(entry("config.txt", "mode=b\n")));
        byte[] left = zip(List.of(entry("README", "same"), entry("lib/core.jar", innerLeft)));
        byte[] right = zip(List.of(entry("README", "same"), entry("lib/core.jar", innerRight)));
        Difference text = only(compare(left, right, "app.zip"), DifferenceKind.TEXT_CONTENT);
        assertEquals("app.zip!/lib/core.jar!/config.txt", text.location());
    }

    @Test
    void corruptArchiveNamesTheFile() throws IOException {
        byte[] good = zip(List.of(entry("a.txt", "a")));
        byte[] corrupt = java.util.Arrays.copyOf(good, good.length - 30);   // the central directory is cut off
        CorruptArchiveException right = assertThrows(CorruptArchiveException.class, () -> compare(good, corrupt, "broken.jar"));
        assertTrue(right.getMessage().startsWith("right " + dir.resolve("right/broken.jar") + ": not a readable zip archive"), right.getMessage());
        assertTrue(right.getMessage().contains("expected a zip"), right.getMessage());
        CorruptArchiveException left = assertThrows(CorruptArchiveException.class, () -> compare(corrupt, good, "broken.jar"));
        assertTrue(left.getMessage().startsWith("left " + dir.resolve("left/broken.jar") + ": not a readable zip archive"), left.getMessage());
    }

    @Test
    void corruptArchiveInFoldersAndInsideAnArchiveNamesSideAndPath() throws IOException {
        byte[] good = zip(List.of(entry("a.txt", "a")));
        byte[] corrupt = java.util.Arrays.copyOf(good, good.length - 30);
        write(dir.resolve("reference"), "lib/demo.jar", good);
        write(dir.resolve("rebuilt"), "lib/demo.jar", corrupt);
        DiffEngine rebuild = new DiffEngine(ArchiveLimits.DEFAULT, new CauseRules(true), DiffEngine.Sides.REFERENCE_REBUILT);
        CorruptArchiveException folders = assertThrows(CorruptArchiveException.class,
                () -> rebuild.compareFolders(dir.resolve("reference"), dir.resolve("rebuilt")));
        assertTrue(folders.getMessage().startsWith("rebuilt " + dir.resolve("rebuilt/lib/demo.jar") + ": not a readable zip archive"),
                folders.getMessage());

        CorruptArchiveException nested = assertThrows(CorruptArchiveException.class, () -> compare(
                zip(List.of(entry("lib/core.jar", good))), zip(List.of(entry("lib/core.jar", corrupt))), "app.war"));
        assertTrue(nested.getMessage().startsWith("right " + dir.resolve("right/app.war") + "!/lib/core.jar: not a readable zip archive"),
                nested.getMessage());
    }

    @Test
    void archiveBombStopsAtTheExpandedSize() throws IOException {
        DiffEngine small = new DiffEngine(new ArchiveLimits(1000, 100_000, 5, 1 << 20), new CauseRules());
        byte[] left = zip(List.of(entry("zeros", new byte[1_000_000])));
        byte[] right = zip(List.of(entry("zeros", new byte[1_000_001])));
        ArchiveLimitException e = assertThrows(ArchiveLimitException.class, () -> small.compare("bomb.zip",
                write(dir.resolve("l"), "bomb.zip", left), write(dir.resolve("r"), "bomb.zip", right)));
        assertTrue(e.getMessage().contains("bomb.zip: expands to more than 97.7 KiB (limit maxExpandedSize)"), e.getMessage());
    }

    @Test
    void tooManyEntriesAndTooDeepNestingStop() throws IOException {
        DiffEngine small = new DiffEngine(new ArchiveLimits(2, 1 << 30, 1, 1 << 20), new CauseRules());
        byte[] many = zip(List.of(entry("a", "1"), entry("b", "2"), entry("c", "3")));
        ArchiveLimitException entries = assertThrows(ArchiveLimitException.class, () -> small.compare("many.zip",
                write(dir.resolve("l"), "many.zip", many), write(dir.resolve("r"), "many.zip", zip(List.of(entry("a", "x"))))));
        assertTrue(entries.getMessage().contains("more than 2 entries (limit maxEntries)"), entries.getMessage());

        byte[] deepLeft = zip(List.of(entry("l1.zip", zip(List.of(entry("l2.zip", zip(List.of(entry("x", "1")))))))));
        byte[] deepRight = zip(List.of(entry("l1.zip", zip(List.of(entry("l2.zip", zip(List.of(entry("x", "2")))))))));
        ArchiveLimitException depth = assertThrows(ArchiveLimitException.class, () -> small.compare("deep.zip",
                write(dir.resolve("l"), "deep.zip", deepLeft), write(dir.resolve("r"), "deep.zip", deepRight)));
        assertTrue(depth.getMessage().contains("deep.zip!/l1.zip!/l2.zip: an archive nested 2 levels deep, more than 1 (limit maxDepth)"),
                depth.getMessage());
    }

    @Test
    void traversalNamesAreComparedNeverExtracted() throws IOException {
        byte[] left = zip(List.of(entry("../../escaped.txt", "a"), entry("/etc/absolute.txt", "x")));
        byte[] right = zip(List.of(entry("../../escaped.txt", "b"), entry("/etc/absolute.txt", "x")));
        Difference text = only(compare(left, right, "evil.zip"), DifferenceKind.TEXT_CONTENT);
        assertEquals("evil.zip!/../../escaped.txt", text.location());
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
        assertFalse(Files.exists(dir.getParent().resolve("escaped.txt")));
    }

    @Test
    void tarGzModesOwnersAndGzipHeaderTime() throws IOException {
        byte[] left = TestArchives.tarGz(List.of(entry("bin/tool", "x").mode(0755), entry("lib/a.txt", "a")), TIME);
        byte[] right = TestArchives.tarGz(List.of(entry("bin/tool", "x").mode(0775).owner("ci"), entry("lib/a.txt", "a").owner("ci")),
                TIME + 86_400_000);
        ArtifactComparison comparison = compare(left, right, "dist.tar.gz");
        assertEquals("ENTRY_PERMISSIONS,ENTRY_OWNER,CONTAINER", kinds(comparison));
        assertTrue(only(comparison, DifferenceKind.ENTRY_OWNER).summary().contains("builder/ against 0/0 ci/"),
                only(comparison, DifferenceKind.ENTRY_OWNER).summary());
        Difference header = only(comparison, DifferenceKind.CONTAINER);
        assertTrue(header.summary().startsWith("gzip header: time 2026-01-01"), header.summary());
        assertTrue(header.explanation().fix().contains("gzip -n"));
    }

    @Test
    void foldersAreMatchedByPathAndMissingFilesNamed() throws IOException {
        Path left = dir.resolve("a");
        Path right = dir.resolve("b");
        write(left, "demo-1.0.pom", "<project/>".getBytes(StandardCharsets.UTF_8));
        write(right, "demo-1.0.pom", "<project/>".getBytes(StandardCharsets.UTF_8));
        write(left, "sub/demo-1.0.jar", zip(List.of(entry("a.txt", "a"))));
        write(right, "sub/demo-1.0.jar", zip(List.of(entry("a.txt", "b"))));
        write(right, "demo-1.0-sources.jar", zip(List.of(entry("A.java", "class A {}"))));
        List<ArtifactComparison> all = engine.compareFolders(left, right);
        assertEquals(List.of("demo-1.0-sources.jar", "demo-1.0.pom", "sub/demo-1.0.jar"), all.stream().map(ArtifactComparison::name).toList());
        assertEquals(List.of(ArtifactComparison.Status.MISSING, ArtifactComparison.Status.OK, ArtifactComparison.Status.DIFFERENT),
                all.stream().map(ArtifactComparison::status).toList());
        assertEquals("demo-1.0-sources.jar is only in the right build", all.get(0).differences().get(0).summary());
    }

    @Test
    void symbolicLinksAreComparedByTargetNotFollowed() throws IOException {
        Path left = Files.createDirectories(dir.resolve("l"));
        Path right = Files.createDirectories(dir.resolve("r"));
        Files.createSymbolicLink(left.resolve("current"), Path.of("demo-1.0.jar"));
        Files.createSymbolicLink(right.resolve("current"), Path.of("demo-1.1.jar"));
        ArtifactComparison link = engine.compareFolders(left, right).get(0);
        assertEquals(ArtifactComparison.Status.DIFFERENT, link.status());
        assertEquals("symbolic link to demo-1.0.jar against symbolic link to demo-1.1.jar", link.differences().get(0).summary());
    }

    @Test
    void aLinkedFolderIsComparedAsALinkAndNothingBehindItIsRead() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside/etc"));
        Files.writeString(outside.resolve("shadow"), "root:SECRET-HASH-OF-THE-HOST:19000::::::\n");
        Path left = Files.createDirectories(dir.resolve("l"));
        Path right = Files.createDirectories(dir.resolve("r"));
        Files.createSymbolicLink(left.resolve("etc"), outside);
        write(right, "etc/shadow", "x\n".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(right.resolve("passwd"), outside.resolve("shadow"));

        List<ArtifactComparison> all = engine.compareFolders(left, right);

        assertEquals(List.of("etc", "etc/shadow", "passwd"), all.stream().map(ArtifactComparison::name).toList());
        assertEquals("symbolic link to " + outside + " against a folder", all.get(0).differences().get(0).summary());
        assertEquals("etc/shadow is only in the right build", all.get(1).differences().get(0).summary());
        assertEquals(null, all.get(1).leftSha512());
        assertEquals(ArtifactComparison.Status.MISSING, all.get(2).status());
        assertEquals(null, all.get(2).rightSha512(), "a link on one side only is not digested through");
        String reports = TextReport.full(new ComparisonReport("diff", java.time.Instant.now(), "l", "r", all))
                + new String(JsonReport.render(new ComparisonReport("diff", java.time.Instant.now(), "l", "r", all)), StandardCharsets.UTF_8);
        assertFalse(reports.contains("SECRET-HASH"), reports);
    }

    @Test
    void aLinkAsTheFolderItselfIsRefusedNamingTheSide() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        write(real, "a.txt", "a".getBytes(StandardCharsets.UTF_8));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        IOException e = assertThrows(IOException.class, () -> engine.compareFolders(real, link));
        assertTrue(e.getMessage().startsWith("right " + link + " is a symbolic link (to " + real + ")"), e.getMessage());
        IOException file = assertThrows(IOException.class, () -> engine.compareFolders(real.resolve("a.txt"), real));
        assertEquals("left " + real.resolve("a.txt") + " is not a folder", file.getMessage());
    }

    @Test
    void aLinkLoopIsALinkNotAnEndlessWalk() throws IOException {
        Path left = Files.createDirectories(dir.resolve("l"));
        Path right = Files.createDirectories(dir.resolve("r"));
        Files.createSymbolicLink(left.resolve("loop"), left);
        Files.createSymbolicLink(right.resolve("loop"), Path.of("."));
        List<ArtifactComparison> all = engine.compareFolders(left, right);
        assertEquals(1, all.size());
        assertEquals("symbolic link to " + left + " against symbolic link to .", all.get(0).differences().get(0).summary());
    }

    @Test
    void plainFilesOfDifferentTypes() throws IOException {
        ArtifactComparison comparison = compare(zip(List.of(entry("a", "a"))), "just text\n".getBytes(StandardCharsets.UTF_8), "thing.bin");
        assertEquals("a zip archive against a text file", only(comparison, DifferenceKind.BINARY_CONTENT).summary());
    }
}
