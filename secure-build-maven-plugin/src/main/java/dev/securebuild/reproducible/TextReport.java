package dev.securebuild.reproducible;

import java.util.ArrayList;
import java.util.List;

import dev.securebuild.shared.text.Printable;

/**
 * The report a person reads: each output's status, then each difference with its cause and fix, most telling first.
 * Every line is {@link Printable}: control characters from the inputs are shown escaped.
 */
public final class TextReport {

    private TextReport() {}

    /** The whole report: every difference, with its details. */
    public static String full(ComparisonReport report) {
        return String.join("\n", lines(report, Integer.MAX_VALUE, true)) + "\n";
    }

    /** For the build log: at most {@code perArtifact} differences per output, without the details. */
    public static List<String> summary(ComparisonReport report, int perArtifact) {
        return lines(report, perArtifact, false);
    }

    private static List<String> lines(ComparisonReport report, int perArtifact, boolean details) {
        List<String> lines = new ArrayList<>();
        lines.add("Compared " + report.left() + " (left) with " + report.right() + " (right): " + report.summaryLine());
        report.notes().forEach(note -> lines.add("Note: " + note));
        for (ArtifactComparison artifact : report.artifacts()) {
            lines.add(String.format("%-10s %s", artifact.status(), artifact.name())
                    + (artifact.ignoredBecause() == null ? "" : " (ignored: " + artifact.ignoredBecause() + ")"));
            if (artifact.differences().size() > 1) {
                lines.add("  " + artifact.differences().size() + " differences: " + byKind(artifact.differences()));
            }
            int shown = 0;
            for (Difference difference : artifact.differences()) {
                if (shown++ == perArtifact) {
                    lines.add("    ... " + (artifact.differences().size() - perArtifact) + " more difference(s) in the report");
                    break;
                }
                String where = difference.location().equals(artifact.name()) ? "" : " " + inner(difference.location(), artifact.name());
                lines.add("  - " + difference.kind().label() + where + ": " + difference.summary());
                if (details) {
                    difference.details().forEach(line -> lines.add("        " + line));
                }
                if (difference.explanation() != null) {
                    lines.add("    cause: " + difference.explanation().cause());
                    lines.add("    fix:   " + difference.explanation().fix());
                    if (difference.explanation().producedBy() != null) {
                        lines.add("    made by: " + difference.explanation().producedBy());
                    }
                }
            }
        }
        // Names, text-diff lines and values come from the inputs: a newline or an escape sequence in them must not
        // make a line of its own in the log or the report.
        lines.replaceAll(Printable::of);
        return lines;
    }

    /** "197 class content, 9 manifest attribute, ...", in the report's order of importance. */
    private static String byKind(List<Difference> differences) {
        java.util.Map<DifferenceKind, Long> counts = new java.util.EnumMap<>(DifferenceKind.class);
        differences.forEach(d -> counts.merge(d.kind(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String inner(String location, String artifact) {
        return location.startsWith(artifact + "!/") ? location.substring(artifact.length() + 2) : location;
    }
}
