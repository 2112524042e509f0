package dev.securebuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFoldersTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsNotAFolderAndTheMessageSaysWhatToGive() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> OutputFolders.check(file, "secure-build.output", "the key files"));
        assertEquals("secure-build.output " + file + " is a file, not a folder: the key files go into a folder; set "
                + "-Dsecure-build.output to a folder (it is made when missing) that is not an existing file", e.getMessage());
    }

    @Test
    void aLinkIsNotWrittenThrough() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("alink"), Files.createDirectories(dir.resolve("elsewhere")));
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> OutputFolders.check(link, "secure-build.outputDirectory", "signatures"));
        assertEquals("secure-build.outputDirectory " + link + " is a symbolic link: signatures are not written through a link; set "
                + "-Dsecure-build.outputDirectory to a folder (it is made when missing), or give the folder the link points to", e.getMessage());
    }

    @Test
    void aFileOnTheWayIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> OutputFolders.check(file.resolve("sub/keys"), "secure-build.output", "the key files"));
        assertEquals("secure-build.output " + file.resolve("sub/keys") + " cannot be made: " + file + " is a file, not a folder; set "
                + "-Dsecure-build.output to a folder (it is made when missing) below an existing folder", e.getMessage());
    }

    @Test
    void aFolderOrANewPathIsTakenAbsolute() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out"));
        assertEquals(folder, OutputFolders.check(folder, "secure-build.output", "reports"));
        assertEquals(dir.resolve("new/deeper"), OutputFolders.check(dir.resolve("new/../new/deeper"), "secure-build.output", "reports"));
    }
}
