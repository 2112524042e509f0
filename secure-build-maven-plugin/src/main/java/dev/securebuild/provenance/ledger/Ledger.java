package dev.securebuild.provenance.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;

/**
 * The append-only ledger file: each {@link #append} reads the last line to chain to it, signs the new record and adds it
 * as one line, under a lock held both within this JVM (file locks are per process) and across processes, as the
 * security event log does. Earlier lines are never read beyond the last one, and never rewritten.
 */
public final class Ledger {

    /** One monitor per ledger file within this JVM. */
    private static final Map<Path, Object> FILE_MONITORS = new ConcurrentHashMap<>();
    private static final int TAIL_CHUNK = 8192;

    private final Path file;

    public Ledger(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    public Path file() {
        return file;
    }

    /**
     * A record as appended.
     *
     * @param line   its bytes, without the line end
     * @param sha256 the SHA-256 of those bytes: what the next record's {@code previous} will be
     */
    public record Appended(long sequence, byte[] line, String sha256) {}

    /**
     * Appends one signed record for the deployment.
     *
     * @throws LedgerFormatException when the ledger's last line is not a complete record (the ledger is left as it is)
     */
    public Appended append(Deployment deployment, Signer signer) throws IOException, LedgerFormatException, SigningException {
        Path absolute = file.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        Path key = absolute.getParent().toRealPath().resolve(absolute.getFileName());
        synchronized (FILE_MONITORS.computeIfAbsent(key, k -> new Object())) {
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                long size = channel.size();
                long sequence = 1;
                String previous = null;
                if (size > 0) {
                    byte[] last = lastLine(channel, size);
                    LedgerFormat.ParsedLine parsed;
                    try {
                        parsed = LedgerFormat.parse(last);
                    } catch (LedgerFormatException e) {
                        throw new LedgerFormatException("The last line of the ledger " + file + " is not a record: " + e.getMessage()
                                + ". Nothing was appended; run verify-ledger to find what happened to the ledger");
                    }
                    sequence = parsed.sequence() + 1;
                    previous = LedgerFormat.hash(last);
                }
                byte[] canonical = LedgerFormat.canonical(deployment, sequence, previous);
                LedgerFormat.Signature signature = new LedgerFormat.Signature(signer.fingerprint(), signer.messageScheme(),
                        signer.signMessage(canonical));
                byte[] line = LedgerFormat.line(canonical, signature);
                ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
                long position = size;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                channel.force(false);
                return new Appended(sequence, line, LedgerFormat.hash(line));
            }
        }
    }

    /** The last line's bytes, read backwards from the end; the file must end with a line end. */
    private byte[] lastLine(FileChannel channel, long size) throws IOException, LedgerFormatException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        if (one.get(0) != '\n') {
            throw new LedgerFormatException("The ledger " + file + " does not end with a line end: its last record is "
                    + "incomplete or was edited. Nothing was appended; run verify-ledger to find what happened to the ledger");
        }
        ByteArrayOutputStream reversed = new ByteArrayOutputStream();
        long end = size - 1; // the final line end, not part of the line
        long position = end;
        ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
        while (position > 0) {
            int length = (int) Math.min(TAIL_CHUNK, position);
            chunk.clear().limit(length);
            long from = position - length;
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, from + chunk.position()) < 0) {
                    throw new IOException("The ledger " + file + " became shorter while it was read");
                }
            }
            byte[] bytes = chunk.array();
            for (int i = length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    return reverse(reversed.toByteArray());
                }
                reversed.write(bytes[i]);
            }
            position = from;
        }
        return reverse(reversed.toByteArray());
    }

    private static byte[] reverse(byte[] bytes) {
        for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
            byte swap = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = swap;
        }
        return bytes;
    }
}
