package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** One comparison of a pair of inputs, with its own budget: what {@link DiffEngine} runs per output. */
final class Comparison {

    /** Classes disassembled with javap per output pair; past it, the class file version is still compared. */
    static final int MAX_DISASSEMBLED = 50;
    /** Entries of one archive whose content is examined; past it, the rest is listed by name. */
    static final int MAX_EXAMINED = 200;
    /** The largest array the JVM allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Names listed in one grouped difference. */
    static final int MAX_LISTED = 20;

    private final ArchiveLimits limits;
    private final Budget budget;
    private int disassembled;
    /** Classes to disassemble, all in one javap run per side when the comparison is done (see {@link #finish}). */
    private final List<ClassDiff.Pair> toDisassemble = new ArrayList<>();

    Comparison(ArchiveLimits limits) {
        this.limits = limits;
        this.budget = new Budget(limits);
    }

    void inputs(Input left, Input right, List<Difference> out) throws IOException {
        FileType leftType = FileType.of(left);
        FileType rightType = FileType.of(right);
        if (leftType != rightType) {
            out.add(Difference.of(left.location(), DifferenceKind.BINARY_CONTENT, "a " + describe(leftType) + " against a " + describe(rightType),
                    List.of(), Map.of("leftType", leftType.name(), "rightType", rightType.name())));
            return;
        }
        if (leftType.isArchive()) {
            archives(left, right, leftType, out);
        } else if (leftType == FileType.GZIP) {
            out.addAll(GzipDiff.compare(left, right, budget, (l, r, differences) -> inputs(l, r, differences)));
        } else if (left.bytes() != null) {
            out.addAll(content(left, right, leftType, left.bytes(), right.bytes()));   // held by the enclosing archive's batch
        } else if (!fitsInMemory(left.size(), right.size())) {
            try (InputStream l = left.open(); InputStream r = right.open()) {
                out.add(Binary.streamed(left.location(), l, r, "too large to hold both in memory (limit maxInMemorySize "
                        + Sizes.human(limits.maxInMemoryBytes()) + ")"));
            }
        } else {
            long held = left.size() + right.size();
            budget.hold(held);
            try {
                out.addAll(content(left, right, leftType, bytes(left), bytes(right)));
            } finally {
                budget.release(held);
            }
        }
    }

    /** Both contents at once within what is left of maxInMemorySize, and each within what one Java array can hold. */
    private boolean fitsInMemory(long left, long right) {
        return left + right <= budget.available() && Math.max(left, right) <= MAX_ARRAY;
    }

    private static String describe(FileType type) {
        return switch (type) {
            case ZIP -> "zip archive";
            case TAR -> "tar archive";
            case TAR_GZ -> "gzip-compressed tar archive";
            case GZIP -> "gzip file";
            case CLASS -> "class file";
            case MANIFEST -> "manifest";
            case PROPERTIES -> "properties file";
            case TEXT -> "text file";
            case BINARY -> "binary file";
        };
    }

    /** A file on disk, read into an array of its size (readAllBytes on a stream would need twice that while growing). */
    private static byte[] bytes(Input input) throws IOException {
        return java.nio.file.Files.readAllBytes(input.path());
    }

    private List<Difference> content(Input left, Input right, FileType type, byte[] leftBytes, byte[] rightBytes) throws IOException {
        String location = left.location();
        if (type == FileType.MANIFEST || type == FileType.PROPERTIES || type == FileType.TEXT) {
            long needed = TextMemory.needed(leftBytes, rightBytes);
            if (needed > budget.available()) {
                return List.of(Binary.streamed(location, leftBytes, rightBytes, "text too large to diff line by line: that needs about "
                        + Sizes.human(needed) + " more memory (decoded characters, lines and the diff), more than the "
                        + Sizes.human(Math.max(0, budget.available())) + " left of maxInMemorySize " + Sizes.human(limits.maxInMemoryBytes())
                        + "; compared byte by byte"));
            }
            budget.hold(needed);
            try {
                return text(location, type, leftBytes, rightBytes);
            } finally {
                budget.release(needed);
            }
        }
        return switch (type) {
            case CLASS -> classes(location, leftBytes, rightBytes);
            default -> List.of(Binary.difference(location, leftBytes, rightBytes));
        };
    }

    private static List<Difference> text(String location, FileType type, byte[] leftBytes, byte[] rightBytes) {
        return type == FileType.MANIFEST ? ManifestDiff.compare(location, leftBytes, rightBytes)
                : List.of(TextDiff.compare(location, DifferenceKind.TEXT_CONTENT, leftBytes, rightBytes));
    }

    private List<Difference> classes(String location, byte[] left, byte[] right) {
        Difference version = ClassDiff.versions(location, left, right);
        if (version != null) {
            return List.of(version);
        }
        if (++disassembled > MAX_DISASSEMBLED) {
            return List.of(ClassDiff.notDisassembled(location, left));
        }
        toDisassemble.add(new ClassDiff.Pair(location, left, right));
        return List.of();
    }

    /** Compares what was left for the end: the class files to disassemble. */
    void finish(List<Difference> out) throws IOException {
        out.addAll(ClassDiff.compare(toDisassemble));
        toDisassemble.clear();
    }

    private void archives(Input left, Input right, FileType type, List<Difference> out) throws IOException {
        if (left.depth() > limits.maxDepth()) {
            throw new ArchiveLimitException(left.where() + ": an archive nested " + left.depth() + " levels deep, more than "
                    + limits.maxDepth() + " (limit maxDepth): an archive bomb, or deeper nesting than expected; raise the limit if it is genuine");
        }
        int before = out.size();
        // Both sides at once, each opened, read and digested on its own thread: most of the work on a large archive.
        BothSides.Pair<Side> sides = BothSides.run(left, right, input -> Side.read(open(input, type)), Side::close);
        try (ArchiveReader leftReader = sides.left().reader(); ArchiveReader rightReader = sides.right().reader()) {
            ArchiveEntries entries = new ArchiveEntries(left.location(), sides.left().entries(), sides.right().entries());
            if (!Objects.equals(sides.left().comment(), sides.right().comment())) {
                out.add(Difference.of(left.location(), DifferenceKind.ARCHIVE_COMMENT, "archive comment " + quoted(sides.left().comment())
                        + " against " + quoted(sides.right().comment()), List.of(), Map.of("archive", "true")));
            }
            out.addAll(entries.structure());
            out.addAll(entries.metadata());
            entryContents(left, right, leftReader, rightReader, entries.contentDiffers(), out);
        }
        if (type == FileType.TAR_GZ) {
            out.addAll(GzipDiff.headers(left, right));
        }
        if (out.size() == before) {
            out.add(Difference.of(left.location(), DifferenceKind.CONTAINER, "every entry has the same name, content and metadata; the "
                    + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '.') + " file's own bytes differ (headers, data descriptors, "
                    + "the compressed bytes or the archive comment)", List.of(), Map.of("format", type.name())));
        }
    }

    /** One side of an archive pair as the first pass left it: the open reader, its entries and its comment. */
    private record Side(ArchiveReader reader, List<EntryInfo> entries, String comment) {

        /** Reads the entries and the comment; the reader is closed when that fails. */
        static Side read(ArchiveReader reader) throws IOException {
            try {
                return new Side(reader, reader.entries(), reader.comment());
            } catch (IOException | RuntimeException | Error e) {
                close(reader, e);
                throw e;
            }
        }

        void close() {
            close(reader, null);
        }

        private static void close(ArchiveReader reader, Throwable failure) {
            try {
                reader.close();
            } catch (IOException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    private ArchiveReader open(Input input, FileType type) throws IOException {
        return switch (type) {
            case ZIP -> new ZipReader(input, budget);
            case TAR -> new TarReader(input, budget, false);
            case TAR_GZ -> new TarReader(input, budget, true);
            default -> throw new IllegalArgumentException(type + " is not an archive");
        };
    }

    /** Content of the entries that differ, fetched in batches that fit in memory, compared by what each entry is. */
    private void entryContents(Input left, Input right, ArchiveReader leftReader, ArchiveReader rightReader,
                               List<EntryInfo[]> pairs, List<Difference> out) throws IOException {
        List<EntryInfo[]> examined = pairs.subList(0, Math.min(pairs.size(), MAX_EXAMINED));
        List<EntryInfo[]> batch = new ArrayList<>();
        long batchBytes = 0;
        for (EntryInfo[] pair : examined) {
            EntryInfo l = pair[0];
            EntryInfo r = pair[1];
            if (l.linkTarget() != null || r.linkTarget() != null) {
                out.add(Difference.of(left.location() + "!/" + l.name(), DifferenceKind.BINARY_CONTENT,
                        link(l) + " against " + link(r), List.of(), Map.of("symlink", "true")));
            } else if (!fitsInMemory(l.size(), r.size())) {
                // Not even this pair alone fits: read side by side, never held.
                try (InputStream leftContent = leftReader.open(l); InputStream rightContent = rightReader.open(r)) {
                    out.add(Binary.streamed(left.location() + "!/" + l.name(), leftContent, rightContent, "too large to hold both in "
                            + "memory (limit maxInMemorySize " + Sizes.human(limits.maxInMemoryBytes()) + ")"));
                }
            } else {
                if (batchBytes + l.size() + r.size() > budget.available() && !batch.isEmpty()) {
                    compareBatch(left, right, leftReader, rightReader, batch, out);
                    batch.clear();
                    batchBytes = 0;
                }
                batch.add(pair);
                batchBytes += l.size() + r.size();
            }
        }
        if (!batch.isEmpty()) {
            compareBatch(left, right, leftReader, rightReader, batch, out);
        }
        if (pairs.size() > examined.size()) {
            List<String> names = pairs.subList(examined.size(), pairs.size()).stream().map(pair -> pair[0].name()).toList();
            out.add(Difference.of(left.location(), DifferenceKind.BINARY_CONTENT, names.size() + " more entries differ in content "
                    + "(not examined: only the first " + MAX_EXAMINED + " are)", list(names), Map.of("notExamined", String.valueOf(names.size())))
                    .counted(names.size()));
        }
    }

    private void compareBatch(Input left, Input right, ArchiveReader leftReader, ArchiveReader rightReader, List<EntryInfo[]> batch,
                              List<Difference> out) throws IOException {
        long held = batch.stream().mapToLong(pair -> pair[0].size() + pair[1].size()).sum();
        budget.hold(held);
        try {
            Map<String, byte[]> leftContents = leftReader.contents(batch.stream().map(pair -> pair[0]).toList());
            Map<String, byte[]> rightContents = rightReader.contents(batch.stream().map(pair -> pair[1]).toList());
            for (EntryInfo[] pair : batch) {
                Input l = Input.nested(left, pair[0].name(), Objects.requireNonNull(leftContents.get(pair[0].key())));
                Input r = Input.nested(right, pair[1].name(), Objects.requireNonNull(rightContents.get(pair[1].key())));
                inputs(l, r, out);
            }
        } finally {
            budget.release(held);
        }
    }

    private static String quoted(String comment) {
        return comment == null || comment.isEmpty() ? "(none)" : "'" + TextDiff.shorten(comment) + "'";
    }

    private static String link(EntryInfo entry) {
        if (entry.linkTarget() == null) {
            return "a regular file";
        }
        return (entry.hardLink() ? "a hard link to " : "a symbolic link to ") + entry.linkTarget();
    }

    static List<String> list(List<String> names) {
        if (names.size() <= MAX_LISTED) {
            return names;
        }
        List<String> listed = new ArrayList<>(names.subList(0, MAX_LISTED));
        listed.add("... and " + (names.size() - MAX_LISTED) + " more");
        return listed;
    }

    static <T> Map<String, T> byKey(List<EntryInfo> entries, Function<EntryInfo, T> value) {
        Map<String, T> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(entry.key(), value.apply(entry)));
        return map;
    }
}
