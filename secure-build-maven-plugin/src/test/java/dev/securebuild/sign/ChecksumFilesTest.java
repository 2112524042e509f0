package dev.securebuild.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.digest.DigestAlgorithm;

class ChecksumFilesTest {

    private static final String SHA256_A = "a".repeat(64);
    private static final String SHA256_B = "B".repeat(64);

    @TempDir
    Path folder;

    @Test
    void summariesInGnuTextAndBinaryModeAndBsdForm() throws Exception {
        Path summary = Files.writeString(folder.resolve("SHA256SUMS"),
                SHA256_A + "  a.jar\n" + SHA256_B + " *b file.zip\n# comment\n\nSHA256 (c.pom) = " + SHA256_A + "\n");
        Map<String, String> digests = ChecksumFiles.readSummary(summary, DigestAlgorithm.SHA256);
        assertEquals(Map.of("a.jar", SHA256_A, "b file.zip", SHA256_B.toLowerCase(), "c.pom", SHA256_A), digests);
    }

    @Test
    void aLineOfAnotherAlgorithmOrLengthIsAnErrorWithItsPosition() throws Exception {
        Path wrongTag = Files.writeString(folder.resolve("SHA256SUMS"), "SHA512 (a.jar) = " + SHA256_A + "\n");
        IOException e = assertThrows(IOException.class, () -> ChecksumFiles.readSummary(wrongTag, DigestAlgorithm.SHA256));
        assertTrue(e.getMessage().contains("SHA256SUMS:1: expected SHA256 lines"), e.getMessage());

        Path shortHex = Files.writeString(folder.resolve("X"), SHA256_A + "  a.jar\nabc  b.jar\n");
        IOException e2 = assertThrows(IOException.class, () -> ChecksumFiles.readSummary(shortHex, DigestAlgorithm.SHA256));
        assertTrue(e2.getMessage().contains("X:2: expected 64 hex digits"), e2.getMessage());
    }

    @Test
    void sidecarsAreHexOptionallyFollowedByAName() throws Exception {
        assertEquals(SHA256_A, ChecksumFiles.readSidecar(Files.writeString(folder.resolve("a.sha256"), SHA256_A), DigestAlgorithm.SHA256));
        assertEquals(SHA256_A, ChecksumFiles.readSidecar(Files.writeString(folder.resolve("b.sha256"), SHA256_A + "  a.jar\n"),
                DigestAlgorithm.SHA256));
        Path empty = Files.writeString(folder.resolve("c.sha256"), "");
        IOException e = assertThrows(IOException.class, () -> ChecksumFiles.readSidecar(empty, DigestAlgorithm.SHA256));
        assertTrue(e.getMessage().contains("c.sha256: expected 64 hex digits of SHA-256 at line 1, column 1"), e.getMessage());
    }
}
