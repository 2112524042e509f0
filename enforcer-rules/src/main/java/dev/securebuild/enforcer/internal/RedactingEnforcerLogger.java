package dev.securebuild.enforcer.internal;

import java.util.function.Supplier;

import org.apache.maven.enforcer.rule.api.EnforcerLogger;

import dev.securebuild.shared.secrets.KnownSecrets;

/** The Enforcer's log as our rules use it: each line without the build's secret values, as the plugin's goals log. */
public final class RedactingEnforcerLogger implements EnforcerLogger {

    private final EnforcerLogger log;
    private final KnownSecrets secrets;

    public RedactingEnforcerLogger(EnforcerLogger log, KnownSecrets secrets) {
        this.log = log;
        this.secrets = secrets;
    }

    private CharSequence redact(CharSequence text) {
        return text == null ? null : secrets.redact(text.toString());
    }

    private Supplier<CharSequence> redact(Supplier<CharSequence> text) {
        return () -> redact(text.get());
    }

    @Override public void warnOrError(CharSequence message) { log.warnOrError(redact(message)); }
    @Override public void warnOrError(Supplier<CharSequence> message) { log.warnOrError(redact(message)); }
    @Override public boolean isDebugEnabled() { return log.isDebugEnabled(); }
    @Override public void debug(CharSequence message) { log.debug(redact(message)); }
    @Override public void debug(Supplier<CharSequence> message) { log.debug(redact(message)); }
    @Override public boolean isInfoEnabled() { return log.isInfoEnabled(); }
    @Override public void info(CharSequence message) { log.info(redact(message)); }
    @Override public void info(Supplier<CharSequence> message) { log.info(redact(message)); }
    @Override public boolean isWarnEnabled() { return log.isWarnEnabled(); }
    @Override public void warn(CharSequence message) { log.warn(redact(message)); }
    @Override public void warn(Supplier<CharSequence> message) { log.warn(redact(message)); }
    @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
    @Override public void error(CharSequence message) { log.error(redact(message)); }
    @Override public void error(Supplier<CharSequence> message) { log.error(redact(message)); }
}
