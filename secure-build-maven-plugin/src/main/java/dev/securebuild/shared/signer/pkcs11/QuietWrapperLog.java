package dev.securebuild.shared.signer.pkcs11;

import org.xipki.pkcs11.wrapper.Logger;
import org.xipki.pkcs11.wrapper.StaticLogger;

/**
 * The PKCS#11 wrapper prints to standard output unless it is given a logger: its licence notice on every module load,
 * and a line per call at debug level. Everything it would say reaches the user as our own error message, with what was
 * looked for and what exists, so it is given a logger that keeps quiet.
 */
final class QuietWrapperLog implements Logger {

    private static volatile boolean installed;

    private QuietWrapperLog() {
    }

    static void install() {
        if (!installed) {
            StaticLogger.setLogger(new QuietWrapperLog());
            installed = true;
        }
    }

    @Override
    public void info(String format, Object... arguments) {
    }

    @Override
    public void warn(String format, Object... arguments) {
    }

    @Override
    public void error(String format, Object... arguments) {
    }

    @Override
    public void debug(String format, Object... arguments) {
    }

    @Override
    public void trace(String format, Object... arguments) {
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public boolean isWarnEnabled() {
        return false;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }
}
