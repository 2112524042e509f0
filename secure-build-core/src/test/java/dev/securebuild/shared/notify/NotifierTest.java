package dev.securebuild.shared.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.text.LogSink;

class NotifierTest {

    private static final String TOKEN_PATH = "/hooks/T000/B000/XXXXsecretXXXX";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> logged = new ArrayList<>();
    private final Map<String, String> user = new HashMap<>();
    private final Map<String, String> pom = new HashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, String> servers = new HashMap<>();
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                received.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + TOKEN_PATH;
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private EventLog events() {
        NotifyTargets targets = new NotifyTargets(new NotifyTargets.Sources() {
            @Override
            public String userProperty(String name) {
                return user.get(name);
            }

            @Override
            public String pomProperty(String name) {
                return pom.get(name);
            }

            @Override
            public String variable(String name) {
                return variables.get(name);
            }

            @Override
            public String serverPassword(String id) {
                return servers.get(id);
            }
        });
        Notifier notifier = new Notifier(targets, CLOCK, Duration.ofSeconds(2), 3, Duration.ZERO,
                LogSink.of(m -> logged.add("INFO " + m), m -> logged.add("WARN " + m), m -> logged.add("ERROR " + m)));
        return new EventLog(dir.resolve("events.jsonl"), CLOCK, null, new KnownSecrets(Set.of("hunter2-canary-value"))).withListener(notifier);
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private List<String> eventTypes() throws IOException {
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            types.add(new ObjectMapper().readTree(line).path("type").asText());
        }
        return types;
    }

    @Test
    void aBlockedBuildIsPostedWithSlacksTextAndTheEventAsLoggedAndTheUrlIsNeverShown() throws IOException {
        user.put(NotifyTargets.URL_PROPERTY, url);

        events().append("release.blocked", "org.example:app", fields("decision", "NO-GO", "token", "hunter2-canary-value"),
                "Release gate: NO-GO <script> & more; hunter2-canary-value");

        assertEquals(1, received.size());
        JsonNode body = new ObjectMapper().readTree(received.get(0));
        assertEquals("secure-build: a gate blocked the build in org.example:app: Release gate: NO-GO &lt;script&gt; &amp; more; [redacted]",
                body.path("text").asText());
        assertEquals("blocked", body.path("kind").asText());
        assertEquals("release.blocked", body.at("/event/type").asText());
        assertEquals("NO-GO", body.at("/event/decision").asText());
        assertFalse(received.get(0).contains("hunter2-canary-value"), "the build's secrets are not sent");
        assertEquals(List.of(TOKEN_PATH), paths);
        assertEquals(List.of("INFO Notified http://127.0.0.1 that a gate blocked the build (release.blocked)"), logged);
    }

    @Test
    void aBusyServerIsTriedAgainAndAnUnreachableOneIsAWarningAndAnEventNeverAFailure() throws IOException {
        variables.put(NotifyTargets.URL_VARIABLE, url);
        failuresLeft.set(2);

        events().append("policy.failed", "g:a", fields("blocking", 2), "The scanner gate failed");
        assertEquals(1, received.size(), "503 twice, then 200 on the third attempt");

        server.stop(0);
        events().append("policy.failed", "g:a", fields("blocking", 2), "The scanner gate failed");

        assertTrue(logged.get(logged.size() - 1).startsWith("WARN Notification not sent (blocked, policy.failed, to http://127.0.0.1): "),
                logged.toString());
        assertFalse(String.join("\n", logged).contains("XXXXsecretXXXX"), "the webhook's path is its token: " + logged);
        assertEquals(List.of("policy.failed", "policy.failed", Notifier.FAILED), eventTypes());
        assertFalse(Files.readString(dir.resolve("events.jsonl")).contains("XXXXsecretXXXX"));
    }

    @Test
    void aUrlWrittenInThePomIsRefusedAndNothingIsSent() throws IOException {
        pom.put(NotifyTargets.URL_PROPERTY, url);
        pom.put(NotifyKind.VERIFICATION_FAILED.property(), url);

        events().append("artifact.verification-failed", "g:a", fields("file", "a.jar"), "a.jar: BAD");

        assertTrue(received.isEmpty());
        assertTrue(logged.stream().anyMatch(l -> l.contains("secure-build.notify.url is written in the POM") && l.contains("refused")), logged.toString());
        assertTrue(logged.stream().anyMatch(l -> l.contains("secure-build.notify.verification-failed holds a URL in the POM: refused")),
                logged.toString());
        assertEquals(List.of("artifact.verification-failed", Notifier.FAILED, Notifier.FAILED), eventTypes());
    }

    @Test
    void eachKindGoesWhereItsPropertySaysAndNoneSendsNothing() throws IOException {
        servers.put("chat-security", url);
        pom.put(NotifyKind.BLOCKED.property(), "server:chat-security");
        pom.put(NotifyKind.EXCEPTION_USED.property(), "none");
        variables.put(NotifyTargets.URL_VARIABLE, "http://127.0.0.1:1/unused");

        EventLog events = events();
        events.append("allowlist.failed", "g:a", fields("failsBuild", true), "1 component not approved");
        events.append("exception.used", "g:a", fields("exception", "E-1"), "E-1 used");

        assertEquals(1, received.size());
        assertEquals("allowlist.failed", new ObjectMapper().readTree(received.get(0)).at("/event/type").asText());
    }

    @Test
    void onlyWhatBlockedIsBlockedAndOnlyWhatExpiresWithinTheDaysIsExpiring() throws IOException {
        user.put(NotifyTargets.URL_PROPERTY, url);
        user.put(NotifyTargets.DAYS_PROPERTY, "7");

        EventLog events = events();
        events.append("allowlist.failed", "g:a", fields("failsBuild", false), "warned only");
        events.append("exception.expiring", "g:a", fields("expires", "2026-12-20"), "in 13 days");
        events.append("exception.expiring", "g:a", fields("expires", "2026-12-10"), "in 3 days");
        events.append("ledger.recorded", "g:a", fields(), "not a kind");

        assertEquals(1, received.size());
        assertTrue(received.get(0).contains("in 3 days"));
    }

    @Test
    void plainHttpIsRefusedToAnotherMachine() throws IOException {
        user.put(NotifyTargets.URL_PROPERTY, "http://hooks.example.com/T/B/secret");

        events().append("ledger.broken", "g:a", fields(), "the ledger is broken");

        assertTrue(logged.get(0).startsWith("WARN Notification not sent (verification-failed, ledger.broken, to (refused)): The notification URL"
                + " http://hooks.example.com is refused"), logged.toString());
        assertFalse(logged.get(0).contains("secret"));
    }
}
