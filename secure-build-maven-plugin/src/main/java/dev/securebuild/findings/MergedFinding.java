package dev.securebuild.findings;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One issue as several tools (or one tool several times) reported it: the evidence keeps each tool's finding.
 *
 * @param key       stable identity of the merged finding (an alias group and package, or a code location)
 * @param evidence  the findings merged, never empty; the first is the primary one (highest severity)
 */
public record MergedFinding(String key, List<Finding> evidence) {

    public MergedFinding {
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a merged finding needs evidence");
        }
        evidence = evidence.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }

    public Finding primary() {
        return evidence.get(0);
    }

    /** The preferred id: a CVE when any tool gave one, else the primary finding's id. */
    public String id() {
        return ids().stream().filter(id -> id.startsWith("CVE-")).findFirst().orElse(primary().id());
    }

    /** Every id and alias the tools gave, sorted. */
    public Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        for (Finding finding : evidence) {
            ids.add(finding.id());
            ids.addAll(finding.aliases());
        }
        return ids;
    }

    /** The highest severity any tool gave; UNKNOWN only when no tool gave one. */
    public Severity severity() {
        return primary().severity();
    }

    public Set<String> tools() {
        Set<String> tools = new LinkedHashSet<>();
        evidence.forEach(finding -> tools.add(finding.tool()));
        return tools;
    }

    public FindingKind kind() {
        return primary().kind();
    }

    /** The highest CVSS score a tool gave, or null. */
    public Finding highestScored() {
        return evidence.stream().filter(f -> f.cvssScore() != null).max(Comparator.comparing(Finding::cvssScore)).orElse(null);
    }

    /** The component of a dependency finding, or the path and line of a code finding, for tables. */
    public String where() {
        Finding primary = primary();
        if (primary.component() != null) {
            return primary.component();
        }
        if (primary.path() != null) {
            return primary.line() > 0 ? primary.path() + ":" + primary.line() : primary.path();
        }
        return "";
    }
}
