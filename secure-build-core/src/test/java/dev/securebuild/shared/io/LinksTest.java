package dev.securebuild.shared.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinksTest {

    @TempDir
    Path dir;

    @Test
    void aPathThroughALinkedFolderIsNotInside() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root/sub"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("shadow"), "x");
        Files.createSymbolicLink(root.resolve("etc"), outside);
        Path base = dir.resolve("root");
        assertEquals(base.resolve("sub/etc"), Links.firstLinkBelow(base, base.resolve("sub/etc/shadow")));
        assertFalse(Links.isInside(base, base.resolve("sub/etc/shadow")));
        assertNull(Links.firstLinkBelow(base, base.resolve("sub/file")));
        assertEquals(base.resolve("../outside/shadow"), Links.firstLinkBelow(base, base.resolve("../outside/shadow")), "'..' leaves the root");
        assertTrue(Links.isInside(base, base));
    }

    @Test
    void filesAndLinksNeverEntersALinkedFolderOrALoop() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "x");
        Files.writeString(root.resolve("a.txt"), "a");
        Files.createSymbolicLink(root.resolve("linked"), outside);
        Files.createSymbolicLink(root.resolve("loop"), root);
        Files.createSymbolicLink(root.resolve("file-link"), outside.resolve("secret"));
        assertEquals(List.of(root.resolve("a.txt"), root.resolve("file-link"), root.resolve("linked"), root.resolve("loop")),
                Links.filesAndLinks(root));
    }

    @Test
    void aLinkAsTheFolderIsRefused() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        IOException e = assertThrows(IOException.class, () -> Links.filesAndLinks(link));
        assertEquals(link + " is a symbolic link, not a folder", e.getMessage());
        assertFalse(Links.isFolder(link));
        assertTrue(Links.isLink(link));
    }
}
