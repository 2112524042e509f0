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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads a file once and feeds every requested digest and any other sink (a signature) from the same buffer,
 * so that hashing with four algorithms and signing costs one read, not five.
 */
public final class OnePassReader {

    private static final int BUFFER_SIZE = 256 * 1024;

    private OnePassReader() {}

    public static FileDigest read(Path file, Collection<DigestAlgorithm> algorithms, ByteSink... otherSinks) throws IOException {
        Map<DigestAlgorithm, MessageDigest> digests = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm algorithm : algorithms) {
            digests.put(algorithm, algorithm.newMessageDigest());
        }
        List<ByteSink> sinks = new ArrayList<>();
        digests.values().forEach(digest -> sinks.add(digest::update));
        sinks.addAll(List.of(otherSinks));

        BasicFileAttributes before = attributes(file);
        long total = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
            byte[] bytes = buffer.array();
            int read;
            while ((read = channel.read(buffer)) != -1) {
                for (ByteSink sink : sinks) {
                    sink.update(bytes, 0, read);
                }
                total += read;
                buffer.clear();
            }
        }
        BasicFileAttributes after = attributes(file);
        if (total != before.size() || after.size() != before.size()) {
            throw new FileChangedException(file, "size was " + before.size() + " bytes, read " + total + ", now " + after.size());
        }
        if (!after.lastModifiedTime().equals(before.lastModifiedTime())) {
            throw new FileChangedException(file, "modification time went from " + before.lastModifiedTime() + " to " + after.lastModifiedTime());
        }

        Map<DigestAlgorithm, String> hex = new EnumMap<>(DigestAlgorithm.class);
        HexFormat format = HexFormat.of();
        digests.forEach((algorithm, digest) -> hex.put(algorithm, format.formatHex(digest.digest())));
        return new FileDigest(file, total, hex);
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
