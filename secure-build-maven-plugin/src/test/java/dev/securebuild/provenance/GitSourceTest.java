package dev.securebuild.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Whether the working tree holds what its commit holds, asked of git in real temporary repositories. */
class GitSourceTest {

    @TempDir
    Path folder;

    private Path repository;

    @BeforeEach
    void aRepositoryWithOneCommit() throws Exception {
        repository = Files.createDirectories(folder.resolve("repo"));
        Assumptions.assumeTrue(git(repository, "init", "-q"), "git is not installed");
        Files.writeString(repository.resolve(".gitignore"), "target/\n");
        Files.writeString(repository.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(repository.resolve("src"));
        Files.writeString(repository.resolve("src/App.java"), "class App {}\n");
        Files.writeString(repository.resolve("src/Old.java"), "class Old {}\n");
        assertTrue(git(repository, "add", "-A"));
        assertTrue(commit(repository));
    }

    @Test
    void aTreeAsCommittedIsClean() throws Exception {
        Files.createDirectories(repository.resolve("target"));
        Files.writeString(repository.resolve("target/app.jar"), "ignored output");
        Provenance.WorkingTree tree = GitSource.workingTree(repository);
        assertNotNull(tree);
        assertTrue(tree.clean(), tree.toString());
        assertEquals(List.of(), tree.modifiedFiles());
        assertEquals(0, tree.untrackedFileCount());
    }

    @Test
    void changedDeletedStagedAndUntrackedFilesMakeItDirtyNamesOnly() throws Exception {
        Files.writeString(repository.resolve("src/App.java"), "class App { String secretContent = \"x\"; }\n");
        Files.delete(repository.resolve("src/Old.java"));
        Files.writeString(repository.resolve("src/New.java"), "class New {}\n");
        assertTrue(git(repository, "add", "src/New.java"));
        Files.writeString(repository.resolve("notes.txt"), "untracked, not ignored");
        Files.createDirectories(repository.resolve("src/extra"));
        Files.writeString(repository.resolve("src/extra/Evil.java"), "class Evil {}\n");

        // Asked from a module folder below the top: the whole repository is the commit's tree.
        Provenance.WorkingTree tree = GitSource.workingTree(Files.createDirectories(repository.resolve("module")));
        assertFalse(tree.clean());
        assertEquals(List.of("src/App.java", "src/New.java", "src/Old.java"), tree.modifiedFiles().stream().sorted().toList());
        assertEquals(3, tree.modifiedFileCount());
        assertEquals(2, tree.untrackedFileCount(), "every untracked file counts, also inside an untracked folder");
        assertFalse(tree.toString().contains("secretContent"));
        assertTrue(tree.describe().startsWith("3 tracked files differ from the commit ("), tree.describe());
        assertTrue(tree.describe().endsWith(", 2 untracked files"), tree.describe());

        Provenance provenance = new Provenance(List.of(), new Provenance.ExternalParameters(List.of("verify"), List.of(), java.util.Map.of(),
                GitSource.of(repository), tree), java.util.Map.of(), List.of(),
                new Provenance.RunDetails("b", java.util.Map.of(), "i", java.time.Instant.EPOCH, java.time.Instant.EPOCH));
        JsonNode written = new ObjectMapper().readTree(provenance.toJson()).at("/predicate/buildDefinition/externalParameters/workingTree");
        assertFalse(written.get("clean").asBoolean());
        assertEquals(3, written.get("modifiedFileCount").asInt());
        assertEquals(2, written.get("untrackedFileCount").asInt());
        assertEquals(3, written.get("modifiedFiles").size());
        assertFalse(written.has("incomplete"));
    }

    @Test
    void aNameWithControlCharactersIsRecordedAsGitGivesItAndShownEscaped() throws Exception {
        String name = "x\n[INFO] BUILD SUCCESS\u001b[2J.txt";
        Files.writeString(repository.resolve(name), "a");
        assertTrue(git(repository, "add", "-A"));
        assertTrue(commit(repository));
        Files.writeString(repository.resolve(name), "b");

        Provenance.WorkingTree tree = GitSource.workingTree(repository);
        assertEquals(List.of(name), tree.modifiedFiles());
        assertTrue(tree.describe().contains("x\\n[INFO] BUILD SUCCESS\\u001b[2J.txt"), tree.describe());
        assertFalse(tree.describe().contains("\n"));
    }

    @Test
    void aShallowCloneIsReadLikeAnyOther() throws Exception {
        Files.writeString(repository.resolve("pom.xml"), "<project><!-- two --></project>\n");
        assertTrue(git(repository, "commit", "-q", "-a", "-m", "two"));
        Path shallow = folder.resolve("shallow");
        Assumptions.assumeTrue(git(folder, "clone", "-q", "--depth", "1", repository.toUri().toString(), shallow.toString()), "git clone --depth 1");
        assertTrue(GitSource.workingTree(shallow).clean());
        Files.writeString(shallow.resolve("pom.xml"), "changed");
        assertEquals(List.of("pom.xml"), GitSource.workingTree(shallow).modifiedFiles());
    }

    @Test
    void noWorkTreeOrNoCommitIsUnknown() throws Exception {
        assertNull(GitSource.workingTree(Files.createDirectories(folder.resolve("plain"))));
        Path empty = Files.createDirectories(folder.resolve("empty"));
        assertTrue(git(empty, "init", "-q"));
        Files.writeString(empty.resolve("a.txt"), "a");
        assertNull(GitSource.workingTree(empty), "no commit: nothing the tree could be compared with");
    }

    @Test
    void aSymbolicLinkIsComparedAsALinkNotFollowed() throws Exception {
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside the repository");
        Files.createSymbolicLink(repository.resolve("link"), outside);
        assertTrue(git(repository, "add", "-A"));
        assertTrue(commit(repository));
        Files.writeString(outside.resolve("secret.txt"), "changed outside");
        Files.writeString(outside.resolve("new.txt"), "new outside");
        assertTrue(GitSource.workingTree(repository).clean(), "what the link points to is not the repository's");
    }

    @Test
    void statusOutputBeyondTheLimitIsIncompleteAndNeverClean() {
        byte[] output = " M a.txt\0R  new.txt\0old.txt\0?? u.txt\0!! ignored\0 M cut-off".getBytes(StandardCharsets.UTF_8);
        Provenance.WorkingTree tree = GitSource.parseStatus(output, true);
        assertEquals(List.of("a.txt", "new.txt"), tree.modifiedFiles(), "a rename's origin is not a second entry; the cut entry is not read");
        assertEquals(1, tree.untrackedFileCount());
        assertTrue(tree.incomplete());
        assertFalse(tree.clean());
        assertTrue(tree.describe().endsWith("(at least: git listed more than could be read)"), tree.describe());
        assertTrue(GitSource.parseStatus(new byte[0], false).clean());
    }

    @Test
    void atMostAHundredNamesAreListedAndAllAreCounted() {
        StringBuilder output = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            output.append(" M f").append(i).append('\0');
        }
        Provenance.WorkingTree tree = GitSource.parseStatus(output.toString().getBytes(StandardCharsets.UTF_8), false);
        assertEquals(Provenance.WorkingTree.MAX_LISTED, tree.modifiedFiles().size());
        assertEquals(250, tree.modifiedFileCount());
        assertTrue(tree.describe().contains("f9, ...)"), tree.describe());
    }

    private static boolean commit(Path repository) throws Exception {
        return git(repository, "commit", "-q", "-m", "one");
    }

    static boolean git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
