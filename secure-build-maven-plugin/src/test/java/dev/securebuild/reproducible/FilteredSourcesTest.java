package dev.securebuild.reproducible;

import static dev.securebuild.reproducible.TestArchives.entry;
import static dev.securebuild.reproducible.TestArchives.write;
import static dev.securebuild.reproducible.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilteredSourcesTest {

    @TempDir
    Path dir;

    private ArtifactComparison buildTimeInConfig() throws IOException {
        Path left = write(dir.resolve("l"), "app.jar", zip(List.of(entry("conf/app.properties", "name=app\nbuilt=2026-12-01T10:00:00Z\n"))));
        Path right = write(dir.resolve("r"), "app.jar", zip(List.of(entry("conf/app.properties", "name=app\nbuilt=2026-12-01T10:00:07Z\n"))));
        return new DiffEngine(ArchiveLimits.DEFAULT, new CauseRules(true)).compare("app.jar", left, right);
    }

    @Test
    void theFilteredSourceLineAndPropertyAreNamed() throws IOException {
        Path project = dir.resolve("project");
        Path resources = Files.createDirectories(project.resolve("src/main/config"));
        Files.writeString(resources.resolve("app.properties"), "name=${project.artifactId}\nbuilt=${build.time}\n");
        ArtifactComparison traced = new FilteredSources(List.of(new FilteredSources.Folder(resources, "conf")), project).trace(buildTimeInConfig());
        Explanation why = traced.differences().get(0).explanation();
        assertEquals("The build time is in the file's content: src/main/config/app.properties line 2 is a filtered resource and reads "
                + "'built=${build.time}'; ${build.time} is the time of each build", why.cause());
        assertEquals("Replace ${build.time} in src/main/config/app.properties line 2 with ${project.build.outputTimestamp}, or drop the time",
                why.fix());
    }

    @Test
    void withoutAMatchingSourceTheGeneralCauseStays() throws IOException {
        ArtifactComparison comparison = buildTimeInConfig();
        Path unfiltered = Files.createDirectories(dir.resolve("project/src/main/resources"));
        assertSame(comparison, new FilteredSources(List.of(new FilteredSources.Folder(unfiltered, "")), dir.resolve("project")).trace(comparison));
    }

    @Test
    void anEntryNameNeverLeadsOutOfTheResourceFolder() throws IOException {
        // The secret lives beside the resource folder; entry names of the archive try to reach it.
        Path project = dir.resolve("project");
        Path resources = Files.createDirectories(project.resolve("src/main/config"));
        Files.writeString(project.resolve("secret.properties"), "built=${SECRET-OUTSIDE-THE-FOLDER}\n");
        Files.createSymbolicLink(resources.resolve("linked.properties"), project.resolve("secret.properties"));
        for (String entry : List.of("../../../secret.properties", "linked.properties")) {
            Path left = write(dir.resolve("l"), "app.jar", zip(List.of(entry(entry, "built=2026-12-01T10:00:00Z\n"))));
            Path right = write(dir.resolve("r"), "app.jar", zip(List.of(entry(entry, "built=2026-12-01T10:00:07Z\n"))));
            ArtifactComparison comparison = new DiffEngine(ArchiveLimits.DEFAULT, new CauseRules(true)).compare("app.jar", left, right);
            ArtifactComparison traced = new FilteredSources(List.of(new FilteredSources.Folder(resources, "")), project).trace(comparison);
            assertSame(comparison, traced, entry);
        }
    }
}
