package dev.securebuild.findings.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.output.FindingsOutputs;
import dev.securebuild.findings.output.FindingsSummary;
import dev.securebuild.findings.output.LogTable;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.text.LogLine;
import dev.securebuild.shared.text.Printable;

/**
 * What a run of the scanner gate decided, in the words the build shows: the log lines, the result for the release gate,
 * and the failure message.
 *
 * @param result         what the check decided; null when it did not apply (every module had nothing to scan)
 * @param output         the folder the outputs were written to
 * @param modules        the modules the check covered ({@code groupId:artifactId})
 * @param moduleOfReport for a check of several modules, the module of each report (as the outputs name reports); else empty
 * @param nothingToScan  when it did not apply to one module, why it had nothing to scan; else null
 */
public record FindingsVerdict(CheckResult result, Path output, List<String> modules, Map<String, String> moduleOfReport, String nothingToScan) {

    public FindingsVerdict {
        modules = List.copyOf(modules);
        moduleOfReport = Map.copyOf(moduleOfReport);
    }

    /** The check of modules that all had nothing to scan and no report: no outputs, nothing decided. */
    static FindingsVerdict notApplicable(List<String> modules, Path output, String nothingToScan) {
        return new FindingsVerdict(null, output, modules, Map.of(), nothingToScan);
    }

    /** Whether the check applied: some module had code, or a report. */
    public boolean applies() {
        return result != null;
    }

    /** Passed, or did not apply: nothing blocks. */
    public boolean passed() {
        return result == null || result.passed();
    }

    /** findings.json, which the release gate's result points to; null when the check did not apply. */
    public Path json() {
        return result == null ? null : output.resolve(FindingsOutputs.JSON);
    }

    /** "The scanner gate failed: 2 finding(s) block and 1 policy violation(s)". */
    public String failureReasons() {
        return "The scanner gate failed: " + LogTable.failureReasons(result);
    }

    /** The build's error when the gate failed, pointing to report.html. */
    public String failure() {
        return failureReasons() + ". Details: " + output.resolve(FindingsOutputs.HTML);
    }

    /** What the release gate reads: a failure warns only when the build is told not to fail on it. */
    public GoalResult.Verdict goalVerdict(boolean failOnViolation) {
        if (result == null) {
            return GoalResult.Verdict.NOT_APPLICABLE;
        }
        return passed() ? GoalResult.Verdict.PASS : failOnViolation ? GoalResult.Verdict.FAIL : GoalResult.Verdict.WARN;
    }

    /** The one-line summary of the release gate's result. */
    public String summary() {
        if (result == null) {
            return "Not applicable: nothing to scan (" + (nothingToScan != null ? nothingToScan : "no module of the check has code or a report") + ")";
        }
        return passed() ? LogTable.verdictLine(result, output) : failureReasons();
    }

    /**
     * The exceptions that cleared findings; for a check of several modules each names the modules of the reports
     * whose findings it cleared, so that the release gate lists it against those and no others.
     */
    public List<GoalResult.ResultException> usedExceptions() {
        if (result == null) {
            return List.of();
        }
        List<GoalResult.ResultException> used = FindingsSummary.usedExceptions(result);
        if (moduleOfReport.isEmpty()) {
            return used;
        }
        List<GoalResult.ResultException> placed = new ArrayList<>();
        for (GoalResult.ResultException e : used) {
            Set<String> applied = new LinkedHashSet<>();
            for (Decision decision : result.decisions()) {
                if (decision.outcome() == Outcome.EXCEPTED && e.id().equals(decision.exceptionId())) {
                    decision.finding().evidence().stream().map(Finding::report).map(moduleOfReport::get).filter(m -> m != null).forEach(applied::add);
                }
            }
            List<String> ordered = modules.stream().filter(applied::contains).toList();
            placed.add(new GoalResult.ResultException(e.id(), e.reason(), e.approvedBy(), e.expires(), ordered));
        }
        return placed;
    }

    /** What was read, the tables of blocking and warning findings, exceptions used, violations, warnings, and the verdict. */
    public List<LogLine> logLines(int maxRows) {
        List<LogLine> lines = new ArrayList<>();
        if (result == null) {
            lines.add(LogLine.info(Printable.of(summary() + ": no outputs written; the release gate counts findings as not applicable for "
                    + String.join(", ", modules))));
            return lines;
        }
        lines.add(LogLine.info(LogTable.readLine(result)));
        LogTable.lines(result, maxRows).forEach(line -> lines.add(LogLine.error(line)));
        LogTable.warningLines(result, maxRows).forEach(line -> lines.add(LogLine.warn(line)));
        LogTable.exceptionLines(result).forEach(line -> lines.add(LogLine.info(line)));
        result.violations().forEach(violation -> lines.add(LogLine.error("Policy violation: " + Printable.of(violation))));
        result.warnings().forEach(warning -> lines.add(LogLine.warn(Printable.of(warning))));
        String verdict = LogTable.verdictLine(result, output);
        lines.add(passed() ? LogLine.info(verdict) : LogLine.error(verdict));
        return lines;
    }
}
