package dev.securebuild.enforcer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.notify.MavenNotifications;
import dev.securebuild.shared.text.LogSink;
import dev.securebuild.shared.events.EventLogLocation;

/**
 * The security event log as the rules reach it: the same file and format as the plugin's goals (docs/events.md),
 * where {@link EventLogLocation} says (the user property {@code secure-build.eventLog}, else the top-level project's
 * {@code target/secure-build/security-events.jsonl}), and echoed to the Maven log with
 * {@code -Dsecure-build.eventLog.mavenLog=true}.
 */
public final class RuleEvents {

    private RuleEvents() {}

    /**
     * Appends one event about the rule's failure; a log that cannot be written is said in {@code warn}, and never hides
     * that failure.
     */
    public static void append(MavenSession session, MavenProject project, String type, Map<String, ?> fields, String message,
                              java.util.function.Consumer<String> warn) {
        EventLog log = log(session, project, warn);
        try {
            log.append(type, project.getGroupId() + ":" + project.getArtifactId(), fields, message);
        } catch (IOException e) {
            warn.accept("Could not write the security event log " + log.file() + ": " + e.getMessage());
        }
    }

    /**
     * Appends one event that the rule's success depends on (an exemption used): a log that cannot be written is an
     * IOException naming it ({@link EventLog#record}), for the rule to fail with.
     */
    public static void record(MavenSession session, MavenProject project, String type, Map<String, ?> fields, String message,
                              java.util.function.Consumer<String> warn) throws IOException {
        log(session, project, warn).record(type, project.getGroupId() + ":" + project.getArtifactId(), fields, message);
    }

    private static EventLog log(MavenSession session, MavenProject project, java.util.function.Consumer<String> warn) {
        Path file = EventLogLocation.of(session, project, session.getUserProperties().getProperty(EventLogLocation.PROPERTY));
        boolean echo = Boolean.parseBoolean(session.getUserProperties().getProperty(EventLogLocation.MAVEN_LOG_PROPERTY));
        return new EventLog(file, Clock.systemUTC(), echo ? warn::accept : null, secrets(session))
                .withListener(MavenNotifications.of(session, project, decrypter(session), LogSink.of(warn::accept, warn::accept, warn::accept)));
    }

    /** Maven's decrypter of settings.xml passwords, for a notification URL kept in a server; null when it cannot be had. */
    @SuppressWarnings("deprecation") // the container is how a rule reaches a component it was not constructed with
    private static SettingsDecrypter decrypter(MavenSession session) {
        try {
            return session.getContainer() == null ? null : session.getContainer().lookup(SettingsDecrypter.class);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /**
     * The build's secret values, shared with the plugin's goals; what this realm can see (secret-named variables and
     * properties) is added by the first rule. The plugin adds settings.xml servers and the signing key's material.
     */
    public static KnownSecrets secrets(MavenSession session) {
        return KnownSecrets.ofBuild(session.getRepositorySession().getData(), "enforcer-rules", System.getenv(), session.getUserProperties(),
                session.getSystemProperties());
    }
}
