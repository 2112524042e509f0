package dev.securebuild.reproducible;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The entries of one archive on both sides: which are added, removed or reordered, whose metadata differ (grouped
 * into one difference per kind, with examples), and which differ in content.
 */
final class ArchiveEntries {

    private static final int EXAMPLES = 5;

    private final String location;
    private final List<EntryInfo> left;
    private final List<EntryInfo> right;
    private final Map<String, EntryInfo> leftByKey;
    private final Map<String, EntryInfo> rightByKey;

    ArchiveEntries(String location, List<EntryInfo> left, List<EntryInfo> right) {
        this.location = location;
        this.left = left;
        this.right = right;
        this.leftByKey = Comparison.byKey(left, Function.identity());
        this.rightByKey = Comparison.byKey(right, Function.identity());
    }

    /** Entries on one side only, and the order of those on both. */
    List<Difference> structure() {
        List<Difference> differences = new ArrayList<>();
        List<String> removed = left.stream().map(EntryInfo::key).filter(key -> !rightByKey.containsKey(key)).toList();
        List<String> added = right.stream().map(EntryInfo::key).filter(key -> !leftByKey.containsKey(key)).toList();
        if (!removed.isEmpty()) {
            differences.add(Difference.of(location, DifferenceKind.ENTRY_REMOVED, removed.size() + " entr" + (removed.size() == 1 ? "y" : "ies")
                    + " only in the left build: " + first(removed), Comparison.list(removed), Map.of()).counted(removed.size()));
        }
        if (!added.isEmpty()) {
            differences.add(Difference.of(location, DifferenceKind.ENTRY_ADDED, added.size() + " entr" + (added.size() == 1 ? "y" : "ies")
                    + " only in the right build: " + first(added), Comparison.list(added), Map.of()).counted(added.size()));
        }
        List<String> leftOrder = left.stream().map(EntryInfo::key).filter(rightByKey::containsKey).toList();
        List<String> rightOrder = right.stream().map(EntryInfo::key).filter(leftByKey::containsKey).toList();
        if (!leftOrder.equals(rightOrder)) {
            List<String> details = new ArrayList<>();
            int moved = 0;
            for (int i = 0; i < leftOrder.size(); i++) {
                if (!leftOrder.get(i).equals(rightOrder.get(i))) {
                    moved++;
                    if (details.size() < EXAMPLES) {
                        details.add("position " + (i + 1) + ": " + leftOrder.get(i) + " against " + rightOrder.get(i));
                    }
                }
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("leftSorted", String.valueOf(isSorted(leftOrder)));
            facts.put("rightSorted", String.valueOf(isSorted(rightOrder)));
            differences.add(Difference.of(location, DifferenceKind.ENTRY_ORDER, "the same entries in another order: " + moved
                    + " of " + leftOrder.size() + " at another position", details, facts).counted(moved));
        }
        return differences;
    }

    /** Metadata of the entries on both sides, one difference per kind. */
    List<Difference> metadata() {
        List<EntryInfo[]> common = common();
        List<Difference> differences = new ArrayList<>();
        timestamps(common).ifPresent(differences::add);
        modes(common).ifPresent(differences::add);
        grouped(common, DifferenceKind.ENTRY_ATTRIBUTES, "external attributes", e -> Objects.equals(e[0].mode(), e[1].mode()) ? e[0].attributes() : null,
                e -> Objects.equals(e[0].mode(), e[1].mode()) ? e[1].attributes() : null).ifPresent(differences::add);
        grouped(common, DifferenceKind.ENTRY_OWNER, "owner", e -> e[0].owner(), e -> e[1].owner()).ifPresent(differences::add);
        grouped(common, DifferenceKind.COMPRESSION_METHOD, "compression method", e -> e[0].method(), e -> e[1].method()).ifPresent(differences::add);
        extraFields(common).ifPresent(differences::add);
        grouped(common, DifferenceKind.ARCHIVE_COMMENT, "entry comment", e -> e[0].comment(), e -> e[1].comment()).ifPresent(differences::add);
        return differences;
    }

    /** Pairs of file entries whose content differs, in the left archive's order. */
    List<EntryInfo[]> contentDiffers() {
        return common().stream().filter(pair -> !pair[0].directory() && !pair[0].sha256().equals(pair[1].sha256())).toList();
    }

    private List<EntryInfo[]> common() {
        return left.stream().filter(entry -> rightByKey.containsKey(entry.key()))
                .map(entry -> new EntryInfo[] {entry, rightByKey.get(entry.key())}).toList();
    }

    private java.util.Optional<Difference> timestamps(List<EntryInfo[]> common) {
        List<EntryInfo[]> differing = common.stream().filter(e -> e[0].time() != null && e[1].time() != null && !e[0].time().equals(e[1].time())).toList();
        if (differing.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        TreeSet<Long> offsets = differing.stream().map(e -> e[1].time() - e[0].time()).collect(Collectors.toCollection(TreeSet::new));
        if (offsets.size() == 1) {
            long offset = offsets.first();
            facts.put("offsetMillis", String.valueOf(offset));
            if (offset % (15 * 60_000L) == 0 && Math.abs(offset) <= 26 * 3_600_000L) {
                facts.put("timeZoneOffset", String.format(java.util.Locale.ROOT, "%+.2f h", offset / 3_600_000.0).replace(".00", ""));
            }
        }
        facts.put("leftDistinctTimes", String.valueOf(left.stream().map(EntryInfo::time).filter(Objects::nonNull).distinct().count()));
        facts.put("rightDistinctTimes", String.valueOf(right.stream().map(EntryInfo::time).filter(Objects::nonNull).distinct().count()));
        List<String> examples = differing.stream().limit(EXAMPLES)
                .map(e -> e[0].name() + ": " + time(e[0].time()) + " against " + time(e[1].time())).toList();
        return java.util.Optional.of(Difference.of(location, DifferenceKind.ENTRY_TIMESTAMP, differing.size() + " of " + common.size()
                + " entries have other times, e.g. " + examples.get(0), examples, facts).counted(differing.size()));
    }

    private java.util.Optional<Difference> modes(List<EntryInfo[]> common) {
        List<EntryInfo[]> differing = common.stream().filter(e -> e[0].mode() != null && e[1].mode() != null && !e[0].mode().equals(e[1].mode())).toList();
        if (differing.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("left", modes(differing, 0));
        facts.put("right", modes(differing, 1));
        // Modes that differ only in the group and other write bits are the two builds' umasks (0002 against 0022).
        boolean writeBitsOnly = differing.stream().allMatch(e -> ((e[0].mode() ^ e[1].mode()) & ~0022) == 0);
        facts.put("umask", String.valueOf(writeBitsOnly));
        List<String> examples = differing.stream().limit(EXAMPLES)
                .map(e -> e[0].name() + ": " + octal(e[0].mode()) + " against " + octal(e[1].mode())).toList();
        return java.util.Optional.of(Difference.of(location, DifferenceKind.ENTRY_PERMISSIONS, differing.size() + " of " + common.size()
                + " entries have other file modes, e.g. " + examples.get(0), examples, facts).counted(differing.size()));
    }

    private static String modes(List<EntryInfo[]> pairs, int side) {
        return pairs.stream().map(e -> octal(e[side].mode())).distinct().sorted().collect(Collectors.joining(", "));
    }

    private static String octal(Integer mode) {
        return String.format("%04o", mode & 07777);
    }

    private java.util.Optional<Difference> extraFields(List<EntryInfo[]> common) {
        List<EntryInfo[]> differing = common.stream().filter(e -> !Objects.equals(e[0].extra(), e[1].extra())).toList();
        if (differing.isEmpty()) {
            return java.util.Optional.empty();
        }
        TreeSet<String> ids = new TreeSet<>();
        for (EntryInfo[] e : differing) {
            TreeSet<String> all = new TreeSet<>(e[0].extra().keySet());
            all.addAll(e[1].extra().keySet());
            all.stream().filter(id -> !Objects.equals(e[0].extra().get(id), e[1].extra().get(id))).forEach(ids::add);
        }
        String named = ids.stream().map(id -> id + " (" + ExtraFields.name(id) + ")").collect(Collectors.joining(", "));
        List<String> examples = differing.stream().limit(EXAMPLES)
                .map(e -> e[0].name() + ": " + ExtraFields.describe(e[0].extra()) + " against " + ExtraFields.describe(e[1].extra())).toList();
        return java.util.Optional.of(Difference.of(location, DifferenceKind.EXTRA_FIELDS, differing.size() + " of " + common.size()
                + " entries have other zip extra fields: " + named, examples, Map.of("fields", String.join(",", ids))).counted(differing.size()));
    }

    private java.util.Optional<Difference> grouped(List<EntryInfo[]> common, DifferenceKind kind, String what,
                                                   Function<EntryInfo[], String> leftValue, Function<EntryInfo[], String> rightValue) {
        List<EntryInfo[]> differing = common.stream().filter(e -> !Objects.equals(leftValue.apply(e), rightValue.apply(e))).toList();
        if (differing.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> examples = differing.stream().limit(EXAMPLES)
                .map(e -> e[0].name() + ": " + leftValue.apply(e) + " against " + rightValue.apply(e)).toList();
        Map<String, String> facts = Map.of("left", String.valueOf(leftValue.apply(differing.get(0))), "right", String.valueOf(rightValue.apply(differing.get(0))));
        return java.util.Optional.of(Difference.of(location, kind, differing.size() + " of " + common.size() + " entries have another " + what
                + ", e.g. " + examples.get(0), examples, facts).counted(differing.size()));
    }

    private static String time(Long millis) {
        // Zip times have no zone: shown as the local time of this JVM, the way both were read.
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()).toString().replace('T', ' ');
    }

    private static boolean isSorted(List<String> names) {
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i - 1).compareTo(names.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static String first(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + ", ...";
    }
}
