package dev.securebuild.allowlist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.shared.location.LocationBase;

/** The lists of a parent POM's rule: a relative path names one file for every module, the top of the reactor's. */
class AllowListSourcesTest {

    private static final String LIST = "version: 1\napproved:\n  - groupId: org.example\n    artifactId: \"*\"\n    reason: test\n    owner: team@example.com\n";

    @TempDir
    Path root;

    private final DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();

    @Test
    void aRelativeListIsReadFromTheTopOfTheReactorOnceForEveryModule() throws Exception {
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve("approved.yaml"), LIST);
        Path module = Files.createDirectories(root.resolve("module-a"));
        LocationBase fromModule = LocationBase.reactorTop(root, module, module);

        List<AllowList> lists = new AllowListSources(null, session, List.of(), fromModule).load(List.of("approved.yaml"));
        List<AllowList> again = new AllowListSources(null, session, List.of(), LocationBase.reactorTop(root, root, root)).load(List.of("approved.yaml"));

        assertEquals(1, lists.size());
        assertSame(lists.get(0), again.get(0), "the same file, loaded once for the build");
    }

    @Test
    void aModulesOwnListIsNamedByItsAbsolutePath() throws Exception {
        Path module = Files.createDirectories(root.resolve("module-a"));
        Files.writeString(module.resolve("own.yaml"), LIST);

        List<AllowList> lists = new AllowListSources(null, session, List.of(), LocationBase.reactorTop(null, root, root))
                .load(List.of(module.resolve("own.yaml").toString()));

        assertEquals(1, lists.size());
    }

    @Test
    void aMissingListNamesThePathLookedAtAndWhyThere() throws Exception {
        Files.createDirectories(root.resolve(".mvn"));
        Path module = Files.createDirectories(root.resolve("module-a"));
        Files.writeString(module.resolve("approved.yaml"), LIST); // a module's file is not read by a relative path

        BuildInputException e = assertThrows(BuildInputException.class,
                () -> new AllowListSources(null, session, List.of(), LocationBase.reactorTop(root, module, module)).load(List.of("approved.yaml")));

        assertEquals("the allow-list " + root.resolve("approved.yaml") + " (list 1) does not exist: a relative path is read from the top of the"
                + " reactor " + root + " (the folder with .mvn/); for this module's own file write ${project.basedir}/approved.yaml", e.getMessage());
    }
}
