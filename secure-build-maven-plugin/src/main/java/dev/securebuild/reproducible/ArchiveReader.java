package dev.securebuild.reproducible;

import java.io.Closeable;
import java.io.IOException;
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
}
