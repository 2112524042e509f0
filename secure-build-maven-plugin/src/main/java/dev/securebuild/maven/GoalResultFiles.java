package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.ci.CiOutput;
import dev.securebuild.shared.secrets.Redaction;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.results.GoalResults;

/**
 * How a goal records what it decided for the release gate: {@code target/secure-build/results/<goal>.json} of the
 * project (docs/release-gate.md). A result that cannot be written is reported in the log but does not replace the
 * goal's own outcome: the gate then finds no result, which blocks the release unless the check is waived.
 * Unlike the security event log ({@link dev.securebuild.shared.events.EventLogLocation}: one file for the build), a
 * result stays with the project it is about: one file per goal and project, which the gate reads from each module,
 * and a goal that acts for the reactor writes its one result in the top-level project.
 */
final class GoalResultFiles {

    private GoalResultFiles() {}

    static String key(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }

    static void pass(MavenSession session, MavenProject project, String check, String goal, String summary, Path details, Log log) {
        write(session, project, project == null ? List.of() : List.of(project), check, goal, GoalResult.Verdict.PASS, summary, List.of(), details, log);
    }

    static void fail(MavenSession session, MavenProject project, String check, String goal, String summary, Path details, Log log) {
        write(session, project, project == null ? List.of() : List.of(project), check, goal, GoalResult.Verdict.FAIL, summary, List.of(), details, log);
    }

    /** A pass that says whether the sources built were those of a commit (provenance, verify-provenance). */
    static void pass(MavenSession session, MavenProject project, String check, String goal, String summary, Path details,
                     GoalResult.SourceTree sourceTree, Log log) {
        write(session, project, project == null ? List.of() : List.of(project), check, goal, GoalResult.Verdict.PASS, summary, List.of(),
                details, sourceTree, false, log);
    }

    /**
     * @param project where the result is written (the top-level project for a goal that acts for the whole reactor)
     * @param modules the modules the result covers
     */
    static void write(MavenSession session, MavenProject project, Collection<MavenProject> modules, String check, String goal,
                      GoalResult.Verdict verdict, String summary, List<GoalResult.ResultException> exceptions, Path details, Log log) {
        write(session, project, modules, check, goal, verdict, summary, exceptions, details, null, false, log);
    }

    /** As {@link #write}, by a goal that annotates each item it found itself: its failure gets no annotation of its own. */
    static void writeItemised(MavenSession session, MavenProject project, Collection<MavenProject> modules, String check, String goal,
                              GoalResult.Verdict verdict, String summary, List<GoalResult.ResultException> exceptions, Path details, Log log) {
        write(session, project, modules, check, goal, verdict, summary, exceptions, details, null, true, log);
    }

    private static void write(MavenSession session, MavenProject project, Collection<MavenProject> modules, String check, String goal,
                              GoalResult.Verdict verdict, String summary, List<GoalResult.ResultException> exceptions, Path details,
                              GoalResult.SourceTree sourceTree, boolean itemised, Log log) {
        if (project == null || project.getBasedir() == null || project.getBuild() == null || project.getBuild().getDirectory() == null) {
            return; // no project (a goal run in a plain folder): there is no release to gate
        }
        GoalResult result = new GoalResult(check, goal, key(project), modules.stream().map(GoalResultFiles::key).distinct().toList(),
                project.getVersion(), Instant.now().truncatedTo(ChronoUnit.MILLIS), verdict, Redaction.redactPieces(firstLine(summary)),
                exceptions, details == null ? null : details.toString(), sourceTree);
        Path folder = GoalResults.folder(Path.of(project.getBuild().getDirectory()));
        try {
            Path file = GoalResults.write(folder, result, RedactingLog.secretsOf(log));
            log.debug("Result for the release gate: " + file + " (" + verdict.label() + ")");
        } catch (IOException | RuntimeException e) {
            log.error("Could not write the result for the release gate in " + folder + ": " + e.getMessage());
        }
        if (session != null) {
            CiOutput.of(session, RedactingLog.secretsOf(log)).result(result, project.getFile() == null ? null : project.getFile().toPath(), itemised)
                    .ifPresent(log::warn);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
