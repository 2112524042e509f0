package dev.securebuild.reproducible;

import static dev.securebuild.reproducible.TestArchives.entry;
import static dev.securebuild.reproducible.TestArchives.write;
import static dev.securebuild.reproducible.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.ci.WorkflowCommand;

class DifferenceAnnotationsTest {

    @TempDir
    Path dir;

    @Test
    void eachOutputThatDiffersIsAnnotatedAtItsModulesPomWithItsFirstDifferenceCauseAndFix() throws Exception {
        Path left = write(dir.resolve("l"), "app-1.0.jar", zip(List.of(entry("build.properties", "built=2026-12-07T10:00:00Z\n"))));
        Path right = write(dir.resolve("r"), "app-1.0.jar", zip(List.of(entry("build.properties", "built=2026-12-07T10:04:31Z\n"))));
        Path same = write(dir.resolve("l"), "app-1.0.pom", "<project/>".getBytes());
        write(dir.resolve("r"), "app-1.0.pom", "<project/>".getBytes());
        ComparisonReport report = new ComparisonReport("verify-reproducible", Instant.EPOCH, "l", "r",
                List.of(new DiffEngine().compare("app-1.0.jar", left, right), new DiffEngine().compare("app-1.0.pom", same, dir.resolve("r/app-1.0.pom"))));
        Path repo = dir.resolve("repo");
        Path pom = Files.createDirectories(repo.resolve("app")).resolve("pom.xml");

        List<WorkflowCommand> failing = DifferenceAnnotations.commands(report, true, repo, name -> pom);
        List<WorkflowCommand> reporting = DifferenceAnnotations.commands(report, false, repo, name -> pom);

        assertEquals(1, failing.size(), "the same POM is not annotated");
        String line = failing.get(0).line();
        assertTrue(line.startsWith("::error file=app/pom.xml,title=secure-build verify-reproducible%3A app-1.0.jar is not reproducible::DIFFERENT app-1.0.jar: "),
                line);
        assertTrue(line.contains("build.properties") && line.contains(". Cause: ") && line.contains(". Fix: "), line);
        assertEquals(WorkflowCommand.Level.WARNING, reporting.get(0).level(), "failOnDifference=false only reports");
    }
}
