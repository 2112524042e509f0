package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.events.EventLog;

/**
 * The security event log as the goals configure it: parameter {@code eventLog} (property
 * {@code secure-build.eventLog}, by default {@code target/secure-build/security-events.jsonl}) and
 * {@code eventLogToMavenLog} (property {@code secure-build.eventLog.mavenLog}), which also prints each event as one
 * line of the Maven log for log shippers. docs/events.md lists the events.
 */
final class SecurityEventLogs {

    static final String DEFAULT_PATH = "target/secure-build/security-events.jsonl";

    private SecurityEventLogs() {}

    /**
     * @param log        the goal's log: its secrets are kept out of the event log too ({@link RedactingLog#secretsOf})
     * @param configured the goal's {@code eventLog} (relative to the project's folder); an unresolved default (no project) is the
     *                   current folder's target
     */
    static EventLog open(Path base, String configured, boolean toMavenLog, Log log) {
        String path = configured == null || configured.isBlank() || configured.contains("${") ? DEFAULT_PATH : configured;
        return new EventLog(base.resolve(path), Clock.systemUTC(), toMavenLog ? log::warn : null, RedactingLog.secretsOf(log));
    }

    /** Appends one event; a log that cannot be written is reported, never hidden, but does not replace the failure being logged. */
    static void append(EventLog events, MavenProject project, String type, Map<String, ?> fields, String message, Log log) {
        try {
            events.append(type, project == null ? "" : project.getGroupId() + ":" + project.getArtifactId(), fields, message);
        } catch (IOException e) {
            log.error("Could not write the security event log " + events.file() + ": " + e.getMessage());
        }
    }
}
