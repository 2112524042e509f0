package dev.securebuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import dev.securebuild.shared.secrets.KnownSecrets;

class RedactingLogTest {

    private static final String PASSPHRASE = "hunter2-but-longer";

    /** Keeps what the goal logged, as Maven's logger would print it. */
    private static final class Lines extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override public void info(CharSequence content) { lines.add("INFO " + content); }
        @Override public void warn(CharSequence content) { lines.add("WARN " + content); }
        @Override public void error(CharSequence content, Throwable error) { lines.add("ERROR " + content + " / " + error.getMessage()); }
    }

    @Test
    void everyLineAndAnErrorsMessageAreShownWithoutTheBuildsSecrets() {
        Lines printed = new Lines();
        KnownSecrets secrets = KnownSecrets.empty().add(PASSPHRASE);
        RedactingLog log = new RedactingLog(printed, secrets);

        log.info("unlocked with " + PASSPHRASE);
        log.warn("secure-build-event {\"message\":\"" + PASSPHRASE + "\"}");
        log.error("failed", new IllegalStateException("bad passphrase " + PASSPHRASE));

        assertEquals(List.of("INFO unlocked with [redacted]", "WARN secure-build-event {\"message\":\"[redacted]\"}",
                "ERROR failed / java.lang.IllegalStateException: bad passphrase [redacted]"), printed.lines);
        assertFalse(String.join("\n", printed.lines).contains(PASSPHRASE));
        assertSame(secrets, RedactingLog.secretsOf(log), "helpers that get the goal's log write files without the same secrets");
        assertSame(KnownSecrets.NONE, RedactingLog.secretsOf(printed));
    }
}
