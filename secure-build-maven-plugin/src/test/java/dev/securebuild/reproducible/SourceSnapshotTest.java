package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSnapshotTest {

    @TempDir
    Path dir;

    private Path project() throws IOException {
        Path root = Files.createDirectories(dir.resolve("project"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("src/main/java/a"));
        Files.writeString(root.resolve("src/main/java/a/A.java"), "class A {}");
        Files.createDirectories(root.resolve("target/classes"));
        Files.writeString(root.resolve("target/classes/A.class"), "old output");
        Files.createDirectories(root.resolve("module/target"));
        Files.writeString(root.resolve("module/target/m.jar"), "old output");
        Files.writeString(root.resolve("module/pom.xml"), "<project/>");
        return root;
    }

    @Test
    void withoutGitTheFolderIsCopiedWithoutBuildOutputs() throws IOException {
        Path root = project();
        Path copy = root.resolve("target/secure-build/reproducible/rebuild");
        SourceSnapshot.Result result = SourceSnapshot.copy(root, copy);
        assertEquals("the project folder without build outputs (not a git work tree)", result.method());
        assertEquals(3, result.files());
        assertTrue(Files.isRegularFile(copy.resolve("src/main/java/a/A.java")));
        assertTrue(Files.isRegularFile(copy.resolve("module/pom.xml")));
        assertFalse(Files.exists(copy.resolve("target")));
        assertFalse(Files.exists(copy.resolve("module/target")));
        // A second run starts from an empty folder.
        Files.writeString(copy.resolve("stale.txt"), "x");
        SourceSnapshot.copy(root, copy);
        assertFalse(Files.exists(copy.resolve("stale.txt")));
    }

    @Test
    void inAGitWorkTreeTheTrackedFilesAreCopied() throws Exception {
        Path root = project();
        assumeTrue(git(root, "init", "-q") == 0, "needs git");
        Files.writeString(root.resolve(".gitignore"), "target/\n");
        Files.writeString(root.resolve("untracked.txt"), "not in git");
        assertEquals(0, git(root, "add", "pom.xml", ".gitignore", "src", "module/pom.xml"));
        Path copy = dir.resolve("copy");
        SourceSnapshot.Result result = SourceSnapshot.copy(root, copy);
        assertEquals("the files git tracks (git ls-files)", result.method());
        assertEquals(List.of(".gitignore", "module/pom.xml", "pom.xml", "src/main/java/a/A.java"), list(copy));
    }

    @Test
    void aTrackedFolderReplacedByALinkIsNotCopiedThrough() throws Exception {
        Path root = project();
        assumeTrue(git(root, "init", "-q") == 0, "needs git");
        assertEquals(0, git(root, "add", "pom.xml", "src"));
        Path outside = Files.createDirectories(dir.resolve("outside/main/java/a"));
        Files.writeString(outside.resolve("A.java"), "class Outside {}");
        // The index still lists src/main/java/a/A.java; the work tree's src is now a link out of the project.
        Path moved = dir.resolve("moved-src");
        Files.move(root.resolve("src"), moved);
        Files.createSymbolicLink(root.resolve("src"), dir.resolve("outside"));
        Files.createSymbolicLink(root.resolve("linked.txt"), outside.resolve("A.java"));
        assertEquals(0, git(root, "add", "linked.txt"));

        Path copy = dir.resolve("copy");
        SourceSnapshot.copy(root, copy);

        assertFalse(Files.exists(copy.resolve("src/main/java/a/A.java"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        // A tracked link is copied as the link it is, never as the file it points to.
        assertTrue(Files.isSymbolicLink(copy.resolve("linked.txt")));
        assertFalse(Files.exists(copy.resolve("src"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void anEmptyDotMvnFolderMarksTheCopysRootToo() throws Exception {
        // Maven 4 takes the nearest folder with .mvn/ for the build's root: without one the rebuild's would be this build's.
        Path root = project();
        Files.createDirectories(root.resolve(".mvn"));
        Path copy = root.resolve("target/secure-build/reproducible/rebuild");

        SourceSnapshot.copy(root, copy);
        assertTrue(Files.isDirectory(copy.resolve(".mvn")), "without git");

        assumeTrue(git(root, "init", "-q") == 0, "needs git");
        assertEquals(0, git(root, "add", "pom.xml"));
        SourceSnapshot.copy(root, copy);
        assertTrue(Files.isDirectory(copy.resolve(".mvn")), "git tracks no empty folder");

        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("pom.xml"), "<project/>");
        SourceSnapshot.copy(other, dir.resolve("other-copy"));
        assertFalse(Files.exists(dir.resolve("other-copy/.mvn")), "none where there is none");
    }

    @Test
    void withoutGitALinkedFolderIsCopiedAsALink() throws IOException {
        Path root = project();
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("conf"), outside);
        Path copy = dir.resolve("copy");
        SourceSnapshot.copy(root, copy);
        assertTrue(Files.isSymbolicLink(copy.resolve("conf")));
        assertFalse(list(copy).contains("conf/secret.txt"));
    }

    private static int git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
