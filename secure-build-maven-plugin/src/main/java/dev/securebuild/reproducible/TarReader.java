package dev.securebuild.reproducible;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** tar and tar.gz: read as a stream, once for the metadata and digests, once more for the contents a diff needs. */
final class TarReader implements ArchiveReader {

    private final Input input;
    private final Budget budget;
    private final boolean gzipped;
    private final byte[] buffer = new byte[64 * 1024];

    TarReader(Input input, Budget budget, boolean gzipped) {
        this.input = input;
        this.budget = budget;
        this.gzipped = gzipped;
    }

    @Override
    public String format() {
        return gzipped ? "tar.gz" : "tar";
    }

    private TarArchiveInputStream open() throws IOException {
        InputStream raw = new BufferedInputStream(input.open());
        try {
            InputStream in = budget.count(gzipped ? new GzipCompressorInputStream(raw, true) : raw, input.where());
            return new TarArchiveInputStream(in);
        } catch (IOException e) {
            raw.close();
            throw corrupt(e);
        }
    }

    private CorruptArchiveException corrupt(Exception e) {
        return new CorruptArchiveException(input.where() + ": not a readable " + format() + " archive (" + e.getMessage()
                + "); expected a POSIX/GNU tar" + (gzipped ? " compressed with gzip" : ""), e);
    }

    @FunctionalInterface
    private interface Visitor {
        /** @return true to stop at this entry, with the stream on its content */
        boolean visit(TarArchiveEntry entry, String key, InputStream content) throws IOException;
    }

    private void each(Visitor visitor) throws IOException {
        try (TarArchiveInputStream tar = open()) {
            each(tar, visitor);
        }
    }

    /** @return whether the visitor stopped at an entry */
    private boolean each(TarArchiveInputStream tar, Visitor visitor) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        int count = 0;
        TarArchiveEntry entry;
        while ((entry = nextEntry(tar)) != null) {
            budget.checkEntries(++count, input.where());
            int occurrence = seen.merge(entry.getName(), 1, Integer::sum);
            String key = occurrence == 1 ? entry.getName() : entry.getName() + " (#" + occurrence + ")";
            try {
                if (visitor.visit(entry, key, tar)) {
                    return true;
                }
            } catch (ArchiveLimitException | CorruptArchiveException e) {
                throw e;
            } catch (IOException e) {
                throw corrupt(e);   // the content ends before the size its header gives: a truncated archive
            }
        }
        return false;
    }

    /** Entries come one after the other: read up to the wanted one, and hand out the stream positioned on its content. */
    @Override
    public InputStream open(EntryInfo wanted) throws IOException {
        TarArchiveInputStream tar = open();
        try {
            if (each(tar, (entry, key, content) -> key.equals(wanted.key()))) {
                return tar;
            }
        } catch (IOException | RuntimeException e) {
            tar.close();
            throw e;
        }
        tar.close();
        throw new CorruptArchiveException(input.where() + "!/" + wanted.name() + ": the entry is gone on a second reading", null);
    }

    private TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof ArchiveLimitException limit) {
                throw limit;
            }
            throw corrupt(e);
        }
    }

    @Override
    public List<EntryInfo> entries() throws IOException {
        List<EntryInfo> entries = new ArrayList<>();
        each((entry, key, content) -> {
            MessageDigest sha256 = Digests.sha256();
            long size = 0;
            String linkTarget = null;
            if (entry.isSymbolicLink() || entry.isLink()) {
                linkTarget = entry.getLinkName();
                sha256.update(((entry.isLink() ? "hard link to " : "symbolic link to ") + linkTarget).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                int read;
                while ((read = content.read(buffer)) > 0) {
                    sha256.update(buffer, 0, read);
                    size += read;
                }
            }
            String owner = entry.getLongUserId() + "/" + entry.getLongGroupId() + " " + entry.getUserName() + "/" + entry.getGroupName();
            entries.add(new EntryInfo(entry.getName(), key, entry.isDirectory(), size, HexFormat.of().formatHex(sha256.digest()),
                    entry.getModTime().getTime(), entry.getMode(), null, owner, null, Map.of(), null, linkTarget, entry.isLink()));
            return false;
        });
        return entries;
    }

    @Override
    public String comment() {
        return null;
    }

    @Override
    public Map<String, byte[]> contents(Collection<EntryInfo> wanted) throws IOException {
        Map<String, EntryInfo> keys = wanted.stream().collect(Collectors.toMap(EntryInfo::key, e -> e));
        Map<String, byte[]> contents = new LinkedHashMap<>();
        each((entry, key, content) -> {
            if (keys.containsKey(key)) {
                contents.put(key, ArchiveReader.read(content, keys.get(key), input.where()));
            }
            return false;
        });
        return contents;
    }

    @Override
    public void close() {
        // Each pass opens and closes its own stream.
    }
}
