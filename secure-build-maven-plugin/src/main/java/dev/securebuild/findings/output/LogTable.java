package dev.securebuild.findings.output;

import java.util.ArrayList;
import java.util.List;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.MergedFinding;

/**
 * The short table of blocking findings for the Maven log: plain text, fixed width, lines of at most {@link #WIDTH}
 * characters, at most a given number of rows and then how many more there are. Long cells end in "…"; the full text
 * is in the reports.
 */
public final class LogTable {

    public static final int DEFAULT_ROWS = 20;
    public static final int WIDTH = 160;

    private static final String[] HEADERS = {"id", "severity", "where", "tools", "why it blocks"};
    /** The most each column but the last may take; the last takes what is left of the line. */
    private static final int[] MAX = {28, 8, 56, 24};
    private static final String GAP = "  ";

    private LogTable() {}

    public static List<String> lines(CheckResult result) {
        return lines(result, DEFAULT_ROWS);
    }

    /** The table of blocking findings (nothing when none blocks), then the policy violations, one line each. */
    public static List<String> lines(CheckResult result, int maxRows) {
        List<String> lines = new ArrayList<>();
        List<Decision> blocking = result.decisions().stream().filter(d -> d.outcome().blocks()).toList();
        if (!blocking.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            for (Decision decision : blocking.subList(0, Math.min(maxRows, blocking.size()))) {
                MergedFinding finding = decision.finding();
                rows.add(new String[] {finding.id(), Labels.of(finding.severity()), finding.where(), String.join(",", finding.tools()),
                        decision.reason()});
            }
            int[] widths = widths(rows);
            lines.add(line(HEADERS, widths));
            lines.add(line(dashes(widths), widths));
            rows.forEach(row -> lines.add(line(row, widths)));
            if (blocking.size() > maxRows) {
                lines.add("and " + (blocking.size() - maxRows) + " more: see report.html");
            }
        }
        for (String violation : result.violations()) {
            lines.add(fit("policy violation: " + oneLine(violation), WIDTH));
        }
        return lines;
    }

    /** Each column as wide as its widest cell, within its maximum; the last one gets the rest of the line. */
    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADERS.length];
        for (int column = 0; column < HEADERS.length; column++) {
            widths[column] = HEADERS[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], oneLine(row[column]).length());
            }
        }
        int used = 0;
        for (int column = 0; column < MAX.length; column++) {
            widths[column] = Math.min(widths[column], MAX[column]);
            used += widths[column] + GAP.length();
        }
        widths[HEADERS.length - 1] = Math.min(widths[HEADERS.length - 1], WIDTH - used);
        return widths;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            String cell = fit(oneLine(cells[column]), widths[column]);
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

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
