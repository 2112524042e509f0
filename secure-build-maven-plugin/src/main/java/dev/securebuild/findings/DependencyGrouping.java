package dev.securebuild.findings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Dependency and license findings into groups of one issue in one package. Findings are first put by package (type,
 * namespace and name, versions together), and only then joined when their id and alias sets meet, so that a tool's
 * long alias list never joins two packages. A group is then split by version; findings without a version join the
 * group's one version when it has exactly one, else they stay a group of their own.
 */
final class DependencyGrouping {

    private static final Pattern V_BEFORE_DIGIT = Pattern.compile("^[vV](?=\\d)");

    private final SourcePaths paths;

    DependencyGrouping(SourcePaths paths) {
        this.paths = paths;
    }

    List<FindingMerger.Group> group(List<Finding> findings) {
        Map<String, List<Finding>> byPackage = new TreeMap<>();
        for (Finding finding : findings) {
            byPackage.computeIfAbsent(prefix(finding) + packagePart(finding), key -> new ArrayList<>()).add(finding);
        }
        List<FindingMerger.Group> groups = new ArrayList<>();
        byPackage.values().forEach(samePackage -> groupByIssue(samePackage, groups));
        return groups;
    }

    private void groupByIssue(List<Finding> samePackage, List<FindingMerger.Group> groups) {
        UnionFind issues = new UnionFind(samePackage.size());
        Map<String, Integer> firstWithId = new HashMap<>();
        for (int i = 0; i < samePackage.size(); i++) {
            for (String id : ids(samePackage.get(i))) {
                Integer first = firstWithId.putIfAbsent(id, i);
                if (first != null) {
                    issues.union(first, i);
                }
            }
        }
        Map<Integer, List<Finding>> byIssue = new LinkedHashMap<>();
        for (int i = 0; i < samePackage.size(); i++) {
            byIssue.computeIfAbsent(issues.find(i), root -> new ArrayList<>()).add(samePackage.get(i));
        }
        for (List<Finding> sameIssue : byIssue.values()) {
            Set<String> ids = new TreeSet<>();
            sameIssue.forEach(finding -> ids.addAll(ids(finding)));
            String preferredId = FindingIds.preferred(ids);
            Finding any = sameIssue.get(0);
            byVersion(sameIssue).forEach((version, sameVersion) -> groups.add(new FindingMerger.Group(
                    prefix(any) + preferredId + "|" + packagePart(any) + (PackageId.parse(any.component()) == null ? "" : "@" + version),
                    sameVersion)));
        }
    }

    /** The issue's findings by version; the versionless ones with the one version when there is exactly one. */
    private static Map<String, List<Finding>> byVersion(List<Finding> sameIssue) {
        TreeMap<String, List<Finding>> byVersion = new TreeMap<>();
        for (Finding finding : sameIssue) {
            byVersion.computeIfAbsent(version(finding), version -> new ArrayList<>()).add(finding);
        }
        List<Finding> versionless = byVersion.remove("");
        if (versionless != null) {
            if (byVersion.size() == 1) {
                byVersion.firstEntry().getValue().addAll(versionless);
            } else {
                byVersion.put("", versionless);
            }
        }
        return byVersion;
    }

    private static String prefix(Finding finding) {
        return finding.kind() == FindingKind.LICENSE ? "license:" : "dep:";
    }

    /** The package without its version; a component that is no purl or coordinate as written; no component: the path. */
    private String packagePart(Finding finding) {
        PackageId id = PackageId.parse(finding.component());
        if (id != null) {
            return id.packageKey();
        }
        if (finding.component() != null && !finding.component().isBlank()) {
            return "component:" + finding.component().strip();
        }
        return "path:" + paths.normalize(finding.path());
    }

    /** Exact after trimming and dropping a "v" before the first digit ("v2.14.1" is "2.14.1"); empty when unknown. */
    private static String version(Finding finding) {
        PackageId id = PackageId.parse(finding.component());
        return id == null ? "" : V_BEFORE_DIGIT.matcher(id.version().strip()).replaceFirst("");
    }

    private static Set<String> ids(Finding finding) {
        Set<String> ids = new TreeSet<>();
        addNormalized(ids, finding.id());
        finding.aliases().forEach(alias -> addNormalized(ids, alias));
        return ids;
    }

    private static void addNormalized(Set<String> ids, String id) {
        String normalized = FindingIds.normalize(id);
        if (normalized != null) {
            ids.add(normalized);
        }
    }
}
