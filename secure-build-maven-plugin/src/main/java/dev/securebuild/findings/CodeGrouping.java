package dev.securebuild.findings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import dev.securebuild.shared.digest.DigestAlgorithm;

/**
 * Code, secret and configuration findings into groups of one issue at one place: the same file, the same rule or a
 * shared CWE, and lines within a window. Each file's findings are taken in line order; a finding joins the earliest
 * group, among those whose first finding shares a rule or CWE with it, that started at most {@code window} lines
 * above it. Measuring from the group's first line, not its last, keeps a file full of one rule from chaining into one
 * group. A finding of unknown line (0) joins the earliest group of its rule or CWE in the file. Groups holding
 * findings of one tool with the same rule and the same fingerprint of the tool's own are then joined, wherever their
 * lines: that fingerprint survives line shifts. Fingerprints starting with {@code sb:} are made by our readers from
 * rule, path and message; they name no single occurrence and join nothing.
 */
final class CodeGrouping {

    private static final Comparator<Finding> IN_FILE_ORDER = Comparator.comparingInt(Finding::line)
            .thenComparing(Finding::tool, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::id, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::fingerprint, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final int window;
    private final SourcePaths paths;

    CodeGrouping(int window, SourcePaths paths) {
        this.window = window;
        this.paths = paths;
    }

    List<FindingMerger.Group> group(List<Finding> findings) {
        Map<String, String> normalized = new HashMap<>();
        for (Finding finding : findings) {
            normalized.computeIfAbsent(Objects.requireNonNullElse(finding.path(), ""), paths::normalize);
        }
        Map<String, String> canonical = SourcePaths.canonical(new HashSet<>(normalized.values()));
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding finding : findings) {
            String file = canonical.get(normalized.get(Objects.requireNonNullElse(finding.path(), "")));
            byFile.computeIfAbsent(file, key -> new ArrayList<>()).add(finding);
        }
        List<FindingMerger.Group> groups = new ArrayList<>();
        byFile.forEach((file, sameFile) -> groupFile(file, sameFile, groups));
        return groups;
    }

    /** A group being built: its place in creation order, the line of its first finding, its findings. */
    private record Cluster(int index, int firstLine, List<Finding> members) {}

    private void groupFile(String file, List<Finding> sameFile, List<FindingMerger.Group> groups) {
        List<Finding> ordered = new ArrayList<>(sameFile);
        ordered.sort(IN_FILE_ORDER);
        List<Cluster> clusters = new ArrayList<>();
        Map<String, List<Cluster>> byLabel = new HashMap<>();
        // Per label, the first cluster that may still be within the window: clusters start in line order.
        Map<String, Integer> firstOpen = new HashMap<>();
        List<Finding> unknownLine = new ArrayList<>();
        for (Finding finding : ordered) {
            if (finding.line() <= 0) {
                unknownLine.add(finding);
                continue;
            }
            Cluster joined = null;
            for (String label : labels(finding)) {
                List<Cluster> candidates = byLabel.get(label);
                if (candidates == null) {
                    continue;
                }
                int open = firstOpen.getOrDefault(label, 0);
                while (open < candidates.size() && candidates.get(open).firstLine() < finding.line() - window) {
                    open++;
                }
                firstOpen.put(label, open);
                if (open < candidates.size() && (joined == null || candidates.get(open).index() < joined.index())) {
                    joined = candidates.get(open);
                }
            }
            addTo(joined, finding, clusters, byLabel);
        }
        for (Finding finding : unknownLine) {
            Cluster joined = null;
            for (String label : labels(finding)) {
                List<Cluster> candidates = byLabel.get(label);
                if (candidates != null && (joined == null || candidates.get(0).index() < joined.index())) {
                    joined = candidates.get(0);
                }
            }
            addTo(joined, finding, clusters, byLabel);
        }
        for (List<Finding> members : joinedBySameFingerprint(clusters)) {
            groups.add(new FindingMerger.Group(key(file, members), members));
        }
    }

    private static void addTo(Cluster joined, Finding finding, List<Cluster> clusters, Map<String, List<Cluster>> byLabel) {
        if (joined == null) {
            joined = new Cluster(clusters.size(), finding.line(), new ArrayList<>());
            clusters.add(joined);
            for (String label : labels(finding)) {
                byLabel.computeIfAbsent(label, key -> new ArrayList<>()).add(joined);
            }
        }
        joined.members().add(finding);
    }

    private static List<List<Finding>> joinedBySameFingerprint(List<Cluster> clusters) {
        UnionFind sets = new UnionFind(clusters.size());
        Map<String, Integer> firstWithFingerprint = new HashMap<>();
        for (Cluster cluster : clusters) {
            for (Finding finding : cluster.members()) {
                if (finding.fingerprint() != null && !finding.fingerprint().isBlank() && !finding.fingerprint().startsWith("sb:")) {
                    Integer first = firstWithFingerprint.putIfAbsent(finding.tool() + "\n" + finding.id() + "\n" + finding.fingerprint(),
                            cluster.index());
                    if (first != null) {
                        sets.union(first, cluster.index());
                    }
                }
            }
        }
        Map<Integer, List<Finding>> joined = new LinkedHashMap<>();
        for (Cluster cluster : clusters) {
            joined.computeIfAbsent(sets.find(cluster.index()), root -> new ArrayList<>()).addAll(cluster.members());
        }
        return new ArrayList<>(joined.values());
    }

    /** The rule (case aside) and every CWE the finding names in its id or aliases. */
    private static Set<String> labels(Finding finding) {
        Set<String> labels = new LinkedHashSet<>();
        if (finding.id() != null && !finding.id().isBlank()) {
            labels.add("rule:" + finding.id().strip().toLowerCase(Locale.ROOT));
        }
        addCwe(labels, finding.id());
        finding.aliases().forEach(alias -> addCwe(labels, alias));
        return labels;
    }

    private static void addCwe(Set<String> labels, String id) {
        int cwe = FindingIds.cwe(id);
        if (cwe >= 0) {
            labels.add("cwe:" + cwe);
        }
    }

    /**
     * {@code code:} + the group's smallest CWE (else its smallest rule id) + the file + a hash of the group's smallest
     * fingerprint. No line: a line shift must not change the key. Each part is a minimum over the group, so the key
     * does not depend on the order in which the reports were read.
     */
    private static String key(String file, List<Finding> members) {
        int smallestCwe = Integer.MAX_VALUE;
        String smallestRule = null;
        String smallestFingerprint = null;
        for (Finding finding : members) {
            for (String id : withAliases(finding)) {
                int cwe = FindingIds.cwe(id);
                if (cwe >= 0) {
                    smallestCwe = Math.min(smallestCwe, cwe);
                }
            }
            String rule = finding.id() == null ? "" : finding.id().strip();
            smallestRule = smallestRule == null || rule.compareTo(smallestRule) < 0 ? rule : smallestRule;
            String fingerprint = finding.fingerprint();
            if (fingerprint != null && (smallestFingerprint == null || fingerprint.compareTo(smallestFingerprint) < 0)) {
                smallestFingerprint = fingerprint;
            }
        }
        String topic = smallestCwe != Integer.MAX_VALUE ? "CWE-" + smallestCwe : smallestRule;
        return "code:" + topic + "|" + file + "|" + shortHash(smallestFingerprint == null ? "" : smallestFingerprint);
    }

    private static List<String> withAliases(Finding finding) {
        List<String> ids = new ArrayList<>(finding.aliases());
        ids.add(finding.id());
        return ids;
    }

    private static String shortHash(String text) {
        byte[] digest = DigestAlgorithm.SHA256.newMessageDigest().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 6);
    }
}
