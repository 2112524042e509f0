package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;

/** compare's run against a folder of reference files: what it finds, notes and writes. */
class ReferenceComparisonTest {

    private static final BuildPlatform PLATFORM = new BuildPlatform("17.0.9", "Vendor", "17", "Linux", "\n");

    @TempDir
    Path dir;

    private Path build;
    private Path reference;
    private Path work;

    @BeforeEach
    void folders() throws IOException {
        build = Files.createDirectories(dir.resolve("build"));
        reference = Files.createDirectories(dir.resolve("reference"));
        work = dir.resolve("work");
    }

    private static byte[] jar(String jdk) throws IOException {
        return TestArchives.zip(List.of(TestArchives.entry("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuild-Jdk-Spec: " + jdk + "\n"),
                TestArchives.entry("demo/App.txt", "hello")));
    }

    private ReactorModule.Output output(String name, String extension, String classifier) {
        return new ReactorModule.Output(build.resolve(name), name, extension, classifier, "maven-jar-plugin 3.4.2");
    }

    private ReferenceComparison.Request request(ReferenceResolver.Settings settings, ReactorModule.Output... outputs) {
        ReactorModule module = new ReactorModule("g:demo:jar:1.0", new FilteredSources(List.of(), build),
                List.of(outputs));
        return new ReferenceComparison.Request(work, List.of(module), settings, ArchiveLimits.DEFAULT, "demo-1.0", "1.0", PLATFORM,
                KnownSecrets.NONE);
    }

    private ReferenceResolver.Settings folder() {
        return new ReferenceResolver.Settings(reference, null, "central", true);
    }

    @Test
    void eachOutputIsComparedWithTheReferenceFileOfItsName() throws Exception {
        Files.writeString(build.resolve("demo-1.0.pom"), "<project/>");
        Files.writeString(reference.resolve("demo-1.0.pom"), "<project/>");
        Files.write(build.resolve("demo-1.0.jar"), jar("17"));
        Files.write(reference.resolve("demo-1.0.jar"), jar("11"));

        ReferenceComparison.Result result = new ReferenceComparison(null).run(request(folder(),
                output("demo-1.0.pom", "pom", null), output("demo-1.0.jar", "jar", null)));

        assertTrue(result.differs());
        assertEquals("the folder " + reference, result.reference());
        assertEquals("2 output(s): 1 OK, 1 DIFFERENT, 0 MISSING", result.report().summaryLine());
        assertEquals("compare", result.report().goal());
        assertEquals("the folder " + reference, result.report().left());
        assertEquals("this build", result.report().right());
        ArtifactComparison jar = result.report().artifacts().get(1);
        assertEquals("maven-jar-plugin 3.4.2", jar.differences().get(0).explanation().producedBy());
        assertEquals(List.of("demo-1.0.jar: the reference was built with JDK 11 (manifest Build-Jdk-Spec), this build runs JDK 17: "
                + "build with JDK 11 to reproduce it"), result.report().notes());
        assertEquals(work.resolve("report.txt"), result.reportText());
        assertEquals(work.resolve("report.json"), result.reportJson());
        String buildCompare = Files.readString(work.resolve("demo-1.0.buildcompare"));
        assertTrue(buildCompare.contains("ok=1\nko=1\n") && !buildCompare.contains("reference_java_version"), buildCompare);
    }

    @Test
    void onlyTheMainJarTellsHowTheReferenceWasBuilt() throws Exception {
        Files.write(build.resolve("demo-1.0-sources.jar"), jar("17"));
        Files.write(reference.resolve("demo-1.0-sources.jar"), jar("11"));

        ReferenceComparison.Result result = new ReferenceComparison(null).run(request(folder(),
                output("demo-1.0-sources.jar", "jar", "sources")));

        assertTrue(result.report().notes().isEmpty(), result.report().notes().toString());
    }

    @Test
    void theSameFilesAreNoDifference() throws Exception {
        Files.write(build.resolve("demo-1.0.jar"), jar("17"));
        Files.write(reference.resolve("demo-1.0.jar"), jar("17"));

        ReferenceComparison.Result result = new ReferenceComparison(null).run(request(folder(), output("demo-1.0.jar", "jar", null)));

        assertFalse(result.differs());
        assertTrue(Files.isRegularFile(work.resolve("report.html")));
    }

    @Test
    void aMainJarTheFolderDoesNotHaveIsMissing() throws Exception {
        Files.write(build.resolve("demo-1.0.jar"), jar("17"));

        ReferenceComparison.Result result = new ReferenceComparison(null).run(request(folder(), output("demo-1.0.jar", "jar", null)));

        assertEquals(ArtifactComparison.Status.MISSING, result.report().artifacts().get(0).status());
        assertTrue(result.report().notes().isEmpty(), result.report().notes().toString());
    }

    @Test
    void aReferenceJarThatIsALinkIsNotRead() throws Exception {
        Files.write(build.resolve("demo-1.0.jar"), jar("17"));
        Path elsewhere = Files.write(dir.resolve("elsewhere.jar"), jar("11"));
        Files.createSymbolicLink(reference.resolve("demo-1.0.jar"), elsewhere);

        ReferenceComparison.Result result = new ReferenceComparison(null).run(request(folder(), output("demo-1.0.jar", "jar", null)));

        assertTrue(result.differs());
        assertTrue(result.report().notes().isEmpty(), "nothing read through the link: " + result.report().notes());
    }

    @Test
    void anOutputTheRepositoryDoesNotHaveIsMissing() throws Exception {
        Files.write(build.resolve("demo-1.0.jar"), jar("17"));
        RemoteReferences unpublished = (module, output, repositoryId, cache) -> null;

        ReferenceComparison.Result result = new ReferenceComparison(unpublished).run(request(
                new ReferenceResolver.Settings(null, null, "central", false), output("demo-1.0.jar", "jar", null)));

        assertEquals("repository central", result.reference());
        assertEquals(ArtifactComparison.Status.MISSING, result.report().artifacts().get(0).status());
    }

    @Test
    void aSettingErrorComesBeforeAnyReport() {
        assertThrows(InvalidSettingException.class, () -> new ReferenceComparison(null).run(request(
                new ReferenceResolver.Settings(null, null, "central", true), output("demo-1.0.jar", "jar", null))));
        assertFalse(Files.exists(work.resolve("report.json")));
    }
}
