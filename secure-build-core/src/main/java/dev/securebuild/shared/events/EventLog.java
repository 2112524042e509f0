package dev.securebuild.shared.events;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.secrets.Redaction;

/**
 * The security event log: one JSON object per line, appended, never rewritten. Each line is
 * {@code {"time":"2026-12-01T10:15:30Z","type":"...", <the event's fields>, "project":"...","message":"..."}}; the
 * types and fields each capability writes are listed in docs/events.md. Several modules of a parallel build, and
 * several builds, may append to one file: each line is written whole by one write, under a lock held both within this
 * JVM (file locks are per process, so threads of one build would otherwise collide on them) and across processes. The
 * Enforcer rules and the plugin's goals load this class in different class realms of one JVM: a lock that the other
 * realm holds is waited for.
 * Only what the caller passes is written: nothing is taken from the environment, and text values go through
 * {@link Redaction} and the build's {@link KnownSecrets} on the way, so that a secret a message quotes (a scanner's
 * text, an exception's message) is not recorded. The schema is in
 * docs/events.md. Optionally each line is also echoed to the Maven log, as one line after {@link #ECHO_PREFIX}.
 */
public final class EventLog {

    private static final JsonFactory JSON = new JsonFactory();
    /** One monitor per log file within this JVM. */
    private static final Map<Path, Object> FILE_MONITORS = new ConcurrentHashMap<>();
    /** How long to wait for a lock that another class realm of this JVM holds. */
    static final long LOCK_WAIT_MILLIS = 10_000;

    /** What the Maven log shows before an event's JSON when events are echoed there, for log shippers to pick lines by. */
    public static final String ECHO_PREFIX = "secure-build-event ";

    /** Told of each event once it is written (a {@link dev.securebuild.shared.notify.Notifier}). */
    public interface Listener {
        /**
         * @param fields  the event's fields as given (for decisions such as a date; not to be sent)
         * @param project the project, without the build's secrets
         * @param message the message, without the build's secrets
         * @param line    the event as written, one JSON object without its line end
         */
        void appended(EventLog log, String type, Map<String, ?> fields, String project, String message, String line);
    }

    private final Path file;
    private final Clock clock;
    private final Consumer<String> echo;
    private final KnownSecrets secrets;
    private final Listener listener;

    public EventLog(Path file, Clock clock) {
        this(file, clock, null, KnownSecrets.NONE);
    }

    /**
     * @param echo    where each event's line also goes, after {@link #ECHO_PREFIX} (the Maven log); null for nowhere
     * @param secrets the build's secret values, replaced wherever a text value or the message holds one
     */
    public EventLog(Path file, Clock clock, Consumer<String> echo, KnownSecrets secrets) {
        this(file, clock, echo, secrets, null);
    }

    private EventLog(Path file, Clock clock, Consumer<String> echo, KnownSecrets secrets, Listener listener) {
        this.file = Objects.requireNonNull(file);
        this.clock = Objects.requireNonNull(clock);
        this.echo = echo;
        this.secrets = Objects.requireNonNull(secrets);
        this.listener = listener;
    }

    /** This log, telling {@code listener} of each event it writes. */
    public EventLog withListener(Listener listener) {
        return new EventLog(file, clock, echo, secrets, listener);
    }

    /**
     * Appends an event the caller's success depends on: a log that cannot be written is an IOException that names it,
     * for the caller to fail with in its own terms.
     */
    public void record(String type, String project, Map<String, ?> fields, String message) throws IOException {
        try {
            append(type, project, fields, message);
        } catch (IOException e) {
            throw new IOException("Cannot append to the security event log " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one event.
     *
     * @param type     what happened, dotted ({@code exception.expired})
     * @param project  the project the event is about ({@code groupId:artifactId})
     * @param fields   the event's own fields, in order: text, numbers, booleans, null; other values as their text
     * @param message  one sentence for a person
     */
    public void append(String type, String project, Map<String, ?> fields, String message) throws IOException {
        String text = line(type, project, fields, message);
        byte[] line = text.getBytes(StandardCharsets.UTF_8);
        Path absolute = file.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        Path key = absolute.getParent().toRealPath().resolve(absolute.getFileName());
        synchronized (FILE_MONITORS.computeIfAbsent(key, k -> new Object())) {
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                 FileLock lock = lock(channel, key)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
        if (echo != null) {
            echo.accept(ECHO_PREFIX + text.substring(0, text.length() - 1));
        }
        if (listener != null) {
            listener.appended(this, type, fields, secrets.redact(project), redactedMessage(message), text.substring(0, text.length() - 1));
        }
    }

    private String redactedMessage(String message) {
        return secrets.redact(Redaction.redactPieces(message));
    }

    /** The file's lock; while another class realm of this JVM holds it, waits (up to {@link #LOCK_WAIT_MILLIS}). */
    private static FileLock lock(FileChannel channel, Path file) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000L;
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the security event log " + file + " stayed locked for " + LOCK_WAIT_MILLIS + " ms", heldInThisJvm);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the lock of " + file, e);
                }
            }
        }
    }

    private String line(String type, String project, Map<String, ?> fields, String message) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeStringField("type", type);
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                Object value = field.getValue();
                json.writeFieldName(field.getKey());
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof Integer || value instanceof Long) {
                    json.writeNumber(((Number) value).longValue());
                } else if (value instanceof Number) {
                    json.writeNumber(((Number) value).doubleValue());
                } else if (value instanceof Boolean) {
                    json.writeBoolean((Boolean) value);
                } else {
                    json.writeString(secrets.redact(Redaction.redactPieces(value.toString())));
                }
            }
            json.writeStringField("project", secrets.redact(project));
            json.writeStringField("message", redactedMessage(message));
            json.writeEndObject();
        }
        // JSON escapes line breaks inside strings, so the line ends only here.
        return text + "\n";
    }
}
