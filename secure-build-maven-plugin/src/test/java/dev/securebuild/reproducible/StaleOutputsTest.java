package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a build started from a clean target/: files in the build folders older than the build. */
class StaleOutputsTest {

    private static final Instant STARTED = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path root;

    private Path file(String name, Instant modified) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private StaleOutputs find(String... folders) throws IOException {
        return StaleOutputs.find(new StaleOutputs.Scope(STARTED, List.of(folders).stream().map(root::resolve).toList()), root);
    }

    @Test
    void aBuildWhoseGoalsCleanStartedClean() {
        assertTrue(StaleOutputs.cleanedBy(List.of("clean", "deploy")));
        assertTrue(StaleOutputs.cleanedBy(List.of("clean:clean", "verify")));
        assertTrue(StaleOutputs.cleanedBy(List.of("org.apache.maven.plugins:maven-clean-plugin:3.4.1:clean", "verify")));
        assertTrue(StaleOutputs.cleanedBy(List.of("post-clean", "install")));
        assertFalse(StaleOutputs.cleanedBy(List.of("verify")));
        assertFalse(StaleOutputs.cleanedBy(List.of("pre-clean", "verify")), "pre-clean runs before the folders are deleted, and stops there");
        assertFalse(StaleOutputs.cleanedBy(List.of("dev.example:cleaner-plugin:1:clean-cache")));
        assertFalse(StaleOutputs.cleanedBy(null));
    }

    @Test
    void filesWrittenByThisBuildAreNotStale() throws IOException {
        file("target/classes/demo/Hello.class", STARTED.plusSeconds(3));
        file("target/demo-1.0.jar", STARTED.minusSeconds(1));   // within the tolerance: a file system that keeps whole seconds

        assertSame(StaleOutputs.NONE, find("target"));
        assertFalse(find("target").found());
        file("target/old.txt", STARTED.minusSeconds(3600));
        assertSame(StaleOutputs.NONE, StaleOutputs.find(null, root), "a build whose start Maven does not say is not judged");
    }

    @Test
    void filesOlderThanTheBuildAreCountedInEveryModuleWithTheFirstByPathAsExample() throws IOException {
        file("target/classes/demo/Old.class", STARTED.minusSeconds(3600));
        file("target/classes/demo/New.class", STARTED.plusSeconds(1));
        file("module/target/maven-archiver/pom.properties", STARTED.minusSeconds(60));
        file("module/target/classes/app.properties", STARTED.minusSeconds(60));

        StaleOutputs stale = find("target", "module/target");

        assertEquals(3, stale.files());
        assertEquals("module/target/classes/app.properties", stale.example(), "the first by path, whichever module");
        assertTrue(stale.found());
        assertEquals("This build did not start from a clean target/: 3 file(s) in the build folders are older than this build, such as "
                + "module/target/classes/app.properties. Outputs left by an earlier build make differences whose cause is then guessed wrong: "
                + "run mvn clean verify", stale.warning());
        assertTrue(stale.note().contains("3 file(s) in the build folders predate it, such as module/target/classes/app.properties"),
                stale.note());
    }

    @Test
    void secureBuildsOwnFolderAndMissingFoldersAreLeftOut() throws IOException {
        file("target/secure-build/reproducible/rebuild/pom.xml", STARTED.minusSeconds(3600));
        file("target/secure-build/security-events.jsonl", STARTED.minusSeconds(3600));
        file("target/secure-buildx/other.txt", STARTED.minusSeconds(3600));

        StaleOutputs stale = find("target", "no-such-module/target");

        assertEquals(1, stale.files(), "only secure-build/ itself is ours");
        assertEquals("target/secure-buildx/other.txt", stale.example());
    }

    @Test
    void maven4sConsumerPomAndProjectLocalRepositoryAreLeftOut() throws IOException {
        // Maven 4 gives its temporary consumer POM the POM's time, and copies the modules' outputs with their times.
        file("target/consumer-5100970762338634063.pom", STARTED.minusSeconds(3600));
        file("target/project-local-repo/g/demo/1.0/demo-1.0.pom", STARTED.minusSeconds(3600));
        file("target/classes/consumer-1.pom", STARTED.minusSeconds(3600));
        file("target/consumer-old.pom", STARTED.minusSeconds(3600));

        StaleOutputs stale = find("target");

        assertEquals(2, stale.files(), "only Maven's own consumer-<number>.pom at the top of the build folder is Maven's");
        assertEquals("target/classes/consumer-1.pom", stale.example());
    }

    @Test
    void linksAreNotFollowed() throws IOException {
        Path outside = file("elsewhere/old/a.txt", STARTED.minusSeconds(3600));
        Files.createDirectories(root.resolve("target"));
        Files.createSymbolicLink(root.resolve("target/linked"), outside.getParent());
        Files.createSymbolicLink(root.resolve("linked-target"), root.resolve("elsewhere"));

        assertSame(StaleOutputs.NONE, find("target"));
        assertSame(StaleOutputs.NONE, find("linked-target"), "a build folder that is a link is not entered");
    }

    @Test
    void aControlCharacterInTheExampleIsShownEscaped() throws IOException {
        file("target/bad\nname.txt", STARTED.minusSeconds(3600));

        StaleOutputs stale = find("target");

        assertFalse(stale.warning().contains("\n"), stale.warning());
        assertFalse(stale.note().contains("\n"), stale.note());
    }
}
