package dev.securebuild.maven;

import java.nio.file.Path;

import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.notify.MavenNotifications;

/**
 * A goal that records security events: the {@code eventLog} and {@code eventLogToMavenLog} parameters, declared once
 * for all of them (sign declares its own: it shares its base with checksums, which records none).
 */
abstract class AbstractEventLoggingMojo extends AbstractSecureBuildMojo {

    /**
     * The security event log (JSON Lines, appended), one for the build: left at its default, the top-level project's.
     * What each goal records there (a key or token that cannot be used, a failed verification, a build that differs,
     * each use of a findings exception, a release approved or blocked...) is listed in docs/events.md.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.eventLog", defaultValue = "${project.build.directory}/secure-build/security-events.jsonl")
    protected String eventLog;

    /**
     * Also print each security event as one line of the Maven log ({@code secure-build-event {...}}), for log shippers.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.eventLog.mavenLog", defaultValue = "false")
    protected boolean eventLogToMavenLog;

    /** Where this build's event log is. */
    protected Path eventLogFile() {
        return eventLogFile(eventLog);
    }

    /**
     * This build's event log, echoed to the Maven log when asked; each event of a kind someone is to be told about is
     * also sent to its notification URL (docs/notifications.md).
     */
    protected EventLog openEventLog() {
        return SecurityEventLogs.open(eventLogFile(), eventLogToMavenLog, getLog())
                .withListener(MavenNotifications.of(session, project, settingsDecrypter(), LogLines.sink(getLog())));
    }
}
