package dev.securebuild.findings.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.securebuild.findings.CheckResult;
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
 * @param output the folder the outputs were written to
 */
public record FindingsVerdict(CheckResult result, Path output) {

    public boolean passed() {
        return result.passed();
    }

    /** findings.json, which the release gate's result points to. */
    public Path json() {
        return output.resolve(FindingsOutputs.JSON);
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
        return passed() ? GoalResult.Verdict.PASS : failOnViolation ? GoalResult.Verdict.FAIL : GoalResult.Verdict.WARN;
    }

    /** The one-line summary of the release gate's result. */
    public String summary() {
        return passed() ? LogTable.verdictLine(result, output) : failureReasons();
    }

    public List<GoalResult.ResultException> usedExceptions() {
        return FindingsSummary.usedExceptions(result);
    }

    /** What was read, the tables of blocking and warning findings, exceptions used, violations, warnings, and the verdict. */
    public List<LogLine> logLines(int maxRows) {
        List<LogLine> lines = new ArrayList<>();
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
