package dev.securebuild.provenance.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.securebuild.shared.ci.WorkflowCommand;
import dev.securebuild.shared.text.LogLine;
import dev.securebuild.shared.text.Printable;

/**
 * What a run of the release gate decided, in the words the build shows: the log lines, the security event to record,
 * and the failure message when the release is blocked.
 *
 * @param output the folder the reports were written to
 */
public record ReleaseGateOutcome(GateDecision decision, Path output) {

    public static final String APPROVED = "release.approved";
    public static final String BLOCKED = "release.blocked";

    /** One security event: its type, its fields and its sentence. */
    public record Event(String type, Map<String, Object> fields, String message) {}

    /** NO-GO, or GO-WITH-EXCEPTIONS that needs an approval nobody gave. */
    public boolean blocked() {
        return decision.blocked();
    }

    /** The build's error when blocked, pointing to release-gate.md. */
    public String failure() {
        return GateReports.headline(decision) + ": " + String.join("; ", decision.reasons()) + ". Details: "
                + output.resolve(GateReports.MARKDOWN_FILE);
    }

    /**
     * Each module's checks; the reasons, at the level of what they do (an error when it blocks the release, a warning
     * for an exception); the waivers applied and the exceptions accepted (the policy's own decisions, not errors); what in
     * the policy did nothing; and the headline. Module names, reasons and exceptions come from result files and
     * policies: escaped, as every input.
     */
    public List<LogLine> logLines() {
        List<LogLine> lines = new ArrayList<>();
        for (GateDecision.Module module : decision.modules()) {
            StringBuilder line = new StringBuilder(module.module()).append(':');
            module.checks().forEach(c -> line.append(' ').append(c.check()).append('=').append(c.status().label()));
            lines.add(LogLine.info(Printable.of(line)));
        }
        for (String reason : decision.reasons()) {
            lines.add(decision.blocking().contains(reason) ? LogLine.error(Printable.of(reason)) : LogLine.warn(Printable.of(reason)));
        }
        Map<List<String>, List<String>> waived = new LinkedHashMap<>(); // [check, reason]: the modules it was waived for
        for (GateDecision.Module module : decision.modules()) {
            module.checks().stream().filter(c -> c.status() == GateDecision.Status.WAIVED).forEach(c -> waived.computeIfAbsent(
                    List.of(c.check(), c.waiver()), k -> new ArrayList<>()).add(module.module()));
        }
        waived.forEach((waiver, modules) -> lines.add(LogLine.info(Printable.of("Waived " + waiver.get(0) + " for " + String.join(", ", modules)
                + ": " + waiver.get(1)))));
        for (GateDecision.Exception e : decision.exceptions()) {
            lines.add(LogLine.info(Printable.of("Exception " + e.id() + " (" + e.module() + ", " + e.check() + "): approved by " + e.approvedBy()
                    + ", expires " + e.expires() + ": " + e.reason())));
        }
        decision.warnings().forEach(warning -> lines.add(LogLine.warn(Printable.of(warning))));
        if (!decision.notGated().isEmpty()) {
            lines.add(LogLine.info(Printable.of(GateReports.notGatedSentence(decision))));
        }
        String headline = GateReports.headline(decision) + ". Reports: " + output.resolve(GateReports.MARKDOWN_FILE) + ", "
                + GateReports.JSON_FILE + ", " + GateReports.HTML_FILE;
        lines.add(decision.blocked() ? LogLine.error(Printable.of(headline)) : LogLine.info(Printable.of(headline)));
        return lines;
    }

    /**
     * The decision as CI annotations, at the top-level POM: each reason that blocks the release an error, every other
     * reason, exception in force and policy warning (an approval or exception about to expire) a warning.
     */
    public List<WorkflowCommand> annotations(Path repositoryRoot, Path pom) {
        List<WorkflowCommand> commands = new ArrayList<>();
        String title = "secure-build: " + GateReports.headline(decision);
        for (String reason : decision.reasons()) {
            commands.add(WorkflowCommand.of(decision.blocking().contains(reason) ? WorkflowCommand.Level.ERROR : WorkflowCommand.Level.WARNING,
                    reason).titled(title).at(repositoryRoot, pom, 0));
        }
        for (GateDecision.Exception e : decision.exceptions()) {
            commands.add(WorkflowCommand.of(WorkflowCommand.Level.WARNING, "Exception " + e.id() + " is in force for " + e.module() + " ("
                    + e.check() + "): " + e.reason() + "; approved by " + e.approvedBy() + ", expires " + e.expires())
                    .titled("secure-build exception in force").at(repositoryRoot, pom, 0));
        }
        for (String warning : decision.warnings()) {
            commands.add(WorkflowCommand.of(WorkflowCommand.Level.WARNING, warning).titled(title).at(repositoryRoot, pom, 0));
        }
        return commands;
    }

    /** The decision as release-gate.md has it, for the job summary. */
    public String markdown() {
        return GateReports.markdown(decision);
    }

    /** The HTML report, which lists everything. */
    public Path htmlReport() {
        return output.resolve(GateReports.HTML_FILE);
    }

    /** release.approved for an approved GO-WITH-EXCEPTIONS, release.blocked for what stops the release; nothing otherwise. */
    public Optional<Event> event() {
        if (!decision.approved() && !decision.blocked()) {
            return Optional.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("decision", decision.decision().label());
        fields.put("version", decision.version());
        String reasons = String.join("; ", decision.reasons());
        if (decision.approved()) {
            fields.put("ticket", decision.approval().ticket());
            fields.put("approvedBy", decision.approval().approvedBy());
            fields.put("exceptions", decision.exceptions().size());
            fields.put("report", output.resolve(GateReports.JSON_FILE).toString());
            return Optional.of(new Event(APPROVED, fields, "Release with exceptions approved by " + decision.approval().approvedBy()
                    + " under " + decision.approval().ticket() + ": " + reasons));
        }
        fields.put("approvalRequired", decision.approval().required());
        fields.put("reasons", decision.reasons().size());
        fields.put("report", output.resolve(GateReports.JSON_FILE).toString());
        return Optional.of(new Event(BLOCKED, fields, GateReports.headline(decision) + ": " + reasons));
    }
}
