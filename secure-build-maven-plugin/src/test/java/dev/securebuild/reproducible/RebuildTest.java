package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rebuild's process, with a stand-in "mvn" that records what it was given. */
class RebuildTest {

    @TempDir
    Path dir;

    private Path fakeMaven(String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("maven/bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve("maven");
    }

    private Rebuild.Request request(Path mavenHome, Variations.Applied variations, Duration timeout) throws IOException {
        Path work = Files.createDirectories(dir.resolve("copy"));
        return new Rebuild.Request(mavenHome, Path.of(System.getProperty("java.home")), work, List.of("-o", "-Dmaven.repo.local=/r"),
                List.of("package"), variations, dir.resolve("out/rebuild.log"), timeout);
    }

    @Test
    void theRebuildGetsTheVariedEnvironment() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        Path home = fakeMaven("echo \"args=$*\"\necho \"umask=$(umask)\"\necho \"TZ=$TZ\"\necho \"LANG=$LANG\"\n"
                + "echo \"SDE=${SOURCE_DATE_EPOCH:-unset}\"\necho \"MAVEN_OPTS=$MAVEN_OPTS\"\necho \"JAVA_HOME=$JAVA_HOME\"\necho \"pwd=$(pwd)\"\n");
        Variations.Applied applied = Variations.ALL.apply(ZoneId.of("UTC"), Locale.ENGLISH, "0022");
        Rebuild.Result result = Rebuild.run(request(home, applied, Duration.ofSeconds(30)));
        assertTrue(result.succeeded());
        String log = Files.readString(result.log());
        assertTrue(log.contains("args=-B -Dsecure-build.rebuild=true -o -Dmaven.repo.local=/r package\n"), log);
        assertTrue(log.contains("umask=0002\n"), log);
        assertTrue(log.contains("TZ=Pacific/Kiritimati\n"), log);
        assertTrue(log.contains("LANG=tr_TR.UTF-8\n"), log);
        assertTrue(log.contains("SDE=unset\n"), log);
        assertTrue(log.contains("-Duser.timezone=Pacific/Kiritimati -Duser.language=tr -Duser.country=TR -Duser.name=secure-build-rebuild"), log);
        assertTrue(log.contains("JAVA_HOME=" + System.getProperty("java.home") + "\n"), log);
        assertTrue(log.contains("pwd=" + dir.resolve("copy").toRealPath() + "\n"), log);
    }

    @Test
    void aFailedRebuildGivesItsExitCodeAndTail() throws IOException {
        Path home = fakeMaven("i=0\nwhile [ $i -lt 100 ]; do echo \"line $i\"; i=$((i+1)); done\necho '[ERROR] compilation failed'\nexit 3\n");
        Rebuild.Result result = Rebuild.run(request(home, new Variations(false, false, false, false, false).apply(ZoneId.of("UTC"), Locale.ENGLISH, null),
                Duration.ofSeconds(30)));
        assertFalse(result.succeeded());
        assertEquals(3, result.exitCode());
        assertEquals(40, result.tail().size());
        assertEquals("[ERROR] compilation failed", result.tail().get(39));
    }

    @Test
    void aHungRebuildIsStoppedAtItsTimeout() throws IOException {
        Path home = fakeMaven("sleep 30\n");
        Rebuild.Result result = Rebuild.run(request(home, new Variations(false, false, false, false, false).apply(ZoneId.of("UTC"), Locale.ENGLISH, null),
                Duration.ofMillis(500)));
        assertTrue(result.timedOut());
        assertFalse(result.succeeded());
    }

    @Test
    void variationsAreChosenAgainstThisBuild() {
        Variations.Applied fromTurkey = Variations.ALL.apply(ZoneId.of("Pacific/Kiritimati"), new Locale("tr", "TR"), "0002");
        assertEquals("Pacific/Honolulu", fromTurkey.environment().get("TZ"));
        assertEquals("de_DE.UTF-8", fromTurkey.environment().get("LANG"));
        assertEquals("0022", fromTurkey.umask());
        assertEquals(List.of("SOURCE_DATE_EPOCH"), fromTurkey.unsetEnvironment());
        Variations.Applied none = new Variations(false, false, false, false, false).apply(ZoneId.of("UTC"), Locale.ENGLISH, "0022");
        assertTrue(none.environment().isEmpty() && none.jvmOptions().isEmpty() && none.umask() == null && none.unsetEnvironment().isEmpty());
        assertEquals(List.of("another absolute path"), none.description());
    }
}
