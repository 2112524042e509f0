package dev.securebuild.reproducible;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.securebuild.shared.ci.WorkflowCommand;

/**
 * A comparison as CI shows it: one annotation per output that differs or is missing, at the POM of the module that
 * made it, with its first difference and that difference's cause and fix. An error when the goal fails on a
 * difference, a warning when it only reports.
 */
public final class DifferenceAnnotations {

    private DifferenceAnnotations() {}

    /** @param pomOf the POM of the module that made an output, by the output's name; null when not known (the caller's POM then) */
    public static List<WorkflowCommand> commands(ComparisonReport report, boolean fails, Path repositoryRoot, Function<String, Path> pomOf) {
        List<WorkflowCommand> commands = new ArrayList<>();
        for (ArtifactComparison artifact : report.artifacts()) {
            if (!artifact.fails()) {
                continue;
            }
            StringBuilder message = new StringBuilder(artifact.status().name()).append(' ').append(artifact.name());
            if (!artifact.differences().isEmpty()) {
                Difference first = artifact.differences().get(0);
                message.append(": ").append(artifact.differences().size()).append(" difference(s); first, ").append(first.kind().label())
                        .append(' ').append(first.location()).append(": ").append(first.summary());
                if (first.explanation() != null) {
                    message.append(". Cause: ").append(first.explanation().cause()).append(". Fix: ").append(first.explanation().fix());
                }
            }
            WorkflowCommand command = WorkflowCommand.of(fails ? WorkflowCommand.Level.ERROR : WorkflowCommand.Level.WARNING, message.toString())
                    .titled("secure-build " + report.goal() + ": " + artifact.name() + " is not reproducible");
            commands.add(command.at(repositoryRoot, pomOf.apply(artifact.name()), 0));
        }
        return commands;
    }
}
