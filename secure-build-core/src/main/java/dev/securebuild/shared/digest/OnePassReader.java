package dev.securebuild.shared.digest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads a file once and feeds every requested digest from the same buffer. The digests are handed out before they
 * are finished, so that one SHA-512 can give both the file's checksum and, continued, its signature.
 */
public final class OnePassReader {

    private static final int BUFFER_SIZE = 256 * 1024;

    /** The digests of a whole file, not yet finished. */
    public static final class Read {

        private final Path file;
        private final long size;
        private final Map<DigestAlgorithm, MessageDigest> digests;

        Read(Path file, long size, Map<DigestAlgorithm, MessageDigest> digests) {
            this.file = file;
            this.size = size;
            this.digests = digests;
        }

        public Path file() {
            return file;
        }

        public long size() {
            return size;
        }

        public Map<DigestAlgorithm, MessageDigest> digests() {
            return digests;
        }

        /** The state after the file's last byte; callers clone it before they change it. */
        public MessageDigest digest(DigestAlgorithm algorithm) {
            MessageDigest digest = digests.get(algorithm);
            if (digest == null) {
                throw new IllegalArgumentException(algorithm.jcaName() + " was not computed for " + file);
            }
            return digest;
        }

        /** Finishes copies of the given digests, leaving these as they are. */
        public FileDigest finish(Collection<DigestAlgorithm> algorithms) {
            Map<DigestAlgorithm, String> hex = new EnumMap<>(DigestAlgorithm.class);
            for (DigestAlgorithm algorithm : algorithms) {
                try {
                    hex.put(algorithm, DigestAlgorithm.hex(((MessageDigest) digest(algorithm).clone()).digest()));
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException("The JDK's digests can be cloned", e);
                }
            }
            return new FileDigest(file, size, hex);
        }
    }

    private OnePassReader() {}

    public static FileDigest read(Path file, Collection<DigestAlgorithm> algorithms) throws IOException {
        return readDigests(file, algorithms).finish(algorithms);
    }

    public static Read readDigests(Path file, Collection<DigestAlgorithm> algorithms) throws IOException {
        return readDigests(file, algorithms, () -> {});
    }

    /** @param afterEachBuffer lets a test change the file in the middle of the read */
    static Read readDigests(Path file, Collection<DigestAlgorithm> algorithms, Runnable afterEachBuffer) throws IOException {
        Map<DigestAlgorithm, MessageDigest> digests = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm algorithm : algorithms) {
            digests.put(algorithm, algorithm.newMessageDigest());
        }
        MessageDigest[] all = digests.values().toArray(new MessageDigest[0]);

        BasicFileAttributes before = attributes(file);
        long total = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // No larger than the file: most of a build's jars are far smaller than the buffer, and hundreds are read.
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER_SIZE, Math.max(8192, before.size() + 1)));
            byte[] bytes = buffer.array();
            int read;
            while ((read = channel.read(buffer)) != -1) {
                for (MessageDigest digest : all) {
                    digest.update(bytes, 0, read);
                }
                total += read;
                buffer.clear();
                afterEachBuffer.run();
            }
        }
        // What was read must be what is there: the signature and checksums must describe the file that is deployed.
        BasicFileAttributes after = attributes(file);
        if (total != before.size() || after.size() != before.size()) {
            throw new FileChangedException(file, "size was " + before.size() + " bytes, read " + total + ", now " + after.size());
        }
        if (!after.lastModifiedTime().equals(before.lastModifiedTime())) {
            throw new FileChangedException(file, "modification time went from " + before.lastModifiedTime() + " to " + after.lastModifiedTime());
        }
        return new Read(file, total, digests);
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new IOException(file + " is not a regular file");
            }
            return attributes;
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "the file does not exist");
        }
    }
}
