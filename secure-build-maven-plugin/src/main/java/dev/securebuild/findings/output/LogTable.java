package dev.securebuild.findings.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.ExceptionState;
import dev.securebuild.findings.ExceptionStatus;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.PackageId;

/**
 * The short tables of blocking and of warning findings for the Maven log: plain text, fixed width, lines of at most {@link #WIDTH}
 * characters, at most a given number of rows and then how many more there are. Long cells end in "…"; the full text
 * is in the reports.
 */
public final class LogTable {

    public static final int DEFAULT_ROWS = 20;
    public static final int WIDTH = 200;

    private static final String[] BLOCKING_HEADERS = {"id", "severity", "where", "tools", "why it blocks"};
    private static final String[] WARNING_HEADERS = {"id", "severity", "where", "tools", "why it only warns"};
    /** The most each column but the last may take; the last takes what is left of the line. */
    private static final int[] MAX = {36, 8, 56, 36};
    private static final String GAP = "  ";
    private static final int WHERE = 2;

    private LogTable() {}

    public static List<String> lines(CheckResult result) {
        return lines(result, DEFAULT_ROWS);
    }

    /** What was read and how much merging left, and by which policy. */
    public static String readLine(CheckResult result) {
        return "Read " + result.raw() + " finding(s) from " + result.reports().size() + " report(s), " + result.merged()
                + " after merging the same issue seen by several tools; policy: " + result.policy();
    }

    /** One line per exception that cleared findings, naming who approved it. */
    public static List<String> exceptionLines(CheckResult result) {
        List<String> lines = new ArrayList<>();
        for (ExceptionStatus status : result.exceptions()) {
            if (status.state() == ExceptionState.USED) {
                lines.add("Exception " + status.id() + " cleared " + status.matched() + " finding(s): " + status.message() + ", approved by "
                        + status.approvedBy() + " (" + status.justification() + ")");
            }
        }
        return lines;
    }

    /** The verdict with its counts, and where the reports are. */
    public static String verdictLine(CheckResult result, Path reports) {
        FindingsSummary summary = FindingsSummary.of(result);
        return (result.passed() ? "PASS" : "FAIL") + ": " + summary.count(Outcome.BLOCKING) + " blocking, " + summary.count(Outcome.WARNING)
                + " warning(s), " + summary.cleared() + " cleared (by an exception, VEX or a suppression in the report), "
                + result.violations().size() + " policy violation(s). Reports: " + reports;
    }

    /** Why a failed check failed, for the build's error: "2 finding(s) block and 1 policy violation(s)". */
    public static String failureReasons(CheckResult result) {
        List<String> reasons = new ArrayList<>();
        if (result.blocking() > 0) {
            reasons.add(result.blocking() + " finding(s) block");
        }
        if (!result.violations().isEmpty()) {
            reasons.add(result.violations().size() + " policy violation(s)");
        }
        return String.join(" and ", reasons);
    }

    /** The table of blocking findings; nothing when none blocks. */
    public static List<String> lines(CheckResult result, int maxRows) {
        return table(result, Outcome.BLOCKING, BLOCKING_HEADERS, maxRows);
    }

    /** The table of findings below the threshold: listed, never hidden; nothing when there are none. */
    public static List<String> warningLines(CheckResult result, int maxRows) {
        return table(result, Outcome.WARNING, WARNING_HEADERS, maxRows);
    }

    private static List<String> table(CheckResult result, Outcome outcome, String[] headers, int maxRows) {
        List<String> lines = new ArrayList<>();
        List<Decision> listed = result.decisions().stream().filter(d -> d.outcome() == outcome).toList();
        if (listed.isEmpty()) {
            return lines;
        }
        List<String[]> rows = new ArrayList<>();
        for (Decision decision : listed.subList(0, Math.min(maxRows, listed.size()))) {
            MergedFinding finding = decision.finding();
            rows.add(new String[] {finding.id(), Labels.of(finding.severity()), where(finding), String.join(", ", finding.tools()), decision.reason()});
        }
        int[] widths = widths(headers, rows);
        lines.add(line(headers, widths));
        lines.add(line(dashes(widths), widths));
        rows.forEach(row -> lines.add(line(row, widths)));
        if (listed.size() > maxRows) {
            lines.add("and " + (listed.size() - maxRows) + " more: see report.html");
        }
        return lines;
    }

    /** A Maven package as groupId:artifactId:version, shorter than its package URL; anything else as the finding says. */
    private static String where(MergedFinding finding) {
        PackageId id = PackageId.parse(finding.primary().component());
        if (id != null && id.type().equals("maven") && !id.version().isEmpty()) {
            return id.namespace() + ":" + id.name() + ":" + id.version();
        }
        return finding.where();
    }

    /** Each column as wide as its widest cell, within its maximum; the last one gets the rest of the line. */
    private static int[] widths(String[] headers, List<String[]> rows) {
        int[] widths = new int[headers.length];
        for (int column = 0; column < headers.length; column++) {
            widths[column] = headers[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], oneLine(row[column]).length());
            }
        }
        int used = 0;
        for (int column = 0; column < MAX.length; column++) {
            widths[column] = Math.min(widths[column], MAX[column]);
            used += widths[column] + GAP.length();
        }
        widths[headers.length - 1] = Math.min(widths[headers.length - 1], WIDTH - used);
        return widths;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            // The where column keeps both ends: a path's file name and line, a package's version.
            String cell = column == WHERE ? fitMiddle(oneLine(cells[column]), widths[column]) : fit(oneLine(cells[column]), widths[column]);
            line.append(cell);
            if (column < cells.length - 1) {
                line.append(" ".repeat(widths[column] - cell.length())).append(GAP);
            }
        }
        return line.toString().stripTrailing();
    }

    private static String[] dashes(int[] widths) {
        String[] dashes = new String[widths.length];
        for (int column = 0; column < widths.length; column++) {
            dashes[column] = "-".repeat(widths[column]);
        }
        return dashes;
    }

    private static String fitMiddle(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int head = (width - 1) / 2;
        int tail = width - 1 - head;
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }

    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
