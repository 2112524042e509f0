package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.secrets.KnownSecrets;

/** The rebuild-and-compare of verify-reproducible, with a stand-in rebuild that writes the outputs it is told to. */
class ReproducibilityRunTest {

    private static final Variations NONE = new Variations(false, false, false, false, false);

    @TempDir
    Path dir;

    private Path root;
    private Path work;
    private Path jar;
    private final List<String> progress = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** When "this build" started: after the fixture's files were written, unless a test makes them older. */
    private final java.time.Instant started = java.time.Instant.now().plusSeconds(60);
    private final List<Rebuild.Request> rebuilds = new ArrayList<>();

    @BeforeEach
    void project() throws IOException {
        root = Files.createDirectories(dir.resolve("project"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        jar = Files.writeString(Files.createDirectories(root.resolve("target")).resolve("demo-1.0.jar"), "the jar");
        work = root.resolve("target/secure-build/reproducible");
    }

    /** A rebuild that writes {@code content} as its jar, and succeeds. */
    private ReproducibilityRun.Rebuilder rebuildWriting(String content) {
        return request -> {
            rebuilds.add(request);
            Files.writeString(Files.createDirectories(request.directory().resolve("target")).resolve("demo-1.0.jar"), content);
            return new Rebuild.Result(0, false, request.log(), List.of(), Duration.ofSeconds(2));
        };
    }

    private ReproducibilityRun.Request request(List<Ignore> ignores, Path... outputs) {
        List<ReactorModule.Output> files = new ArrayList<>();
        for (Path output : outputs) {
            files.add(new ReactorModule.Output(output, output.getFileName().toString(), "jar", null, "maven-jar-plugin 3.4.2"));
        }
        return request(ignores, new ReactorModule("g:demo:jar:1.0", new FilteredSources(List.of(), root), files));
    }

    private ReproducibilityRun.Request request(List<Ignore> ignores, ReactorModule module) {
        return new ReproducibilityRun.Request(root, work, List.of(module), ignores, NONE,
                new RebuildInvocation(dir.resolve("maven"), dir.resolve("jdk")).timeout(Duration.ofMinutes(7)), ArchiveLimits.DEFAULT,
                "demo-1.0", "1.0", new BuildPlatform("17.0.9", "Vendor", "17", "Linux", "\n"), KnownSecrets.NONE,
                new StaleOutputs.Scope(java.time.Instant.EPOCH, List.of(root.resolve("target"))));
    }

    @Test
    void theSameBytesFromTheRebuildAreReproducible() throws IOException {
        ReproducibilityResult result = new ReproducibilityRun(rebuildWriting("the jar"), progress::add, warnings::add).run(request(List.of(), jar));

        assertFalse(result.rebuildFailed());
        assertFalse(result.differs());
        assertEquals("1 output(s): 1 OK, 0 DIFFERENT, 0 MISSING", result.report().summaryLine());
        assertEquals("verify-reproducible", result.report().goal());
        assertEquals("this build (" + root + ")", result.report().left());
        assertEquals("the rebuild (" + work.resolve("rebuild") + ")", result.report().right());
        for (String report : List.of("report.txt", "report.json", "report.html")) {
            assertTrue(Files.isRegularFile(work.resolve(report)), report);
        }
        assertEquals(work.resolve("report.txt"), result.reportText());
        assertEquals(work.resolve("report.json"), result.reportJson());
        String buildCompare = Files.readString(work.resolve("demo-1.0.buildcompare"));
        assertTrue(buildCompare.contains("ok=1\n") && buildCompare.contains("reference_java_version=\"17.0.9\"\n")
                && buildCompare.contains("reference_os_name=\"Linux\"\n"), buildCompare);
    }

    @Test
    void theRebuildRunsInTheCopyOfTheSourcesWithTheInvocationsOptions() throws IOException {
        new ReproducibilityRun(rebuildWriting("the jar"), progress::add, warnings::add).run(request(List.of(), jar));

        Rebuild.Request rebuild = rebuilds.get(0);
        assertEquals(work.resolve("rebuild"), rebuild.directory());
        assertEquals(work.resolve("rebuild.log"), rebuild.log());
        assertEquals(List.of("-o", "-DskipTests"), rebuild.options());
        assertEquals(Duration.ofMinutes(7), rebuild.timeout());
        assertTrue(Files.isRegularFile(work.resolve("rebuild/pom.xml")));
        assertEquals(List.of("Copied 1 source file(s) to " + work.resolve("rebuild") + ": the project folder without build outputs "
                        + "(not a git work tree)", "Rebuilding with package, offline, differently: another absolute path",
                "The rebuild took 2 s; comparing the outputs"), progress);
    }

    @Test
    void aFileMavenDeletesIsComparedWithTheRebuildsKeptCopy() throws IOException {
        // Maven 4's consumer POM: a temporary file in this build, the rebuild's kept in its project local repository.
        Path consumer = Files.writeString(root.resolve("target/consumer-123.pom"), "<project>consumer</project>");
        Path kept = root.resolve("target/project-local-repo/g/demo/1.0/demo-1.0-consumer.pom");
        ReactorModule module = new ReactorModule("g:demo:jar:1.0", new FilteredSources(List.of(), root),
                List.of(new ReactorModule.Output(consumer, "demo-1.0.pom", "pom", null, "Maven 4", kept)));
        ReproducibilityRun.Request request = request(List.of(), module);
        ReproducibilityRun.Rebuilder keeping = rebuild -> {
            Path copy = rebuild.directory().resolve("target/project-local-repo/g/demo/1.0/demo-1.0-consumer.pom");
            Files.writeString(Files.createDirectories(copy.getParent()).resolve(copy.getFileName()), "<project>consumer</project>");
            Files.writeString(rebuild.directory().resolve("target/consumer-987.pom"), "");   // the rebuild's own, another name
            return new Rebuild.Result(0, false, rebuild.log(), List.of(), Duration.ofSeconds(2));
        };

        ReproducibilityResult same = new ReproducibilityRun(keeping, progress::add, warnings::add).run(request);

        assertEquals("1 output(s): 1 OK, 0 DIFFERENT, 0 MISSING", same.report().summaryLine());
        assertEquals("demo-1.0.pom", same.report().artifacts().get(0).name());

        Files.writeString(consumer, "<project>another consumer</project>");
        ReproducibilityResult other = new ReproducibilityRun(keeping, progress::add, warnings::add).run(request);

        assertEquals(ArtifactComparison.Status.DIFFERENT, other.report().artifacts().get(0).status());
    }

    @Test
    void otherBytesFromTheRebuildAreADifference() throws IOException {
        ReproducibilityResult result = new ReproducibilityRun(rebuildWriting("another jar"), progress::add, warnings::add).run(request(List.of(), jar));

        assertTrue(result.differs());
        ArtifactComparison comparison = result.report().artifacts().get(0);
        assertEquals(ArtifactComparison.Status.DIFFERENT, comparison.status());
        assertEquals("maven-jar-plugin 3.4.2", comparison.differences().get(0).explanation().producedBy());
    }

    @Test
    void anIgnoredOutputMayDifferWithItsReason() throws IOException {
        ReproducibilityResult result = new ReproducibilityRun(rebuildWriting("another jar"), progress::add, warnings::add)
                .run(request(List.of(new Ignore("*.jar", "the jar records the build time")), jar));

        assertFalse(result.differs());
        assertEquals(ArtifactComparison.Status.IGNORED, result.report().artifacts().get(0).status());
        assertEquals("the jar records the build time", result.report().artifacts().get(0).ignoredBecause());
    }

    @Test
    void anOutputOutsideTheProjectHasNoRebuiltCounterpart() throws IOException {
        Path outside = Files.writeString(dir.resolve("elsewhere.jar"), "the jar");
        ReproducibilityResult result = new ReproducibilityRun(rebuildWriting("the jar"), progress::add, warnings::add).run(request(List.of(), outside));

        assertEquals(ArtifactComparison.Status.MISSING, result.report().artifacts().get(0).status());
        assertTrue(result.differs());
    }

    @Test
    void anOutputReachedThroughALinkInTheRebuildIsNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("demo-1.0.jar"), "the jar");
        ReproducibilityRun.Rebuilder linking = request -> {
            Files.createSymbolicLink(request.directory().resolve("target"), elsewhere);
            return new Rebuild.Result(0, false, request.log(), List.of(), Duration.ofSeconds(1));
        };
        ReproducibilityResult result = new ReproducibilityRun(linking, progress::add, warnings::add).run(request(List.of(), jar));

        assertEquals(ArtifactComparison.Status.MISSING, result.report().artifacts().get(0).status());
    }

    @Test
    void aFailedRebuildEndsTheRunWithItsExitCodeAndLastLines() throws IOException {
        ReproducibilityRun.Rebuilder failing = request -> new Rebuild.Result(1, false, request.log(),
                List.of("[ERROR] compilation failed", "[ERROR] \u001b[1mbold\u001b[m"), Duration.ofSeconds(3));
        ReproducibilityResult result = new ReproducibilityRun(failing, progress::add, warnings::add).run(request(List.of(), jar));

        assertTrue(result.rebuildFailed());
        assertNull(result.report());
        assertFalse(result.differs());
        assertEquals("failed with exit code 1", result.rebuildOutcome());
        assertEquals("The rebuild failed with exit code 1. Its last lines:\n  [ERROR] compilation failed\n  [ERROR] \\u001b[1mbold\\u001b[m"
                + "\nThe whole log: " + work.resolve("rebuild.log"), result.rebuildFailure());
        assertFalse(Files.exists(work.resolve("report.json")));
        assertEquals(2, progress.size(), "no comparison after a failed rebuild: " + progress);
    }

    @Test
    void aRebuildThatTimedOutSaysHowLongItMayTake() throws IOException {
        ReproducibilityRun.Rebuilder hung = request -> new Rebuild.Result(-1, true, request.log(), List.of(), Duration.ofMinutes(7));
        ReproducibilityResult result = new ReproducibilityRun(hung, progress::add, warnings::add).run(request(List.of(), jar));

        assertEquals("timed out", result.rebuildOutcome());
        assertTrue(result.rebuildFailure().startsWith("The rebuild took longer than 7 minutes. Its last lines:\n  \nThe whole log: "),
                result.rebuildFailure());
    }

    @Test
    void theTimingComparesTheRunWithTheRebuild() {
        ReproducibilityResult result = ReproducibilityResult.compared(new Rebuild.Result(0, false, work, List.of(), Duration.ofSeconds(10)),
                new ComparisonReport("verify-reproducible", java.time.Instant.now(), "a", "b", List.of()), work, Duration.ofSeconds(25),
                StaleOutputs.NONE);

        assertEquals("verify-reproducible took 25.0 s, of which the rebuild 10.0 s (2.50 times the rebuild)", result.timing());
    }

    @Test
    void aSecretInAnOutputsNameIsRedactedFromTheBuildCompare() throws IOException {
        ReproducibilityRun.Request request = request(List.of(), jar);
        ReproducibilityRun.Request withSecret = new ReproducibilityRun.Request(request.root(), request.work(), request.modules(),
                request.ignores(), request.variations(), request.invocation(), request.limits(), request.buildName(), "s3cr3t-version",
                request.platform(), new KnownSecrets(Set.of("s3cr3t-version")), request.clean());
        new ReproducibilityRun(rebuildWriting("the jar"), progress::add, warnings::add).run(withSecret);

        assertFalse(Files.readString(work.resolve("demo-1.0.buildcompare")).contains("s3cr3t-version"));
    }
    @Test
    void aBuildThatDidNotStartCleanIsWarnedAboutAndNotedInTheReportAndTheFailure() throws IOException {
        Files.writeString(Files.createDirectories(root.resolve("target/classes/demo")).resolve("Gone.class"), "left by an earlier build");
        ReproducibilityRun.Request request = request(List.of(), jar);
        ReproducibilityRun.Request later = new ReproducibilityRun.Request(request.root(), request.work(), request.modules(),
                request.ignores(), request.variations(), request.invocation(), request.limits(), request.buildName(), request.version(),
                request.platform(), request.secrets(), new StaleOutputs.Scope(started, List.of(root.resolve("target"))));
        ReproducibilityResult result = new ReproducibilityRun(rebuildWriting("another jar"), progress::add, warnings::add).run(later);

        assertEquals(List.of("This build did not start from a clean target/: 2 file(s) in the build folders are older than this build, "
                + "such as target/classes/demo/Gone.class. Outputs left by an earlier build make differences whose cause is then guessed "
                + "wrong: run mvn clean verify"), warnings);
        assertEquals(2, result.stale().files());
        assertEquals(1, result.report().notes().size());
        assertTrue(result.report().notes().get(0).startsWith("This build did not start from a clean target/: 2 file(s)"),
                result.report().notes().get(0));
        assertTrue(Files.readString(work.resolve("report.json")).contains("did not start from a clean target/"));
        assertTrue(Files.readString(work.resolve("report.txt")).contains("did not start from a clean target/"));
        assertTrue(result.failure(true).contains(". It did not start from a clean target/ (2 older file(s)): run mvn clean verify first"),
                result.failure(true));
        assertEquals(dev.securebuild.shared.results.GoalResult.Verdict.WARN, result.verdict(false));
        assertEquals(null, result.failure(false));
    }

    @Test
    void aCleanBuildIsNotWarnedAbout() throws IOException {
        ReproducibilityResult result = new ReproducibilityRun(rebuildWriting("the jar"), progress::add, warnings::add)
                .run(request(List.of(), jar));

        assertEquals(List.of(), warnings);
        assertEquals(List.of(), result.report().notes());
        assertFalse(result.stale().found());
        assertEquals(dev.securebuild.shared.results.GoalResult.Verdict.PASS, result.verdict(true));
        assertEquals(null, result.failure(true));
        assertEquals("Reproducible: 1 output(s): 1 OK, 0 DIFFERENT, 0 MISSING", result.summary());
    }

    @Test
    void theRebuildReadsThisBuildsUserPropertiesFromAFileThatIsGoneAfterwards() throws IOException {
        List<String> seen = new ArrayList<>();
        ReproducibilityRun.Rebuilder rebuilder = request -> {
            seen.addAll(Files.readAllLines(request.directory().resolve(".mvn/maven.config")));
            return rebuildWriting("the jar").run(request);
        };
        ReproducibilityRun.Request request = request(List.of(), jar);
        request.invocation().properties(RebuildProperties.of(java.util.Map.of("rat.skip", "true", "token", "s3cr3t"), Set.of(),
                RebuildProperties.ConfigSyntax.ONE_PER_LINE));

        ReproducibilityResult result = new ReproducibilityRun(rebuilder, progress::add, warnings::add).run(request);

        assertFalse(result.differs());
        assertEquals(List.of("-Drat.skip=true", "-Dtoken=s3cr3t"), seen);
        assertFalse(rebuilds.get(0).options().stream().anyMatch(o -> o.contains("s3cr3t") || o.contains("rat.skip")), "never on the command line");
        assertFalse(Files.exists(work.resolve("rebuild/.mvn/maven.config")));
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("The rebuild gets this build's user properties rat.skip, token (")), progress.toString());
        assertFalse(String.join("\n", progress).contains("s3cr3t"));
    }

    @Test
    void aRebuildThatLacksAnArtifactSaysWhichAndHowToFixIt() throws IOException {
        ReproducibilityRun.Rebuilder rebuilder = request -> {
            Files.createDirectories(request.log().getParent());
            Files.writeString(request.log(), "[ERROR] Failed to execute goal ...: Cannot access central (https://repo.maven.apache.org/maven2) "
                    + "in offline mode and the artifact org.apache.maven.surefire:surefire-junit4:jar:3.5.2 has not been downloaded from it before.\n");
            return new Rebuild.Result(1, false, request.log(), List.of("[ERROR] BUILD FAILURE"), Duration.ofSeconds(2));
        };

        ReproducibilityResult result = new ReproducibilityRun(rebuilder, progress::add, warnings::add).run(request(List.of(), jar));

        assertTrue(result.rebuildFailure().startsWith("The rebuild failed with exit code 1. The rebuild could not get "
                + "org.apache.maven.surefire:surefire-junit4:jar:3.5.2. It ran offline"), result.rebuildFailure());
    }
}
