package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.securebuild.shared.settings.InvalidSettingException;

/** Where compare's reference comes from, for each combination of its settings. */
class ReferenceResolverTest {

    private static final BuildPlatform PLATFORM = new BuildPlatform("17.0.9", "Vendor", "17", "Linux", "\n");
    private static final RemoteReferences NO_REMOTE = (module, output, repositoryId, cache) -> {
        throw new AssertionError("no repository is asked");
    };

    @TempDir
    Path dir;

    private final ReactorModule module = new ReactorModule("g:demo:jar:1.0", null, List.of());

    private ReactorModule.Output output(String name) {
        return new ReactorModule.Output(dir.resolve(name), name, "jar", null, "maven-jar-plugin");
    }

    private static ReferenceResolver.Settings settings(Path directory, Path buildinfo, boolean offline) {
        return new ReferenceResolver.Settings(directory, buildinfo, "central", offline);
    }

    @Test
    void aFolderOrABuildinfoNotBoth() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> ReferenceResolver.resolve(
                settings(dir, dir.resolve("demo.buildinfo"), false), dir, NO_REMOTE, PLATFORM));
        assertEquals("Set referenceDirectory or referenceBuildinfo, not both", e.getMessage());
    }

    @Test
    void aFolderGivesTheFileOfTheSameName() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("reference"));
        Reference reference = ReferenceResolver.resolve(settings(folder, null, true), dir, NO_REMOTE, PLATFORM);

        assertEquals("the folder " + folder, reference.describe());
        assertEquals(folder.resolve("demo-1.0.jar"), reference.file(module, output("demo-1.0.jar")));
        assertEquals(List.of(), reference.notes());
    }

    @Test
    void aFolderThatIsALinkOrNoFolderIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("reference"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), folder);
        InvalidSettingException linked = assertThrows(InvalidSettingException.class,
                () -> ReferenceResolver.resolve(settings(link, null, false), dir, NO_REMOTE, PLATFORM));
        assertEquals("referenceDirectory " + link + " is a symbolic link: compare does not follow links out of its inputs; "
                + "set -Dsecure-build.referenceDirectory to the folder itself", linked.getMessage());

        Path file = Files.writeString(dir.resolve("file"), "x");
        InvalidSettingException notFolder = assertThrows(InvalidSettingException.class,
                () -> ReferenceResolver.resolve(settings(file, null, false), dir, NO_REMOTE, PLATFORM));
        assertEquals("referenceDirectory " + file + " is not a folder: set -Dsecure-build.referenceDirectory to the folder that holds "
                + "the reference files", notFolder.getMessage());
    }

    @Test
    void aRepositoryCannotBeAskedOffline() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> ReferenceResolver.resolve(settings(null, null, true), dir, NO_REMOTE, PLATFORM));
        assertEquals("compare takes the reference from repository 'central', and Maven runs offline (-o): run online, or set "
                + "referenceDirectory or referenceBuildinfo", e.getMessage());
    }

    @Test
    void aRepositoryIsAskedIntoALocalRepositoryOfItsOwn() throws Exception {
        List<String> asked = new ArrayList<>();
        Path downloaded = dir.resolve("downloaded.jar");
        RemoteReferences remote = (m, output, repositoryId, cache) -> {
            asked.add(m.id() + " " + output.name() + " " + repositoryId + " " + cache);
            return output.name().equals("demo-1.0.jar") ? downloaded : null;
        };
        Reference reference = ReferenceResolver.resolve(settings(null, null, false), dir, remote, PLATFORM);

        assertEquals("repository central", reference.describe());
        assertEquals(downloaded, reference.file(module, output("demo-1.0.jar")));
        assertNull(reference.file(module, output("demo-1.0-sources.jar")));
        assertEquals(List.of("g:demo:jar:1.0 demo-1.0.jar central " + dir.resolve("reference-repository"),
                "g:demo:jar:1.0 demo-1.0-sources.jar central " + dir.resolve("reference-repository")), asked);
    }

    @Test
    void aBuildinfoComparesDigestsAndNotesAnotherJdkAndSystem() throws Exception {
        Path jar = Files.writeString(dir.resolve("demo-1.0.jar"), "jar bytes");
        BuildInfo.Environment env = new BuildInfo.Environment("demo", "g", "demo", "1.0", null, null, "11.0.2", "Other", "Windows 11",
                "\r\n", "3.8.7", "verify");
        Path buildinfo = Files.writeString(dir.resolve("demo-1.0.buildinfo"), BuildInfo.render(env,
                List.of(new BuildInfo.Module("g", "demo", List.of(new BuildInfo.Output("g", "demo-1.0.jar", jar))))));
        Reference reference = ReferenceResolver.resolve(settings(null, buildinfo, true), dir, NO_REMOTE, PLATFORM);

        assertEquals("the .buildinfo " + buildinfo, reference.describe());
        assertNull(reference.file(module, output("demo-1.0.jar")));
        assertEquals(ArtifactComparison.Status.OK, reference.compare(new DiffEngine(), output("demo-1.0.jar"), null).status());
        assertEquals(List.of("the reference .buildinfo was made with Java 11.0.2 (Other), this build runs 17.0.9 (Vendor)",
                "the reference .buildinfo was made on Windows 11, this build runs on Linux"), reference.notes());
    }

    @Test
    void aBuildinfoOfTheSameJdkAndSystemHasNoNotes() throws Exception {
        BuildInfo.Environment env = new BuildInfo.Environment("demo", "g", "demo", "1.0", null, null, "17.0.9", "Vendor", "Linux",
                "\n", "3.8.7", "verify");
        Path buildinfo = Files.writeString(dir.resolve("demo-1.0.buildinfo"), BuildInfo.render(env, List.of()));

        assertTrue(ReferenceResolver.resolve(settings(null, buildinfo, false), dir, NO_REMOTE, PLATFORM).notes().isEmpty());
    }
}
