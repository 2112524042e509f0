package dev.securebuild.shared.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnePassReaderTest {

    @TempDir
    Path folder;

    @Test
    void everyDigestSeesTheWholeFileInOneRead() throws Exception {
        byte[] content = new byte[1_000_003]; // more than a few buffers, not a multiple of the buffer size
        new Random(42).nextBytes(content);
        Path file = Files.write(folder.resolve("a.bin"), content);

        FileDigest digest = OnePassReader.read(file, EnumSet.allOf(DigestAlgorithm.class));

        assertEquals(content.length, digest.size());
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.jcaName()).digest(content));
            assertEquals(expected, digest.hex(algorithm), algorithm.name());
        }
    }

    @Test
    void theDigestsAreHandedOutUnfinishedSoASignatureCanContinueOne() throws Exception {
        Path file = Files.writeString(folder.resolve("a.txt"), "document");
        OnePassReader.Read read = OnePassReader.readDigests(file, EnumSet.of(DigestAlgorithm.SHA512));
        MessageDigest continued = (MessageDigest) read.digest(DigestAlgorithm.SHA512).clone();
        continued.update("trailer".getBytes());
        assertArrayEquals(MessageDigest.getInstance("SHA-512").digest("documenttrailer".getBytes()), continued.digest());
        // finish() works on copies: it can be asked twice and leaves the state as it was.
        String hex = read.finish(EnumSet.of(DigestAlgorithm.SHA512)).hex(DigestAlgorithm.SHA512);
        assertEquals(hex, read.finish(EnumSet.of(DigestAlgorithm.SHA512)).hex(DigestAlgorithm.SHA512));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest("document".getBytes())), hex);
    }

    @Test
    void knownDigestsOfAnEmptyFile() throws Exception {
        Path file = Files.write(folder.resolve("empty"), new byte[0]);
        FileDigest digest = OnePassReader.read(file, EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.MD5));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", digest.hex(DigestAlgorithm.SHA256));
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", digest.hex(DigestAlgorithm.MD5));
        assertThrows(IllegalArgumentException.class, () -> digest.hex(DigestAlgorithm.SHA512));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = folder.resolve("missing.jar");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> OnePassReader.read(missing, EnumSet.of(DigestAlgorithm.SHA256)));
        assertEquals(missing.toString(), e.getFile());
    }

    @Test
    void aFolderIsNotAFile() {
        IOException e = assertThrows(IOException.class, () -> OnePassReader.read(folder, EnumSet.of(DigestAlgorithm.SHA256)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aFileThatGrowsWhileItIsReadIsRefused() throws Exception {
        Path file = Files.write(folder.resolve("growing.log"), new byte[600_000]);
        java.util.concurrent.atomic.AtomicBoolean appended = new java.util.concurrent.atomic.AtomicBoolean();
        FileChangedException e = assertThrows(FileChangedException.class, () -> OnePassReader.readDigests(file, EnumSet.of(DigestAlgorithm.SHA256),
                () -> {
                    try {
                        if (appended.compareAndSet(false, true)) {
                            Files.write(file, new byte[10], java.nio.file.StandardOpenOption.APPEND);
                        }
                    } catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                }));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("changed while it was being read"), e.getMessage());
    }

    @Test
    void algorithmNamesInEveryCommonSpelling() {
        assertEquals(DigestAlgorithm.SHA256, DigestAlgorithm.parse("SHA-256"));
        assertEquals(DigestAlgorithm.SHA256, DigestAlgorithm.parse(" sha256 "));
        assertEquals(DigestAlgorithm.SHA1, DigestAlgorithm.parse("sha-1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DigestAlgorithm.parse("SHA3-256"));
        assertTrue(e.getMessage().contains("SHA3-256"));
    }
}
