package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rebuild's Maven is told: what it shares with this build, and nothing else. */
class RebuildInvocationTest {

    @TempDir
    Path dir;

    @Test
    void theRebuildIsOfflineAndSharesTheLocalRepositorySettingsProfilesAndThreads() throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.xml"), "<settings/>");
        Path global = Files.writeString(dir.resolve("global.xml"), "<settings/>");
        RebuildInvocation invocation = new RebuildInvocation(dir.resolve("maven"), dir.resolve("jdk"))
                .localRepository(dir.resolve("repo"))
                .settings(settings, global)
                .profiles(List.of("release", "sign"), List.of("dev"))
                .threads(4)
                .pomFileName("build.xml")
                .arguments(List.of("-DskipTests"));

        assertEquals(List.of("-o", "-Dmaven.repo.local=" + dir.resolve("repo"), "-s", settings.toString(), "-gs", global.toString(),
                "-Prelease,sign", "-P!dev", "-T4", "-f", "build.xml", "-DskipTests", "-DskipTests"), invocation.options());
    }

    @Test
    void whatThisBuildDoesNotHaveIsLeftOut() {
        RebuildInvocation invocation = new RebuildInvocation(dir.resolve("maven"), dir.resolve("jdk"))
                .settings(dir.resolve("no-such-settings.xml"), null)
                .profiles(List.of(), List.of())
                .threads(1)
                .pomFileName("pom.xml")
                .arguments(null);

        assertEquals(List.of("-o", "-DskipTests"), invocation.options());
    }

    @Test
    void anOnlineRebuildThatRunsTheTestsHasNeitherOption() {
        RebuildInvocation invocation = new RebuildInvocation(dir.resolve("maven"), dir.resolve("jdk")).offline(false).runTests(true);

        assertEquals(List.of(), invocation.options());
    }

    @Test
    void theUsersArgumentsComeAfterSkipTestsSoTheirsWins() {
        RebuildInvocation invocation = new RebuildInvocation(dir.resolve("maven"), dir.resolve("jdk"))
                .arguments(List.of("-DskipTests=false"));

        assertEquals(List.of("-o", "-DskipTests", "-DskipTests=false"), invocation.options());
    }

    @Test
    void theRequestRunsTheGoalsInTheCopyWithinTheTimeout() {
        Variations.Applied variations = Variations.ALL.apply(ZoneId.of("UTC"), Locale.ENGLISH, "0022");
        Rebuild.Request request = new RebuildInvocation(dir.resolve("maven"), dir.resolve("jdk"))
                .goals(List.of("clean", "package"))
                .timeout(Duration.ofMinutes(5))
                .request(dir.resolve("copy"), variations, dir.resolve("rebuild.log"));

        assertEquals(dir.resolve("maven"), request.mavenHome());
        assertEquals(dir.resolve("jdk"), request.javaHome());
        assertEquals(dir.resolve("copy"), request.directory());
        assertEquals(List.of("clean", "package"), request.goals());
        assertEquals(List.of("-o", "-DskipTests"), request.options());
        assertEquals(Duration.ofMinutes(5), request.timeout());
        assertEquals(variations, request.variations());
        assertEquals(dir.resolve("rebuild.log"), request.log());
    }

    @Test
    void byDefaultTheRebuildPackagesWithinAnHour() {
        RebuildInvocation invocation = new RebuildInvocation(dir.resolve("maven"), dir.resolve("jdk"));
        assertEquals(List.of("package"), invocation.goals());
        assertEquals(Duration.ofMinutes(60), invocation.timeout());
    }
}
