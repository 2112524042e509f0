package dev.securebuild.maven;

import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

import dev.securebuild.shared.events.EventLogLocation;
import dev.securebuild.shared.location.LocationBase;
import dev.securebuild.shared.location.LocationReader;
import dev.securebuild.shared.secrets.KnownSecrets;

/**
 * What every goal shares: the {@code skip} parameter, a Maven log that never shows a secret value the build holds,
 * those values for the files the goal writes ({@link #secrets()}), and where the build's security event log is
 * ({@link #eventLogFile}).
 */
abstract class AbstractSecureBuildMojo extends AbstractMojo {

    /**
     * Skip this goal. In a goal that acts for the whole reactor, a module that skips it is left out: its outputs are
     * left out of buildinfo's reactor file, it adds nothing to record-deployment's record, and it is not gated by
     * release-gate (when the module that completes the reactor skips release-gate, nothing is decided).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.skip", defaultValue = "false")
    protected boolean skip;

    /** The build; declared here once for every goal. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** The project the goal runs for (Maven's stand-in when a goal runs without one); declared here once. */
    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Inject
    private BuildSecrets buildSecrets;

    @Inject
    protected RepositorySystem repositorySystem;

    private volatile RedactingLog log;

    /** Decrypts settings.xml passwords (a notification URL kept in a server); null outside Maven. */
    protected SettingsDecrypter settingsDecrypter() {
        return buildSecrets == null ? null : buildSecrets.settingsDecrypter();
    }

    /** The build's secret values, the current project's secret-named properties included. */
    protected KnownSecrets secrets() {
        if (buildSecrets == null || session == null) {
            return KnownSecrets.NONE;
        }
        KnownSecrets secrets = buildSecrets.of(session);
        if (project != null && project.getProperties() != null) {
            // A POM property may take its value from a secret (${env.TOKEN}): the file holds the name, the model the value.
            secrets.addSecretNamed(project.getProperties());
        }
        return secrets;
    }

    /**
     * The security event log of this build ({@link EventLogLocation}: the top-level project's unless set).
     *
     * @param configured the goal's {@code eventLog}
     */
    protected Path eventLogFile(String configured) {
        return EventLogLocation.of(session, project, configured);
    }

    /**
     * Reads lists and policies ({@link LocationReader}): a relative path from the top of the reactor
     * ({@link LocationBase#reactorTop}, the same for every module), coordinates from the project's repositories.
     */
    protected LocationReader locations() {
        return new LocationReader(repositorySystem, session == null ? null : session.getRepositorySession(),
                project == null ? List.of() : project.getRemoteProjectRepositories(),
                session == null ? LocationBase.folder(Path.of("")) : LocationBase.reactorTop(session));
    }

    @Override
    public Log getLog() {
        RedactingLog redacting = log;
        if (redacting == null) {
            KnownSecrets secrets = secrets();
            if (secrets == KnownSecrets.NONE) {
                return super.getLog(); // not configured yet: nothing to redact by
            }
            redacting = new RedactingLog(super.getLog(), secrets);
            log = redacting;
        }
        return redacting;
    }
}
