package dev.securebuild.shared.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheWholeFileSoNoStaleBytesRemain() throws Exception {
        Path target = folder.resolve("sub/x.sha256");
        AtomicFiles.writeString(target, "a much longer first content");
        AtomicFiles.writeString(target, "short");
        assertEquals("short", Files.readString(target));
        assertEquals(1, count(target.getParent()));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = folder.resolve("x.asc");
        AtomicFiles.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(1, count(folder));
    }

    @Test
    void outputsGetTheUmaskPermissionsAndSecretsOnlyTheOwners() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.createFile(folder.resolve("made-by-anyone"));
        Path output = folder.resolve("x.sha256");
        AtomicFiles.writeString(output, "abc");
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(output));

        Path secret = folder.resolve("secret-key.asc");
        AtomicFiles.writePrivate(secret, "key".getBytes());
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
