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
import dev.securebuild.shared.text.Printable;

/**
 * The short tables of blocking and of warning findings for the Maven log: plain text, fixed width, lines of at most
 * {@link #WIDTH} characters, at most a given number of rows and then how many more there are. An id or a location is
 * never cut: a user copies the id into a policy exception and clicks the path in CI, so one too long for its column
 * goes on a line of its own (the id before its row, the location after it). The tools and the reason end in "…" when
 * long; their full text is in the reports. Every text from a report is escaped ({@link Printable}): a rule id or a
 * path cannot forge a log line.
 */
public final class LogTable {

    public static final int DEFAULT_ROWS = 20;
    public static final int WIDTH = 200;

    private static final String[] BLOCKING_HEADERS = {"id", "severity", "where", "tools", "why it blocks"};
    private static final String[] WARNING_HEADERS = {"id", "severity", "where", "tools", "why it only warns"};
    /** The most each column but the last may take; the last takes what is left of the line. */
    private static final int[] MAX = {36, 8, 56, 36};
    private static final String GAP = "  ";
    private static final int ID = 0;
    private static final int WHERE = 2;
    /** A location on its own line is indented so, under its row. */
    private static final String LOCATION_INDENT = "    at ";

    private LogTable() {}

    public static List<String> lines(CheckResult result) {
        return lines(result, DEFAULT_ROWS);
    }

    /** What was read and how much merging left, and by which policy. */
    public static String readLine(CheckResult result) {
        return "Read " + result.raw() + " finding(s) from " + result.reports().size() + " report(s), " + result.merged()
                + " after merging the same issue seen by several tools; policy: " + Printable.of(result.policy());
    }

    /** One line per exception that cleared findings, naming who approved it. */
    public static List<String> exceptionLines(CheckResult result) {
        List<String> lines = new ArrayList<>();
        for (ExceptionStatus status : result.exceptions()) {
            if (status.state() == ExceptionState.USED) {
                lines.add(Printable.of("Exception " + status.id() + " cleared " + status.matched() + " finding(s): " + status.message() + ", approved by "
                        + status.approvedBy() + " (" + status.justification() + ")"));
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
            rows.add(new String[] {cell(finding.id()), Labels.of(finding.severity()), cell(where(finding)), cell(String.join(", ", finding.tools())),
                cell(decision.reason())});
        }
        int[] widths = widths(headers, rows);
        lines.add(line(headers, widths));
        lines.add(line(dashes(widths), widths));
        for (String[] row : rows) {
            String id = row[ID];
            String where = row[WHERE];
            boolean idAlone = id.length() > widths[ID];
            boolean whereAlone = where.length() > widths[WHERE];
            if (idAlone) {
                lines.add(id);
                row[ID] = "";
            }
            if (whereAlone) {
                row[WHERE] = "";
            }
            lines.add(line(row, widths));
            if (whereAlone) {
                lines.add(LOCATION_INDENT + where);
            }
        }
        if (listed.size() > maxRows) {
            lines.add("and " + (listed.size() - maxRows) + " more: see report.html");
        }
        return lines;
    }

    /** A Maven package as groupId:artifactId:version, shorter than its package URL; anything else as the finding says. */
    static String where(MergedFinding finding) {
        PackageId id = PackageId.parse(finding.primary().component());
        if (id != null && id.type().equals("maven") && !id.version().isEmpty()) {
            return id.namespace() + ":" + id.name() + ":" + id.version();
        }
        return finding.where();
    }

    /**
     * Each column as wide as its widest cell, within its maximum (an id or location too long for it, which goes on a
     * line of its own, does not widen its column); the last one gets the rest of the line.
     */
    private static int[] widths(String[] headers, List<String[]> rows) {
        int[] widths = new int[headers.length];
        for (int column = 0; column < headers.length; column++) {
            widths[column] = headers[column].length();
            for (String[] row : rows) {
                boolean alone = (column == ID || column == WHERE) && row[column].length() > MAX[column];
                widths[column] = alone ? widths[column] : Math.max(widths[column], row[column].length());
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
            String cell = fit(cells[column], widths[column]);
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

    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    /** A text as one line of the log: escaped, so that a line break or an escape sequence shows as such and forges nothing. */
    private static String cell(String text) {
        return text == null ? "" : Printable.of(text.strip());
    }
}
