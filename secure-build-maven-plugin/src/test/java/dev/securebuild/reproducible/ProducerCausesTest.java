package dev.securebuild.reproducible;

import static dev.securebuild.reproducible.TestArchives.entry;
import static dev.securebuild.reproducible.TestArchives.write;
import static dev.securebuild.reproducible.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real case of issue 18: a zip made by maven-assembly-plugin, a launcher script with the build time, outputTimestamp set. */
class ProducerCausesTest {

    private static final String SET_IT = "(?is).*\\bset\\s+<?project\\.build\\.outputTimestamp.*";

    @TempDir
    Path project;

    private final PlannedExecution jar = BuildPlanTest.execution("maven-jar-plugin", "3.4.2", "jar", "default-jar", Map.of());
    private final PlannedExecution launcher = new PlannedExecution("org.apache.maven.plugins", "maven-antrun-plugin", "3.1.0", "run",
            "launcher", Map.of(), "<configuration><target><echo file=\"${project.build.directory}/generated/bin/run.sh\" "
            + "message=\"BUILT=${maven.build.timestamp}\"/></target></configuration>");

    private BuildPlan plan(String assemblyVersion, String outputTimestamp, String descriptor) throws IOException {
        Path file = project.resolve("src/assembly/dist.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, descriptor);
        PlannedExecution assembly = BuildPlanTest.execution("maven-assembly-plugin", assemblyVersion, "single", "dist",
                Map.of("descriptors", "src/assembly/dist.xml"));
        return new BuildPlan(List.of(launcher, jar, assembly), project, project.resolve("target"), "demo-1.0", "demo", "1.0",
                project.resolve("pom.xml"), outputTimestamp);
    }

    private static final String NO_MODES = "<assembly><id>dist</id><formats><format>zip</format><format>tar.gz</format></formats>"
            + "<fileSets><fileSet><directory>target/generated/bin</directory><outputDirectory>bin</outputDirectory></fileSet></fileSets></assembly>";
    private static final String MODES = "<assembly><id>dist</id><formats><format>zip</format></formats><fileSets><fileSet>"
            + "<directory>target/generated/bin</directory><fileMode>0755</fileMode><directoryMode>0755</directoryMode></fileSet></fileSets></assembly>";

    /** The zip of both builds: the script's modes follow the umask, its text holds the build time. */
    private ArtifactComparison zipComparison() throws IOException {
        Path left = write(project.resolve("left"), "demo-1.0-dist.zip", zip(List.of(
                entry("bin/run.sh", "#!/bin/sh\nBUILT=2026-12-06T17:00:01Z\n").mode(0755), entry("conf/app.txt", "x").mode(0644))));
        Path right = write(project.resolve("right"), "demo-1.0-dist.zip", zip(List.of(
                entry("bin/run.sh", "#!/bin/sh\nBUILT=2026-12-06T17:00:09Z\n").mode(0775), entry("conf/app.txt", "x").mode(0664))));
        return new DiffEngine(ArchiveLimits.DEFAULT, new CauseRules(true)).compare("demo-1.0-dist.zip", left, right);
    }

    private ArtifactComparison explained(BuildPlan plan) throws IOException {
        Path zipFile = project.resolve("target/demo-1.0-dist.zip");
        ReactorModule.Output output = new ReactorModule.Output(zipFile, "demo-1.0-dist.zip", "zip", "dist", plan.producerOf(zipFile));
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        ReactorModule module = new ReactorModule("g:demo:jar:1.0", new FilteredSources(List.of(new FilteredSources.Folder(resources, "")),
                project), plan, List.of(output));
        return module.explained(output, zipComparison());
    }

    private static Difference only(ArtifactComparison comparison, DifferenceKind kind) {
        return comparison.differences().stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void everyDifferenceInTheZipBelongsToTheAssembly() throws IOException {
        ArtifactComparison comparison = explained(plan("3.7.1", "2026-01-01T00:00:00Z", MODES));
        assertFalse(comparison.differences().isEmpty());
        for (Difference difference : comparison.differences()) {
            assertEquals("maven-assembly-plugin 3.7.1, execution dist", difference.explanation().producedBy(), difference.kind().toString());
        }
    }

    @Test
    void anAssemblyOlderThanOutputTimestampIsNamedInsteadOfAdvisingToSetIt() throws IOException {
        Explanation modes = only(explained(plan("3.1.1", "2026-01-01T00:00:00Z", NO_MODES)), DifferenceKind.ENTRY_PERMISSIONS).explanation();
        assertFalse(modes.fix().matches(SET_IT), modes.fix());
        assertTrue(modes.fix().startsWith("project.build.outputTimestamp is set (2026-01-01T00:00:00Z), but maven-assembly-plugin 3.1.1 "
                + "ignores it: upgrade maven-assembly-plugin to 3.2.0 or later"), modes.fix());
        assertTrue(modes.cause().contains("maven-assembly-plugin 3.1.1 predates project.build.outputTimestamp (honoured since 3.2.0)"));
    }

    @Test
    void aDescriptorWithoutModesIsNamedWhenTheAssemblyHonoursOutputTimestamp() throws IOException {
        Explanation modes = only(explained(plan("3.7.1", "2026-01-01T00:00:00Z", NO_MODES)), DifferenceKind.ENTRY_PERMISSIONS).explanation();
        assertFalse(modes.fix().matches(SET_IT), modes.fix());
        assertTrue(modes.fix().contains("src/assembly/dist.xml: <fileSet> target/generated/bin sets no <fileMode> and no <directoryMode>"),
                modes.fix());
        assertTrue(modes.fix().contains("set <fileMode>0644</fileMode> and <directoryMode>0755</directoryMode>"), modes.fix());
    }

    @Test
    void anUnknownProducerIsSaidUnknownAndOutputTimestampNotAdvised() throws IOException {
        BuildPlan unknown = BuildPlan.unknown("2026-01-01T00:00:00Z");
        Explanation modes = only(explained(unknown), DifferenceKind.ENTRY_PERMISSIONS).explanation();
        assertEquals("unknown", modes.producedBy());
        assertFalse(modes.fix().matches(SET_IT), modes.fix());
        assertTrue(modes.fix().contains("made by: unknown"), modes.fix());
    }

    @Test
    void anExecutionThatOverridesOutputTimestampIsNamed() throws IOException {
        Path file = project.resolve("src/assembly/dist.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, MODES);
        PlannedExecution stamped = BuildPlanTest.execution("maven-assembly-plugin", "3.7.1", "single", "dist",
                Map.of("descriptors", "src/assembly/dist.xml", "outputTimestamp", "2026-12-06T17:00:01Z"));
        BuildPlan plan = new BuildPlan(List.of(stamped), project, project.resolve("target"), "demo-1.0", "demo", "1.0",
                project.resolve("pom.xml"), "2026-01-01T00:00:00Z");
        Path left = write(project.resolve("left"), "demo-1.0-dist.zip", zip(List.of(entry("a.txt", "x").time(TestArchives.TIME))));
        Path right = write(project.resolve("right"), "demo-1.0-dist.zip", zip(List.of(entry("a.txt", "x").time(TestArchives.TIME + 8000))));
        ArtifactComparison comparison = new DiffEngine(ArchiveLimits.DEFAULT, new CauseRules(true)).compare("demo-1.0-dist.zip", left, right);
        Path zipFile = project.resolve("target/demo-1.0-dist.zip");
        ReactorModule.Output output = new ReactorModule.Output(zipFile, "demo-1.0-dist.zip", "zip", "dist", plan.producerOf(zipFile));
        Explanation times = only(new ReactorModule("g:demo:jar:1.0", null, plan, List.of(output)).explained(output, comparison),
                DifferenceKind.ENTRY_TIMESTAMP).explanation();
        assertFalse(times.fix().matches(SET_IT), times.fix());
        assertEquals("project.build.outputTimestamp is set (2026-01-01T00:00:00Z), but execution dist of maven-assembly-plugin 3.7.1 "
                + "overrides it with <outputTimestamp>2026-12-06T17:00:01Z</outputTimestamp>: remove that from its <configuration>", times.fix());
        assertEquals("Entry timestamps differ: execution dist of maven-assembly-plugin 3.7.1 sets its own <outputTimestamp> "
                + "(2026-12-06T17:00:01Z in this build) in place of project.build.outputTimestamp", times.cause());
    }

    private Explanation timesMadeBy(PlannedExecution writer, String fileName) throws IOException {
        BuildPlan plan = new BuildPlan(List.of(writer), project, project.resolve("target"), "demo-1.0", "demo", "1.0",
                project.resolve("pom.xml"), "2026-01-01T00:00:00Z");
        Path left = write(project.resolve("left"), fileName, zip(List.of(entry("a.txt", "x").time(TestArchives.TIME))));
        Path right = write(project.resolve("right"), fileName, zip(List.of(entry("a.txt", "x").time(TestArchives.TIME + 8000))));
        ArtifactComparison comparison = new DiffEngine(ArchiveLimits.DEFAULT, new CauseRules(true)).compare(fileName, left, right);
        Path file = project.resolve("target/" + fileName);
        ReactorModule.Output output = new ReactorModule.Output(file, fileName, "jar", null, Producer.execution(writer.groupId(),
                writer.artifactId(), writer.version(), writer.executionId()));
        return only(new ReactorModule("g:demo:jar:1.0", null, plan, List.of(output)).explained(output, comparison),
                DifferenceKind.ENTRY_TIMESTAMP).explanation();
    }

    @Test
    void aPluginThatHonoursOutputTimestampIsSaidToAndOthersAreNotAssumedTo() throws IOException {
        Explanation jarTimes = timesMadeBy(jar, "demo-1.0.jar");
        assertFalse(jarTimes.fix().matches(SET_IT), jarTimes.fix());
        assertTrue(jarTimes.fix().startsWith("project.build.outputTimestamp is set (2026-01-01T00:00:00Z) and maven-jar-plugin 3.4.2 "
                + "honours it (since 3.2.0): check that execution default-jar does not set an <outputTimestamp> of its own"), jarTimes.fix());
        PlannedExecution zipper = new PlannedExecution("org.apache.maven.plugins", "maven-antrun-plugin", "3.1.0", "run", "zip", Map.of(), "");
        Explanation antTimes = timesMadeBy(zipper, "demo-1.0-bin.zip");
        assertFalse(antTimes.fix().matches(SET_IT), antTimes.fix());
        assertTrue(antTimes.fix().contains("but maven-antrun-plugin 3.1.0 (execution zip) is not one of the archivers known to honour it"),
                antTimes.fix());
    }

    @Test
    void withoutOutputTimestampSettingItIsStillTheFix() throws IOException {
        Explanation modes = only(explained(plan("3.7.1", null, NO_MODES)), DifferenceKind.ENTRY_PERMISSIONS).explanation();
        assertTrue(modes.fix().matches(SET_IT), modes.fix());
        assertEquals("maven-assembly-plugin 3.7.1, execution dist", modes.producedBy());
    }

    @Test
    void theBuildTimeInAGeneratedScriptNamesThePluginThatWroteIt() throws IOException {
        Explanation text = only(explained(plan("3.7.1", "2026-01-01T00:00:00Z", MODES)), DifferenceKind.TEXT_CONTENT).explanation();
        assertEquals("The build time is in bin/run.sh, which is not one of the project's filtered resources: a file generated by "
                + "maven-antrun-plugin 3.1.0, execution launcher (its configuration names run.sh)", text.cause());
        assertTrue(text.fix().startsWith("Make maven-antrun-plugin 3.1.0, execution launcher write ${project.build.outputTimestamp}"));
        assertFalse(text.cause().contains("filtered with"), text.cause());
        assertEquals("maven-assembly-plugin 3.7.1, execution dist", text.producedBy(), "the entry belongs to the zip's producer");
    }

    @Test
    void aGeneratedFileNoExecutionNamesHasAnUnknownGenerator() throws IOException {
        Explanation text = only(explained(BuildPlan.unknown(null)), DifferenceKind.TEXT_CONTENT).explanation();
        assertTrue(text.cause().contains("generator: unknown"), text.cause());
        assertFalse(text.cause().contains("resource filtered"), text.cause());
    }

    @Test
    void aFilteredResourceStaysTheCauseWhenTheFileIsOne() throws IOException {
        Path resources = Files.createDirectories(project.resolve("src/main/resources/bin"));
        Files.writeString(resources.resolve("run.sh"), "#!/bin/sh\nBUILT=${maven.build.timestamp}\n");
        Explanation text = only(explained(plan("3.7.1", "2026-01-01T00:00:00Z", MODES)), DifferenceKind.TEXT_CONTENT).explanation();
        assertTrue(text.cause().startsWith("The build time is in the file's content: src/main/resources/bin/run.sh line 2 is a filtered "
                + "resource"), text.cause());
    }
}
