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

    /**
     * The preferred id: for a vulnerability the smallest CVE when any tool gave one, else the smallest id (as the merge
     * key chooses); for code the primary finding's rule.
     */
    public String id() {
        return kind() == FindingKind.DEPENDENCY || kind() == FindingKind.LICENSE ? FindingIds.preferred(ids()) : primary().id();
    }

    /** Every id and alias the tools gave, advisory ids in one spelling (CVE upper case, GHSA as GitHub writes it), sorted. */
    public Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        for (Finding finding : evidence) {
            ids.add(spelling(finding.id()));
            finding.aliases().forEach(alias -> ids.add(spelling(alias)));
        }
        return ids;
    }

    private static final java.util.regex.Pattern ADVISORY = java.util.regex.Pattern.compile("(?i)^(CVE|GHSA|CWE|OSV|PYSEC|RUSTSEC|GO|GSD)-.*");

    private static String spelling(String id) {
        return ADVISORY.matcher(id.strip()).matches() ? FindingIds.normalize(id) : id.strip();
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
