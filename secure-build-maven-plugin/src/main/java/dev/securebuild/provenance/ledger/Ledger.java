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

import dev.securebuild.shared.secrets.KnownSecrets;
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

    /** Appends a record signed by the ledger's own key (a test's shorthand: nothing to redact, no change of key). */
    Appended append(Deployment deployment, Signer signer) throws IOException, LedgerFormatException, SigningException, KeyChangeRefusedException {
        return append(deployment, signer, KnownSecrets.NONE, null);
    }

    /**
     * Appends one signed record for the deployment, each secret value the build holds replaced before it is signed.
     *
     * @param newKey the fingerprint of the key that is to sign from now on, when the ledger's key changes; null when it
     *               does not. A record signed by another key than the last record's is appended only when it names the
     *               signing key, and then carries the change ({@code keyRotation})
     * @throws LedgerFormatException      when the ledger's last line is not a complete record (the ledger is left as it is)
     * @throws KeyChangeRefusedException when the key changes without newKey naming it, or newKey names another key
     */
    public Appended append(Deployment deployment, Signer signer, KnownSecrets secrets, String newKey)
            throws IOException, LedgerFormatException, SigningException, KeyChangeRefusedException {
        Path absolute = file.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        Path key = absolute.getParent().toRealPath().resolve(absolute.getFileName());
        synchronized (FILE_MONITORS.computeIfAbsent(key, k -> new Object())) {
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                long size = channel.size();
                long sequence = 1;
                String previous = null;
                String ledgerKey = null;
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
                    ledgerKey = parsed.signature().keyid();
                }
                LedgerFormat.KeyRotation rotation = rotation(ledgerKey, signer.fingerprint(), newKey, sequence - 1);
                byte[] canonical = secrets.redactUtf8(LedgerFormat.canonical(deployment, sequence, previous, rotation));
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

    /**
     * The change of key the next record declares: none while the key stays; from the last record's key to the signing
     * key when {@code newKey} names the signing key; else refused.
     */
    static LedgerFormat.KeyRotation rotation(String ledgerKey, String signingKey, String newKey, long lastRecord) throws KeyChangeRefusedException {
        String named = newKey == null || newKey.isBlank() ? null : newKey.replace(" ", "").replaceFirst("^0[xX]", "").toUpperCase(java.util.Locale.ROOT);
        if (named != null && !named.equals(signingKey)) {
            throw new KeyChangeRefusedException("the new key named is " + named + ", but the record would be signed by key " + signingKey,
                    ledgerKey, signingKey);
        }
        if (ledgerKey == null || ledgerKey.equals(signingKey)) {
            return null;
        }
        if (named == null) {
            throw new KeyChangeRefusedException("its records are signed by key " + ledgerKey + " (the last one, #" + lastRecord
                    + "), and this record would be signed by key " + signingKey + "; a change of the ledger's key must be declared",
                    ledgerKey, signingKey);
        }
        return new LedgerFormat.KeyRotation(ledgerKey, signingKey);
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
