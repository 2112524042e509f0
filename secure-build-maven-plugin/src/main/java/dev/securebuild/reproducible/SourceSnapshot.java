package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.securebuild.shared.io.Links;

/**
 * Copies a project's sources to a fresh folder for the rebuild: the files git tracks when the project is in a git work
 * tree (what a clean checkout holds, with the working tree's content), else the whole folder without build outputs.
 * New modification times, as a checkout has; permissions as the source's, less the umask.
 */
public final class SourceSnapshot {

    /** Folders a rebuild never takes from the source tree: build outputs and tool state. */
    static final Set<String> NOT_SOURCES = Set.of("target", ".git", ".idea", ".gradle", "node_modules");

    /** @param method how the files were chosen, for the log */
    public record Result(Path copy, String method, int files) {}

    private SourceSnapshot() {}

    public static Result copy(Path root, Path destination) throws IOException {
        if (Files.exists(destination)) {
            deleteTree(destination);
        }
        Files.createDirectories(destination);
        // .mvn/ marks the root of the build, even empty (git keeps no empty folder, the invoker makes one): without it
        // Maven 4 would take the rebuild's root to be a folder above the copy, this build's, and write there.
        Path mvn = root.resolve(".mvn");
        if (Links.isFolder(mvn)) {
            Files.createDirectories(destination.resolve(".mvn"));
        }
        List<String> tracked = gitTrackedFiles(root);
        if (tracked != null) {
            int copied = 0;
            for (String relative : tracked) {
                Path source = root.resolve(relative);
                // A tracked path below a folder that the work tree replaced with a link is not read through the link.
                if (Links.exists(source) && !Links.isFolder(source) && Links.firstLinkBelow(root, source.getParent()) == null) {
                    copyOne(source, destination.resolve(relative));
                    copied++;
                }
            }
            return new Result(destination, "the files git tracks (git ls-files)", copied);
        }
        int[] copied = {0};
        Path absoluteDestination = destination.toAbsolutePath().normalize();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean skip = !dir.equals(root) && (NOT_SOURCES.contains(dir.getFileName().toString())
                        || dir.toAbsolutePath().normalize().equals(absoluteDestination));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                copyOne(file, destination.resolve(root.relativize(file).toString()));
                copied[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return new Result(destination, "the project folder without build outputs (not a git work tree)", copied[0]);
    }

    private static void copyOne(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.isSymbolicLink(source)) {
            Files.createSymbolicLink(target, Files.readSymbolicLink(source));
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The paths git tracks below root, relative to it; null when root is not in a git work tree or git is missing. */
    static List<String> gitTrackedFiles(Path root) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z", "--cached")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null;   // no git on this machine
        }
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing the files git tracks", e);
        }
        List<String> paths = new ArrayList<>();
        for (String path : new String(output, StandardCharsets.UTF_8).split("\0")) {
            if (!path.isEmpty()) {
                paths.add(path);
            }
        }
        return paths.isEmpty() ? null : paths;
    }

    static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                Files.delete(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
