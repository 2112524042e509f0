package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.events.EventLogLocation;

/**
 * The security event log as the goals write it, at the file {@link EventLogLocation} names, optionally echoed to the
 * Maven log for log shippers; docs/events.md lists the events. One failure policy: a log that cannot be written fails
 * the goal ({@link #record}), unless the event is about a failure the goal reports anyway ({@link #append}): that
 * failure stays the one reported, and the log's problem is logged as an error beside it.
 */
final class SecurityEventLogs {

    private SecurityEventLogs() {}

    /** @param log the goal's log: its secrets are kept out of the event log too ({@link RedactingLog#secretsOf}) */
    static EventLog open(Path file, boolean toMavenLog, Log log) {
        return new EventLog(file, Clock.systemUTC(), toMavenLog ? log::warn : null, RedactingLog.secretsOf(log));
    }

    /** Appends an event about a failure the goal reports next: a log that cannot be written is logged, never hides it. */
    static void append(EventLog events, MavenProject project, String type, Map<String, ?> fields, String message, Log log) {
        try {
            events.append(type, projectId(project), fields, message);
        } catch (IOException e) {
            log.error("Could not write the security event log " + events.file() + ": " + e.getMessage());
        }
    }

    /** Appends an event the goal's success depends on: a log that cannot be written fails the goal. */
    static void record(EventLog events, MavenProject project, String type, Map<String, ?> fields, String message) throws MojoExecutionException {
        try {
            events.record(type, projectId(project), fields, message);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private static String projectId(MavenProject project) {
        return project == null ? "" : project.getGroupId() + ":" + project.getArtifactId();
    }
}
