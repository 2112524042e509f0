package dev.securebuild.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings of all reports into merged findings: one issue seen by several tools (or twice by one) becomes one
 * {@link MergedFinding} with each finding as evidence. Add findings as the readers produce them, then take the
 * {@link #result()}; the work is sorting and hashing, n log n, never a comparison of every pair.
 *
 * <p>Dependency findings (and license findings, by license id) are one issue when they are about the same package and
 * their id and alias sets meet, case aside: CVE-2021-44228 from one tool and GHSA-jfh8-c2jp-5v3q with alias
 * CVE-2021-44228 from another. Ids are joined within one package only, so a long alias list never joins packages.
 * Versions must be equal (after dropping a leading "v"); a finding whose component has no version joins the issue's
 * one version when there is exactly one. A component that is neither a purl nor a Maven coordinate is compared as
 * written; a finding without component is compared by its path (DependencyGrouping does this).
 *
 * <p>Code, secret and configuration findings are one issue when they are in the same file (an absolute path and a
 * relative one it ends with are one file), share the rule id or a CWE, and lie within {@code lineWindow} lines of the
 * group's first finding (CodeGrouping does this).
 *
 * <p>Keys are stable across runs and line shifts, and do not depend on the order of the reports:
 * <ul>
 *   <li>{@code dep:<id>|<type>:<namespace>/<name>@<version>}, where the id is the group's smallest CVE, else its
 *       smallest id ({@code license:} for license findings; {@code component:<text>} or {@code path:<path>} in place
 *       of the package when there is none);</li>
 *   <li>{@code code:<smallest CWE, else smallest rule id>|<file>|<12 hex of SHA-256 of the smallest fingerprint>}, with
 *       no line in it. The fingerprint tells apart two groups of one rule in one file; when even that is equal (the
 *       readers' message-based fingerprints of one rule in one file), the later groups in line order get
 *       {@code #2}, {@code #3}...</li>
 * </ul>
 * A key changes when the group's smallest id changes (an advisory gains an older CVE) or a tool is added whose
 * fingerprint is smaller: that is a new view of the issue, not a line shift.
 */
public final class FindingMerger {

    /** Lines two findings of one rule may be apart and still be one: |l1 - l2| <= 3. */
    public static final int DEFAULT_LINE_WINDOW = 3;

    /** A group before it becomes a merged finding: its key (maybe not unique yet) and its findings. */
    record Group(String key, List<Finding> evidence) {}

    private final SourcePaths paths;
    private final int lineWindow;
    private final List<Finding> dependencyFindings = new ArrayList<>();
    private final List<Finding> codeFindings = new ArrayList<>();

    public FindingMerger() {
        this(DEFAULT_LINE_WINDOW, null);
    }

    /**
     * @param lineWindow     how many lines a finding may be from a group's first line and join it; 0 for the same line
     * @param baseDirectory  the project directory, whose absolute paths are made relative; null when not known
     */
    public FindingMerger(int lineWindow, String baseDirectory) {
        if (lineWindow < 0) {
            throw new IllegalArgumentException("the line window must be 0 or more, not " + lineWindow);
        }
        this.lineWindow = lineWindow;
        this.paths = new SourcePaths(baseDirectory);
    }

    /** The findings merged with the default window and no base directory. */
    public static List<MergedFinding> merge(List<Finding> findings) {
        FindingMerger merger = new FindingMerger();
        findings.forEach(merger::add);
        return merger.result();
    }

    public void add(Finding finding) {
        FindingKind kind = finding.kind() == null ? FindingKind.CODE : finding.kind();
        switch (kind) {
            case DEPENDENCY, LICENSE -> dependencyFindings.add(finding);
            case CODE, SECRET, CONFIGURATION -> codeFindings.add(finding);
        }
    }

    /** The merged findings, sorted by key; each key is unique. */
    public List<MergedFinding> result() {
        List<Group> groups = new DependencyGrouping(paths).group(dependencyFindings);
        groups.addAll(new CodeGrouping(lineWindow, paths).group(codeFindings));
        Map<String, Integer> uses = new HashMap<>();
        List<MergedFinding> merged = new ArrayList<>(groups.size());
        for (Group group : groups) {
            int use = uses.merge(group.key(), 1, Integer::sum);
            merged.add(new MergedFinding(use == 1 ? group.key() : group.key() + "#" + use, group.evidence()));
        }
        merged.sort(Comparator.comparing(MergedFinding::key));
        return merged;
    }
}
