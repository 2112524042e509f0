package dev.securebuild.shared.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a half-written file:
 * the bytes go to a temporary file in the same folder, which is then renamed into place. A build killed or failing
 * midway (disk full, Ctrl-C) leaves no partial output. There is deliberately no fsync: it cost 4 ms a file, more than
 * signing, and build outputs are remade after a power loss anyway.
 */
public final class AtomicFiles {

    /** What writes the content to the temporary file. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, Writer writer) throws IOException {
        write(target, writer, false);
    }

    /** For secrets: the file is readable by its owner only from the moment it exists, where the file system allows. */
    public static void writePrivate(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content), true);
    }

    private static void write(Path target, Writer writer, boolean ownerOnly) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = createTemporary(folder, target.getFileName().toString(), ownerOnly);
        boolean moved = false;
        try {
            // Buffered: writers that emit many small pieces (StAX, Jackson without its own buffer) would make a system call each.
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), 65536)) {
                writer.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Not {@link Files#createTempFile}: it always makes the file owner-only, and outputs must get the permissions the
     * umask gives, like any file the build writes.
     */
    private static Path createTemporary(Path folder, String name, boolean ownerOnly) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            Path temporary = folder.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return ownerOnly && posix
                        ? Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : Files.createFile(temporary);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
}
