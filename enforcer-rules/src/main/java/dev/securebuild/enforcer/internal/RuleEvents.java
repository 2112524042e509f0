package dev.securebuild.enforcer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.events.EventLog;

/**
 * The security event log as the rules reach it: the same file and format as the plugin's goals (docs/events.md), at
 * the path of the user property {@code secure-build.eventLog} (relative to the project) or else the project's
 * {@code target/secure-build/security-events.jsonl}, and echoed to the Maven log with
 * {@code -Dsecure-build.eventLog.mavenLog=true}.
 */
public final class RuleEvents {

    private RuleEvents() {}

    /** Appends one event; a log that cannot be written is said in {@code warn}, and never hides the rule's own failure. */
    public static void append(MavenSession session, MavenProject project, String type, Map<String, ?> fields, String message,
                              java.util.function.Consumer<String> warn) {
        String configured = session.getUserProperties().getProperty("secure-build.eventLog");
        Path file = configured == null || configured.isBlank()
                ? Path.of(project.getBuild().getDirectory(), "secure-build", "security-events.jsonl")
                : project.getBasedir().toPath().resolve(configured);
        boolean echo = Boolean.parseBoolean(session.getUserProperties().getProperty("secure-build.eventLog.mavenLog"));
        try {
            new EventLog(file, Clock.systemUTC(), echo ? warn::accept : null, secrets(session))
                    .append(type, project.getGroupId() + ":" + project.getArtifactId(), fields, message);
        } catch (IOException e) {
            warn.accept("Could not write the security event log " + file + ": " + e.getMessage());
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
