package dev.securebuild.maven;

import javax.inject.Inject;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.secrets.KnownSecrets;

/**
 * What every goal shares: a Maven log that never shows a secret value the build holds, and those values for the files
 * the goal writes ({@link #secrets()}).
 */
abstract class AbstractSecureBuildMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession buildSession;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject currentProject;

    @Inject
    private BuildSecrets buildSecrets;

    private volatile RedactingLog log;

    /** The build's secret values, the current project's secret-named properties included. */
    protected KnownSecrets secrets() {
        if (buildSecrets == null || buildSession == null) {
            return KnownSecrets.NONE;
        }
        KnownSecrets secrets = buildSecrets.of(buildSession);
        if (currentProject != null && currentProject.getProperties() != null) {
            // A POM property may take its value from a secret (${env.TOKEN}): the file holds the name, the model the value.
            secrets.addSecretNamed(currentProject.getProperties());
        }
        return secrets;
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
