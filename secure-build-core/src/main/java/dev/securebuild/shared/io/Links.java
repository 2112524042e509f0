package dev.securebuild.shared.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reading a tree of inputs without following a symbolic link out of it. {@code Files.walk} without FOLLOW_LINKS does
 * not descend into a linked folder, but {@code root.resolve("etc/shadow")} still goes through a link {@code etc}, and
 * {@code Files.isRegularFile} and {@code Files.size} follow links: every check here is made with NOFOLLOW_LINKS, on
 * each part of the path below the root.
 */
public final class Links {

    private Links() {}

    /** A symbolic link itself, never what it points to. */
    public static boolean isLink(Path path) {
        return Files.isSymbolicLink(path);
    }

    /** A folder, not a link to one. */
    public static boolean isFolder(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** A regular file, not a link to one. */
    public static boolean isRegularFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** Exists as a file, folder or link (a dangling link exists). */
    public static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The first symbolic link on the way from {@code root} (not checked: whoever gave it chose it) to {@code path}, the
     * path itself included; null when there is none. A path that leaves the root ({@code ..}) is returned itself: it is
     * no more inside than a link is.
     */
    public static Path firstLinkBelow(Path root, Path path) {
        Path base = root.toAbsolutePath().normalize();
        Path target = path.toAbsolutePath().normalize();
        if (!target.startsWith(base)) {
            return path;
        }
        Path current = base;
        for (Path part : base.relativize(target)) {
            if (part.toString().isEmpty()) {
                continue;
            }
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return current;
            }
        }
        return null;
    }

    /** Whether {@code path} lies below {@code root} with no symbolic link on the way (the path itself may not be one either). */
    public static boolean isInside(Path root, Path path) {
        return firstLinkBelow(root, path) == null;
    }

    /**
     * The regular files and the symbolic links below {@code folder}, sorted, never entering a linked folder. The folder
     * itself must be a folder, not a link to one: the caller says which input it is when it is not.
     */
    public static List<Path> filesAndLinks(Path folder) throws IOException {
        if (!isFolder(folder)) {
            throw new IOException(folder + (isLink(folder) ? " is a symbolic link, not a folder" : " is not a folder"));
        }
        List<Path> found = new ArrayList<>();
        // No FOLLOW_LINKS: a link is visited as a file, with its own attributes.
        Files.walkFileTree(folder, Collections.emptySet(), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(found);
        return found;
    }
}
