package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildPlanTest {

    @TempDir
    Path project;

    static PlannedExecution execution(String plugin, String version, String goal, String id, Map<String, String> parameters) {
        return new PlannedExecution("org.apache.maven.plugins", plugin, version, goal, id, parameters, "");
    }

    private BuildPlan plan(List<PlannedExecution> executions) {
        return new BuildPlan(executions, project, project.resolve("target"), "demo-1.0", "demo", "1.0", project.resolve("pom.xml"),
                "2026-01-01T00:00:00Z");
    }

    private Path descriptor(String id, String... formats) throws IOException {
        StringBuilder xml = new StringBuilder("<assembly><id>" + id + "</id><formats>");
        for (String format : formats) {
            xml.append("<format>").append(format).append("</format>");
        }
        xml.append("</formats><fileSets><fileSet><directory>src/main/bin</directory><fileMode>0755</fileMode></fileSet></fileSets></assembly>");
        Path file = project.resolve("src/assembly/" + id + ".xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml);
        return file;
    }

    @Test
    void theAssemblyMakesItsZipAndTarGzAndTheJarPluginTheJar() throws IOException {
        descriptor("dist", "zip", "tar.gz");
        BuildPlan plan = plan(List.of(
                execution("maven-jar-plugin", "3.4.2", "jar", "default-jar", Map.of("outputDirectory", project.resolve("target").toString())),
                execution("maven-assembly-plugin", "3.7.1", "single", "dist", Map.of("descriptors", "src/assembly/dist.xml"))));
        assertEquals("maven-assembly-plugin 3.7.1, execution dist", plan.producerOf(project.resolve("target/demo-1.0-dist.zip")).describe());
        assertEquals("maven-assembly-plugin 3.7.1, execution dist", plan.producerOf(project.resolve("target/demo-1.0-dist.tar.gz")).describe());
        assertEquals("maven-jar-plugin 3.4.2, execution default-jar", plan.producerOf(project.resolve("target/demo-1.0.jar")).describe());
        assertEquals("unknown", plan.producerOf(project.resolve("target/demo-1.0-other.zip")).describe());
    }

    @Test
    void anAssemblyWithoutItsIdNamesTheFileAsTheMainArtifact() throws IOException {
        descriptor("bin", "zip");
        BuildPlan plan = plan(List.of(execution("maven-assembly-plugin", "3.7.1", "single", "make",
                Map.of("descriptors", project.resolve("src/assembly/bin.xml").toString(), "appendAssemblyId", "false",
                        "finalName", "app", "outputDirectory", "target/dist"))));
        assertEquals("maven-assembly-plugin 3.7.1, execution make", plan.producerOf(project.resolve("target/dist/app.zip")).describe());
        assertFalse(plan.producerOf(project.resolve("target/dist/app-bin.zip")).known());
    }

    @Test
    void builtInDescriptorsAndTheFormatsParameterNameTheFiles() {
        BuildPlan plan = plan(List.of(
                execution("maven-assembly-plugin", "3.7.1", "single", "fat", Map.of("descriptorRefs", "jar-with-dependencies")),
                execution("maven-assembly-plugin", "3.7.1", "single", "src", Map.of("descriptorRefs", "src", "formats", "zip"))));
        assertEquals("fat", plan.producerOf(project.resolve("target/demo-1.0-jar-with-dependencies.jar")).execution());
        assertEquals("src", plan.producerOf(project.resolve("target/demo-1.0-src.zip")).execution());
        assertFalse(plan.producerOf(project.resolve("target/demo-1.0-src.tar.gz")).known(), "the formats parameter overrides the descriptor's");
    }

    @Test
    void theLastExecutionThatWritesAFileIsItsProducer() {
        BuildPlan plan = plan(List.of(
                execution("maven-jar-plugin", "3.4.2", "jar", "default-jar", Map.of()),
                execution("maven-shade-plugin", "3.6.0", "shade", "shade", Map.of()),
                execution("maven-shade-plugin", "3.6.0", "shade", "attached", Map.of("shadedArtifactAttached", "true", "shadedClassifierName", "all"))));
        assertEquals("maven-shade-plugin 3.6.0, execution shade", plan.producerOf(project.resolve("target/demo-1.0.jar")).describe());
        assertEquals("attached", plan.producerOf(project.resolve("target/demo-1.0-all.jar")).execution());
    }

    @Test
    void sourcesJavadocTestJarsAndClassifiersFollowEachPluginsDefaults() {
        BuildPlan plan = plan(List.of(
                execution("maven-jar-plugin", "3.4.2", "test-jar", "tests", Map.of()),
                execution("maven-jar-plugin", "3.4.2", "jar", "client", Map.of("classifier", "client")),
                execution("maven-source-plugin", "3.3.1", "jar-no-fork", "attach-sources", Map.of()),
                execution("maven-javadoc-plugin", "3.11.2", "jar", "attach-javadocs", Map.of()),
                execution("maven-war-plugin", "3.4.0", "war", "default-war", Map.of())));
        assertEquals("tests", plan.producerOf(project.resolve("target/demo-1.0-tests.jar")).execution());
        assertEquals("client", plan.producerOf(project.resolve("target/demo-1.0-client.jar")).execution());
        assertEquals("attach-sources", plan.producerOf(project.resolve("target/demo-1.0-sources.jar")).execution());
        assertEquals("attach-javadocs", plan.producerOf(project.resolve("target/demo-1.0-javadoc.jar")).execution());
        assertEquals("default-war", plan.producerOf(project.resolve("target/demo-1.0.war")).execution());
    }

    @Test
    void aSkippedExecutionWritesNothing() {
        BuildPlan plan = plan(List.of(execution("maven-jar-plugin", "3.4.2", "jar", "default-jar", Map.of("skip", "true"))));
        assertFalse(plan.producerOf(project.resolve("target/demo-1.0.jar")).known());
    }

    @Test
    void otherPluginsAndAnUnknownPlanNameNoProducer() {
        BuildPlan plan = plan(List.of(new PlannedExecution("org.springframework.boot", "spring-boot-maven-plugin", "3.4.0", "repackage",
                "repackage", Map.of(), "<classifier>exec</classifier>")));
        assertEquals(Producer.UNKNOWN, plan.producerOf(project.resolve("target/demo-1.0-exec.jar")));
        assertEquals(Producer.UNKNOWN, BuildPlan.unknown("2026-01-01T00:00:00Z").producerOf(project.resolve("target/demo-1.0.jar")));
        assertEquals("the project's POM file (no plugin writes it)", plan.producerOf(project.resolve("pom.xml")).describe());
    }

    @Test
    void theExecutionsThatNameAGeneratedFileAreFound() {
        PlannedExecution antrun = new PlannedExecution("org.apache.maven.plugins", "maven-antrun-plugin", "3.1.0", "run", "launcher",
                Map.of(), "<configuration><target><echo file=\"/p/target/generated/bin/run.sh\" message=\"x\"/></target></configuration>");
        PlannedExecution other = new PlannedExecution("org.codehaus.mojo", "exec-maven-plugin", "3.5.0", "exec", "x", Map.of(),
                "<configuration><executable>rerun.sh</executable><arguments>run.sh.bak</arguments></configuration>");
        BuildPlan plan = plan(List.of(antrun, other));
        assertEquals(List.of(new BuildPlan.Generator(antrun, "its configuration names run.sh")), plan.generatorsOf("bin/run.sh", null));
        assertEquals(List.of(), plan.generatorsOf("bin/run.sh", antrun));
        assertEquals(List.of(), BuildPlan.unknown(null).generatorsOf("bin/run.sh", null));
    }

    @Test
    void anExecutionThatFiltersATemplateFolderHoldingTheFileIsItsGenerator() throws IOException {
        Files.createDirectories(project.resolve("src/main/scripts/bin"));
        Files.writeString(project.resolve("src/main/scripts/bin/run.sh"), "BUILT=${maven.build.timestamp}");
        Files.createDirectories(project.resolve("target/generated/bin"));
        Files.writeString(project.resolve("target/generated/bin/run.sh"), "BUILT=2026");
        PlannedExecution copy = new PlannedExecution("org.apache.maven.plugins", "maven-resources-plugin", "3.3.1", "copy-resources",
                "launcher", Map.of(), "<configuration><outputDirectory>" + project.resolve("target/generated") + "</outputDirectory>"
                + "<resources><resource><directory>src/main/scripts</directory><filtering>true</filtering></resource></resources></configuration>");
        PlannedExecution assembly = new PlannedExecution("org.apache.maven.plugins", "maven-assembly-plugin", "3.7.1", "single", "dist",
                Map.of(), "<configuration><fileSets><fileSet><directory>" + project.resolve("target/generated") + "</directory></fileSet>"
                + "</fileSets></configuration>");
        BuildPlan plan = plan(List.of(copy, assembly));
        assertEquals(List.of(new BuildPlan.Generator(copy, "its configuration reads src/main/scripts, which holds run.sh")),
                plan.generatorsOf("bin/run.sh", null), "an output folder of the build is no template");
        assertEquals(List.of(), plan.generatorsOf("bin/other.sh", null));
        // Entry names come from the archive: none reaches a file outside the folder the configuration names.
        Files.writeString(project.resolve("src/main/outside.sh"), "x");
        assertEquals(List.of(), plan.generatorsOf("../outside.sh", null));
        assertEquals(List.of(), plan.generatorsOf("/" + project.resolve("src/main/outside.sh"), null));
    }

    @Test
    void aDescriptorWithADoctypeIsNotRead() throws IOException {
        Path file = project.resolve("evil.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE assembly [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<assembly><id>&x;</id><formats><format>zip</format></formats></assembly>");
        assertNull(AssemblyDescriptor.read(file));
    }

    @Test
    void aDescriptorTellsWhichPartsSetNoModes() throws IOException {
        Path file = project.resolve("dist.xml");
        Files.writeString(file, "<assembly xmlns=\"http://maven.apache.org/ASSEMBLY/2.2.0\"><id>dist</id><formats><format>zip</format>"
                + "</formats><fileSets><fileSet><directory>target/generated/bin</directory><fileMode>0755</fileMode></fileSet>"
                + "<fileSet><directory>src/conf</directory><fileMode>0644</fileMode><directoryMode>0755</directoryMode></fileSet>"
                + "</fileSets><files><file><source>README</source></file></files></assembly>");
        AssemblyDescriptor descriptor = AssemblyDescriptor.read(file);
        assertEquals("dist", descriptor.id());
        assertEquals(List.of("zip"), descriptor.formats());
        assertEquals(List.of("<fileSet> target/generated/bin sets no <directoryMode>", "<file> README sets no <fileMode>"),
                descriptor.withoutModes());
    }

    @Test
    void versionsCompareByTheirNumbers() {
        assertTrue(Producer.compareVersions("3.10.0", "3.9.1") > 0);
        assertTrue(Producer.compareVersions("3.1.1", "3.2.0") < 0);
        assertEquals(0, Producer.compareVersions("3.2", "3.2.0"));
        assertTrue(Producer.compareVersions("3.2.0-beta-1", "3.2.0") < 0);
        assertTrue(Producer.execution("g", "maven-assembly-plugin", "3.1.1", "dist").predatesOutputTimestamp());
        assertFalse(Producer.execution("g", "maven-assembly-plugin", "3.2.0", "dist").predatesOutputTimestamp());
        assertFalse(Producer.execution("g", "maven-antrun-plugin", "1.3", "x").predatesOutputTimestamp());
    }
}
