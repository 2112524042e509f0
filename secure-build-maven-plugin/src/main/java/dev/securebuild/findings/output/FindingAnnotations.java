package dev.securebuild.findings.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;
import dev.securebuild.shared.ci.WorkflowCommand;
import dev.securebuild.shared.text.Markdown;

/**
 * The check as CI shows it: an annotation per blocking finding (an error) and per warning and finding cleared by an
 * exception (a warning), at the file and line the tool named when that file is in the repository, else at the POM; and
 * the job summary's section, the blocking findings as a table.
 */
public final class FindingAnnotations {

    /** Rows of the job summary's table; the report has every one. */
    static final int SUMMARY_ROWS = 20;

    private FindingAnnotations() {}

    /**
     * @param repositoryRoot the folder the annotations are placed relative to
     * @param pom            the checked project's POM, where findings without a file and policy violations are shown
     */
    public static List<WorkflowCommand> commands(CheckResult result, FindingPlaces places, Path repositoryRoot, Path pom) {
        List<WorkflowCommand> commands = new ArrayList<>();
        for (Decision decision : result.decisions()) {
            WorkflowCommand.Level level;
            String what;
            if (decision.outcome() == Outcome.BLOCKING) {
                level = WorkflowCommand.Level.ERROR;
                what = "blocks the build: " + decision.reason();
            } else if (decision.outcome() == Outcome.WARNING) {
                level = WorkflowCommand.Level.WARNING;
                what = "a warning: " + decision.reason();
            } else if (decision.outcome() == Outcome.EXCEPTED) {
                level = WorkflowCommand.Level.WARNING;
                what = "allowed by exception " + decision.exceptionId() + ": " + decision.reason();
            } else {
                continue;
            }
            MergedFinding finding = decision.finding();
            Finding primary = finding.primary();
            String message = primary.message() + " (" + what + "; " + String.join(", ", finding.tools()) + ", " + LogTable.where(finding) + ")";
            WorkflowCommand command = WorkflowCommand.of(level, message).titled(finding.id() + " " + Labels.of(finding.severity()));
            commands.add(places.fileOf(primary).map(file -> command.at(repositoryRoot, file, primary.line()))
                    .orElseGet(() -> command.at(repositoryRoot, pom, 0)));
        }
        for (String violation : result.violations()) {
            commands.add(WorkflowCommand.of(WorkflowCommand.Level.ERROR, violation).titled("secure-build policy violation").at(repositoryRoot, pom, 0));
        }
        for (String warning : result.warnings()) {
            commands.add(WorkflowCommand.of(WorkflowCommand.Level.WARNING, warning).titled("secure-build check-findings").at(repositoryRoot, pom, 0));
        }
        return commands;
    }

    /** The job summary's section: the verdict, and the blocking findings as a table (the first {@link #SUMMARY_ROWS}). */
    public static String markdown(CheckResult result, String project, String report) {
        StringBuilder md = new StringBuilder("### check-findings ").append(Markdown.code(project)).append(": ")
                .append(result.passed() ? "passed" : "failed").append("\n\n");
        md.append(Markdown.text(LogTable.readLine(result))).append("\n\n");
        List<Decision> blocking = result.decisions().stream().filter(d -> d.outcome() == Outcome.BLOCKING).toList();
        if (!blocking.isEmpty()) {
            md.append("| Finding | Severity | Where | Tools | Why it blocks |\n| --- | --- | --- | --- | --- |\n");
            for (Decision decision : blocking.subList(0, Math.min(SUMMARY_ROWS, blocking.size()))) {
                MergedFinding finding = decision.finding();
                md.append("| ").append(Markdown.text(finding.id())).append(" | ").append(Labels.of(finding.severity())).append(" | ")
                        .append(Markdown.code(LogTable.where(finding))).append(" | ").append(Markdown.text(String.join(", ", finding.tools())))
                        .append(" | ").append(Markdown.text(decision.reason())).append(" |\n");
            }
            if (blocking.size() > SUMMARY_ROWS) {
                md.append("\nand ").append(blocking.size() - SUMMARY_ROWS).append(" more\n");
            }
            md.append('\n');
        }
        result.violations().forEach(v -> md.append("- Policy violation: ").append(Markdown.text(v)).append('\n'));
        md.append("\nEvery finding: ").append(Markdown.code(report)).append('\n');
        return md.toString();
    }
}
