package dev.securebuild.shared.notify;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.http.HttpsPost;
import dev.securebuild.shared.text.LogSink;

/**
 * Tells people about security events as they are written to the event log: each event of a {@link NotifyKind} is
 * POSTed as JSON to the URLs of its kind ({@link NotifyTargets}), with a Slack-compatible {@code text} and the event
 * as the log has it (its values already stripped of the build's secrets). The URL is never shown, only its scheme and
 * host. A notification that cannot be sent (a refused URL, a server that does not answer after the retries) never
 * changes the build's verdict: it is a warning in the Maven log and a {@code notification.failed} event.
 */
public final class Notifier implements EventLog.Listener {

    public static final String FAILED = "notification.failed";

    private static final JsonFactory JSON = new JsonFactory();

    private final NotifyTargets targets;
    private final Clock clock;
    private final Duration timeout;
    private final int attempts;
    private final Duration pause;
    private final LogSink log;

    public Notifier(NotifyTargets targets, Clock clock, Duration timeout, int attempts, Duration pause, LogSink log) {
        this.targets = targets;
        this.clock = clock;
        this.timeout = timeout;
        this.attempts = attempts;
        this.pause = pause;
        this.log = log;
    }

    /** The usual bounds: 10 s per attempt, 3 attempts, 1 s and then 2 s between them. */
    public static Notifier of(NotifyTargets targets, LogSink log) {
        return new Notifier(targets, Clock.systemUTC(), Duration.ofSeconds(10), 3, Duration.ofSeconds(1), log);
    }

    @Override
    public void appended(EventLog events, String type, Map<String, ?> fields, String project, String message, String line) {
        if (type.startsWith("notification.")) {
            return; // a failed notification is not notified
        }
        Optional<NotifyKind> found = NotifyKind.of(type, fields);
        if (found.isEmpty()) {
            return;
        }
        NotifyKind kind = found.get();
        if (kind == NotifyKind.EXPIRING && !expiresSoon(fields.get("expires"))) {
            return;
        }
        NotifyTargets.Resolved resolved = targets.of(kind);
        for (String problem : resolved.problems()) {
            failed(events, kind, type, project, "(not sent)", problem);
        }
        if (resolved.urls().isEmpty()) {
            return;
        }
        byte[] body;
        try {
            body = payload(kind, project, message, line);
        } catch (IOException e) {
            failed(events, kind, type, project, "(not sent)", "cannot write the notification: " + e.getMessage());
            return;
        }
        for (String url : resolved.urls()) {
            HttpsPost post;
            try {
                post = HttpsPost.of(url, "notification URL", "the notification", timeout, attempts, pause, true);
            } catch (IllegalArgumentException e) {
                failed(events, kind, type, project, "(refused)", e.getMessage());
                continue;
            }
            try {
                post.post(body);
                log.info("Notified " + post.shown() + " that " + kind.words() + " (" + type + ")");
            } catch (IOException | RuntimeException e) {
                // Whatever went wrong in sending, the build's verdict stays the one its checks gave. HttpsPost's own
                // messages show the host only; any other exception's text might quote the URL: only its class is said.
                failed(events, kind, type, project, post.shown(), e instanceof IOException ? e.getMessage() : e.getClass().getSimpleName());
            }
        }
    }

    private boolean expiresSoon(Object expires) {
        if (expires == null) {
            return true;
        }
        try {
            LocalDate date = LocalDate.parse(expires.toString());
            return !date.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(targets.expiringWithinDays()));
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    /** Slack's {@code text} (its control characters escaped as Slack asks) and the event's line as written. */
    static byte[] payload(NotifyKind kind, String project, String message, String line) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("text", slack("secure-build: " + kind.words() + (project.isEmpty() ? "" : " in " + project) + ": " + message));
            json.writeStringField("kind", kind.label());
            json.writeFieldName("event");
            json.writeRawValue(line);
            json.writeEndObject();
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Slack reads {@code <...>} as links and mentions: &, < and > are escaped, as its API asks. */
    static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void failed(EventLog events, NotifyKind kind, String type, String project, String target, String problem) {
        log.warn("Notification not sent (" + kind.label() + ", " + type + ", to " + target + "): " + problem + ". The build's verdict does not change.");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind.label());
        fields.put("event", type);
        fields.put("target", target);
        fields.put("problem", problem);
        try {
            events.append(FAILED, project, fields, "A notification (" + kind.label() + ") could not be sent to " + target + ": " + problem);
        } catch (IOException e) {
            log.warn("Could not record the failed notification in " + events.file() + ": " + e.getMessage());
        }
    }
}
