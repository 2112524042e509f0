package dev.securebuild.reproducible;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipExtraField;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Zip, jar, war, ear: the central directory gives the order and the metadata, random access the content. */
final class ZipReader implements ArchiveReader {

    private final Input input;
    private final Budget budget;
    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> byKey = new HashMap<>();
    /** One buffer for all entries: a new 64 KiB buffer per entry made a jar of 6000 entries spend its time in GC. */
    private final byte[] buffer = new byte[64 * 1024];
    /** The first pass's digest, reset for each entry: looking one up per entry costs more than a small entry's hashing. */
    private final MessageDigest sha256 = Digests.sha256();
    /** The first pass's inflater, reset for each entry, and its input buffer; the inflater is ended on close. */
    private final Inflater inflater = new Inflater(true);
    private final byte[] compressed = new byte[16 * 1024];
    private static final byte[] ONE_ZERO_BYTE = new byte[1];

    ZipReader(Input input, Budget budget) throws IOException {
        this.input = input;
        this.budget = budget;
        try {
            ZipFile.Builder builder = ZipFile.builder();
            this.zip = input.path() != null ? builder.setPath(input.path()).get()
                    : builder.setSeekableByteChannel(new SeekableInMemoryByteChannel(input.bytes())).get();
        } catch (IOException | RuntimeException e) {
            throw new CorruptArchiveException(input.where() + ": not a readable zip archive (" + e.getMessage()
                    + "); expected a zip, jar, war or ear with a valid central directory", e);
        }
    }

    @Override
    public String format() {
        return "zip";
    }

    @Override
    public List<EntryInfo> entries() throws IOException {
        List<EntryInfo> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            budget.checkEntries(entries.size() + 1, input.where());
            int occurrence = seen.merge(entry.getName(), 1, Integer::sum);
            String key = occurrence == 1 ? entry.getName() : entry.getName() + " (#" + occurrence + ")";
            byKey.put(key, entry);
            entries.add(info(entry, key));
        }
        return entries;
    }

    private EntryInfo info(ZipArchiveEntry entry, String key) throws IOException {
        sha256.reset();
        long size = 0;
        String linkTarget = null;
        try (InputStream in = firstPass(entry)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                sha256.update(buffer, 0, read);
                size += read;
            }
        } catch (ArchiveLimitException | CorruptArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(entry.getName(), e);   // the inflater's "invalid block type" alone names neither file nor entry
        }
        boolean unix = entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX;
        Integer mode = unix ? entry.getUnixMode() : null;
        if (unix && entry.isUnixSymlink()) {
            linkTarget = zip.getUnixSymlink(entry);
        }
        String attributes = "platform=" + (unix ? "unix" : entry.getPlatform() == ZipArchiveEntry.PLATFORM_FAT ? "fat" : String.valueOf(entry.getPlatform()))
                + " external=0x" + Long.toHexString(entry.getExternalAttributes());
        return new EntryInfo(entry.getName(), key, entry.isDirectory(), size, HexFormat.of().formatHex(sha256.digest()), entry.getTime(),
                mode, attributes, null, method(entry.getMethod()), extra(entry), entry.getComment(), linkTarget, false);
    }

    /**
     * An entry's content for the first pass, which reads every entry once, one after the other, from commons-compress's
     * raw stream of it: a stored entry as it is, a deflated one through this reader's one inflater and input buffer.
     * commons-compress's own stream takes a new inflater and 8.5 KiB of buffers per entry, and on a jar of 6000 entries
     * a cold JVM spent much of the pass allocating and first touching that memory. Any other method, or an entry
     * commons-compress cannot read, goes through {@link #open(ZipArchiveEntry)}.
     */
    private InputStream firstPass(ZipArchiveEntry entry) throws IOException {
        int method = entry.getMethod();
        if ((method != ZipArchiveEntry.DEFLATED && method != ZipArchiveEntry.STORED) || !zip.canReadEntryData(entry)) {
            return open(entry);
        }
        InputStream raw;
        try {
            raw = zip.getRawInputStream(entry);
        } catch (IOException | RuntimeException e) {
            throw unreadable(entry.getName(), e);
        }
        if (raw == null) {
            return open(entry);
        }
        if (method == ZipArchiveEntry.STORED) {
            return budget.count(raw, input.where());
        }
        inflater.reset();
        // The extra zero byte: an inflater without zlib headers may need one past the data (java.util.zip.Inflater).
        return budget.count(new SharedBufferInflaterStream(new SequenceInputStream(raw, new ByteArrayInputStream(ONE_ZERO_BYTE)), inflater,
                compressed), input.where());
    }

    /** Inflates into the caller's buffer from the reader's input buffer: no buffer of its own. */
    private static final class SharedBufferInflaterStream extends InflaterInputStream {
        SharedBufferInflaterStream(InputStream in, Inflater inflater, byte[] inputBuffer) {
            super(in, inflater, 1);
            this.buf = inputBuffer;
        }
    }

    private InputStream open(ZipArchiveEntry entry) throws IOException {
        try {
            return budget.count(zip.getInputStream(entry), input.where());
        } catch (ZipException e) {
            throw unreadable(entry.getName(), e);
        }
    }

    private CorruptArchiveException unreadable(String entryName, Exception e) {
        return new CorruptArchiveException(input.where() + "!/" + entryName + ": cannot read the entry (" + e.getMessage() + ")", e);
    }

    private static Map<String, String> extra(ZipArchiveEntry entry) {
        Map<String, String> fields = new TreeMap<>();
        for (ZipExtraField field : entry.getExtraFields(true)) {
            String id = String.format("0x%04x", field.getHeaderId().getValue());
            String local = HexFormat.of().formatHex(field.getLocalFileDataData());
            String central = HexFormat.of().formatHex(field.getCentralDirectoryData());
            fields.put(id, local.equals(central) ? local : "local " + local + " central " + central);
        }
        return fields;
    }

    static String method(int method) {
        return switch (method) {
            case ZipArchiveEntry.STORED -> "stored";
            case ZipArchiveEntry.DEFLATED -> "deflated";
            default -> "method " + method;
        };
    }

    /** The end-of-central-directory comment, which commons-compress does not expose: the JDK's reader does, for files. */
    @Override
    public String comment() {
        if (input.path() == null) {
            return null;   // a nested archive, held in memory: not read
        }
        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(input.path().toFile())) {
            return jdk.getComment();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Map<String, byte[]> contents(Collection<EntryInfo> wanted) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (EntryInfo info : wanted) {
            try (InputStream in = open(info)) {
                contents.put(info.key(), ArchiveReader.read(in, info, input.where()));
            } catch (ArchiveLimitException | CorruptArchiveException e) {
                throw e;
            } catch (IOException e) {
                throw unreadable(info.name(), e);
            }
        }
        return contents;
    }

    @Override
    public InputStream open(EntryInfo info) throws IOException {
        return open(byKey.get(info.key()));
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        zip.close();
    }
}
