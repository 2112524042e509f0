package dev.securebuild.lock.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.lock.InvalidLockException;
import dev.securebuild.lock.LockFile;
import dev.securebuild.lock.LockFiles;

class LockReadingTest {

    @TempDir
    Path dir;

    private final SessionData build = new DefaultSessionData();

    @Test
    void readOnceForTheBuildAndFirstToldToTheModuleThatStartedIt() throws IOException {
        Path file = dir.resolve(LockFile.FILE);
        LockFile written = new LockFile(List.of(), List.of());
        LockFiles.write(written, file);

        LockReading first = LockReading.of(build, file);
        LockReading second = LockReading.of(build, file);
        List<LockFile> seen = new ArrayList<>();
        first.whenRead(seen::add);

        assertTrue(first.startedHere());
        assertFalse(second.startedHere());
        assertEquals(written, first.get());
        assertSame(first.get(), second.get(), "one reading for the build");
        assertEquals(List.of(first.get()), seen);
        assertTrue(LockReading.of(new DefaultSessionData(), file).startedHere(), "another build reads it again");
    }

    @Test
    void aLockThatCannotBeReadFailsEveryModuleWithTheSamePositionedError() throws IOException {
        Path file = dir.resolve(LockFile.FILE);
        Files.writeString(file, "{\n  \"format\": \"secure-build-lock/2\",\n  \"artifacts\": {,\n}\n");

        LockReading first = LockReading.of(build, file);
        List<LockFile> seen = new ArrayList<>();
        first.whenRead(seen::add);

        InvalidLockException failed = assertThrows(InvalidLockException.class, first::get);
        assertTrue(failed.getMessage().startsWith(file + " at line 3, column 17: not valid JSON"), failed.getMessage());
        assertSame(failed, assertThrows(InvalidLockException.class, LockReading.of(build, file)::get));
        assertEquals(List.of(), seen, "nothing is done with a lock not read");
    }
}
