package dev.securebuild.reproducible;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads an archive's entries without extracting them: names are data here, never paths. */
interface ArchiveReader extends Closeable {

    /** "zip", "tar" or "tar.gz". */
    String format();

    /** Every entry in stored order, its content digested in one pass. */
    List<EntryInfo> entries() throws IOException;

    /** The archive comment (zip), or null. */
    String comment();

    /** The content of the given entries (each within {@link ArchiveLimits#maxInMemoryBytes()}), by key. */
    Map<String, byte[]> contents(Collection<EntryInfo> wanted) throws IOException;

    /** The content of one entry as a stream, for one too large to hold in memory; the caller closes it. */
    InputStream open(EntryInfo entry) throws IOException;

    /**
     * Reads an entry whose size the first pass measured into an array of exactly that size (no growing buffers, which
     * would need twice the memory for a large entry); content that no longer has that size is a corrupt archive.
     */
    static byte[] read(InputStream in, EntryInfo entry, String where) throws IOException {
        byte[] content = new byte[Math.toIntExact(entry.size())];
        int read = in.readNBytes(content, 0, content.length);
        if (read != content.length || in.read() >= 0) {
            throw new CorruptArchiveException(where + "!/" + entry.name() + ": the entry's size changed between two readings", null);
        }
        return content;
    }
}
