package dev.securebuild.allowlist.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.securebuild.allowlist.AllowListReport;
import dev.securebuild.allowlist.LintFinding;
import dev.securebuild.allowlist.ReportFailOn;
import dev.securebuild.shared.text.LogLine;

/**
 * What a run of the allow-list report decided, in the words the build shows.
 *
 * @param json where allowlist-report.json was written
 */
public record AllowlistReportOutcome(AllowListReport report, Path json, ReportFailOn failOn) {

    /** The table (failing components first), the lint of the lists, and the summary. */
    public List<LogLine> logLines(int maxRows) {
        List<LogLine> lines = new ArrayList<>();
        report.table(maxRows).forEach(line -> lines.add(LogLine.info(line)));
        List<LintFinding> lint = report.lint();
        if (lint.isEmpty()) {
            lines.add(LogLine.info("Lint of the allow-lists: nothing to report"));
        } else {
            lines.add(LogLine.warn("Lint of the allow-lists: " + lint.size() + " finding(s)"));
            lint.forEach(finding -> lines.add(LogLine.warn(finding.toString())));
        }
        lines.add(LogLine.info(report.summary() + "; report: " + json));
        return lines;
    }

    /** The build's failure when failOn matched something; empty when the report passes. */
    public Optional<String> failure() {
        List<String> reasons = failOn.reasons(report);
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("allowlist-report: failOn=" + String.join(",", failOn.names()) + " matched: " + String.join("; ", reasons)
                + ". Details: " + json);
    }
}
