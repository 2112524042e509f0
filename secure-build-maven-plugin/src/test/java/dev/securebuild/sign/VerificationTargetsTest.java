package dev.securebuild.sign;

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

/** The folder verify-signatures walks is read without following a link out of it. */
class VerificationTargetsTest {

    @TempDir
    Path dir;

    private Path folder;
    private Path outside;

    @BeforeEach
    void files() throws IOException {
        folder = Files.createDirectories(dir.resolve("downloads"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(folder.resolve("lib-1.0.jar"), "jar");
        Files.writeString(outside.resolve("secret.txt"), "not to be read");
    }

    @Test
    void aLinkToAFileOutsideIsNamedNotVerifiedThroughAndAnExcludedOneIsLeftAlone() throws IOException {
        Files.createSymbolicLink(folder.resolve("lib-1.0.pom"), outside.resolve("secret.txt"));
        IOException e = assertThrows(IOException.class, () -> VerificationTargets.inDirectory(folder, List.of()));
        assertEquals("lib-1.0.pom in " + folder + " is a symbolic link: verify-signatures does not follow links out of the folder; put "
                + "the file itself there, or leave it out with secure-build.excludes", e.getMessage());
        assertEquals(List.of("lib-1.0.jar"), VerificationTargets.inDirectory(folder, List.of("*.pom")).stream()
                .map(VerificationTarget::name).toList());
    }

    @Test
    void aLinkedFolderIsNotEntered() throws IOException {
        Files.createSymbolicLink(folder.resolve("more"), outside);
        IOException e = assertThrows(IOException.class, () -> VerificationTargets.inDirectory(folder, List.of()));
        assertTrue(e.getMessage().startsWith("more in " + folder + " is a symbolic link"), e.getMessage());
        List<String> names = VerificationTargets.inDirectory(folder, List.of("more")).stream().map(VerificationTarget::name).toList();
        assertEquals(List.of("lib-1.0.jar"), names);
        assertFalse(names.contains("more/secret.txt"));
    }

    @Test
    void aSummaryNameThatLeadsOutOfItsFolderIsRefused() throws IOException {
        Files.writeString(folder.resolve("SHA256SUMS"), "0".repeat(64) + "  ../outside/secret.txt\n");
        IOException e = assertThrows(IOException.class, () -> VerificationTargets.inDirectory(folder, List.of()));
        assertEquals("A checksum summary in " + folder + " lists '../outside/secret.txt', which is not a file of that folder: "
                + "expected plain file names", e.getMessage());
    }
}
