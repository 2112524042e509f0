package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;

/** diff's two inputs: what it accepts, what it compares, and where the reports go. */
class PathDiffTest {

    @TempDir
    Path dir;

    private PathDiff.Result diff(Path left, Path right) throws Exception {
        return PathDiff.run(new PathDiff.Request(left, right, ArchiveLimits.DEFAULT, dir.resolve("reports"), KnownSecrets.NONE));
    }

    private String refused(Path left, Path right) {
        return assertThrows(InvalidSettingException.class, () -> diff(left, right)).getMessage();
    }

    @Test
    void twoFilesAreComparedAndReported() throws Exception {
        Path left = Files.writeString(dir.resolve("a.txt"), "one\n");
        Path right = Files.writeString(dir.resolve("b.txt"), "two\n");

        PathDiff.Result result = diff(left, right);

        assertTrue(result.report().differs());
        assertEquals("diff", result.report().goal());
        assertEquals(List.of("a.txt"), result.report().artifacts().stream().map(ArtifactComparison::name).toList());
        assertEquals(left, result.left());
        assertEquals(right, result.right());
        for (String report : List.of("report.txt", "report.json", "report.html")) {
            assertTrue(Files.isRegularFile(dir.resolve("reports").resolve(report)), report);
        }
    }

    @Test
    void twoFoldersAreMatchedByPath() throws Exception {
        Path left = Files.createDirectories(dir.resolve("left/sub"));
        Path right = Files.createDirectories(dir.resolve("right/sub"));
        Files.writeString(left.resolve("same.txt"), "same");
        Files.writeString(right.resolve("same.txt"), "same");
        Files.writeString(left.resolve("only-left.txt"), "x");

        PathDiff.Result result = diff(left.getParent(), right.getParent());

        assertEquals("2 output(s): 1 OK, 0 DIFFERENT, 1 MISSING", result.report().summaryLine());
    }

    @Test
    void theSameFileIsNoDifference() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "one\n");
        assertFalse(diff(file, dir.resolve("./a.txt")).report().differs());
    }

    @Test
    void eachSideMustBeSetAndExist() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "one\n");
        assertEquals("Set left: -Dsecure-build.left=PATH (a file or a folder)", refused(null, file));
        assertEquals("Set right: -Dsecure-build.right=PATH (a file or a folder)", refused(file, null));
        assertEquals("right " + dir.resolve("none") + " does not exist", refused(file, dir.resolve("none")));
    }

    @Test
    void aLinkIsNotFollowed() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "one\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), file);
        assertEquals("left " + link + " is a symbolic link: diff does not follow links out of its inputs; set -Dsecure-build.left to "
                + "the file or folder itself", refused(link, file));
    }

    @Test
    void aFileIsNotComparedWithAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "one\n");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        assertEquals("left and right must both be files or both be folders: " + file + " is a file, " + folder + " is a folder",
                refused(file, folder));
        assertFalse(Files.exists(dir.resolve("reports")));
    }
}
