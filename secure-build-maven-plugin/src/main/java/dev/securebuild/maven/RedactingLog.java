package dev.securebuild.maven;

import org.apache.maven.plugin.logging.Log;

import dev.securebuild.shared.secrets.KnownSecrets;

/**
 * The Maven log as every goal gets it ({@link AbstractSecureBuildMojo#getLog()}): each line without the build's secret
 * values. Helpers that receive a goal's log find the same secrets through {@link #secretsOf}, for the files they write.
 */
final class RedactingLog implements Log {

    private final Log log;
    private final KnownSecrets secrets;

    RedactingLog(Log log, KnownSecrets secrets) {
        this.log = log;
        this.secrets = secrets;
    }

    /** The secrets a goal's log redacts; {@link KnownSecrets#NONE} for another log. */
    static KnownSecrets secretsOf(Log log) {
        return log instanceof RedactingLog redacting ? redacting.secrets : KnownSecrets.NONE;
    }

    private CharSequence redact(CharSequence content) {
        return content == null ? null : secrets.redact(content.toString());
    }

    /** A throwable's text is shown by Maven's logger: with a secret in its message, only its redacted message is passed on. */
    private Throwable redact(Throwable error) {
        if (error == null || error.getMessage() == null || secrets.redact(error.getMessage()).equals(error.getMessage())) {
            return error;
        }
        return new Exception(secrets.redact(error.getClass().getName() + ": " + error.getMessage()));
    }

    @Override public boolean isDebugEnabled() { return log.isDebugEnabled(); }
    @Override public void debug(CharSequence content) { log.debug(redact(content)); }
    @Override public void debug(CharSequence content, Throwable error) { log.debug(redact(content), redact(error)); }
    @Override public void debug(Throwable error) { log.debug(redact(error)); }
    @Override public boolean isInfoEnabled() { return log.isInfoEnabled(); }
    @Override public void info(CharSequence content) { log.info(redact(content)); }
    @Override public void info(CharSequence content, Throwable error) { log.info(redact(content), redact(error)); }
    @Override public void info(Throwable error) { log.info(redact(error)); }
    @Override public boolean isWarnEnabled() { return log.isWarnEnabled(); }
    @Override public void warn(CharSequence content) { log.warn(redact(content)); }
    @Override public void warn(CharSequence content, Throwable error) { log.warn(redact(content), redact(error)); }
    @Override public void warn(Throwable error) { log.warn(redact(error)); }
    @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
    @Override public void error(CharSequence content) { log.error(redact(content)); }
    @Override public void error(CharSequence content, Throwable error) { log.error(redact(content), redact(error)); }
    @Override public void error(Throwable error) { log.error(redact(error)); }
}
