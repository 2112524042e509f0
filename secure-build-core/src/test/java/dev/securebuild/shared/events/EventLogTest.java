package dev.securebuild.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.secrets.KnownSecrets;

class EventLogTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T08:30:15.123Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void eachEventIsOneJsonLineAppended() throws IOException {
        Path file = dir.resolve("target/secure-build/events.jsonl");
        EventLog log = new EventLog(file, CLOCK);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("exception", "CVE-2021-44228");
        fields.put("expires", LocalDate.of(2026, 10, 31));
        fields.put("approvedBy", "alice@example.com");
        fields.put("matched", 2);
        log.append("exception.expired", "org.example:app", fields, "expired on 2026-10-31 (1 day ago)\nsecond line");
        log.append("exception.unused", "org.example:app", Map.of("exception", "CVE-2020-1"), "matched no finding");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), "a line break inside a message stays inside its line");
        assertEquals("{\"time\":\"2026-11-01T08:30:15Z\",\"type\":\"exception.expired\",\"exception\":\"CVE-2021-44228\",\"expires\":\"2026-10-31\","
                + "\"approvedBy\":\"alice@example.com\",\"matched\":2,\"project\":\"org.example:app\","
                + "\"message\":\"expired on 2026-10-31 (1 day ago)\\nsecond line\"}", lines.get(0));
        JsonNode second = MAPPER.readTree(lines.get(1));
        assertEquals("exception.unused", second.path("type").asText());
        assertEquals("CVE-2020-1", second.path("exception").asText());

        // A new log on the same file appends, it does not truncate.
        new EventLog(file, CLOCK).append("exception.used", "org.example:app", Map.of(), "in force");
        assertEquals(3, Files.readAllLines(file).size());
    }

    @Test
    void anEventThatCannotBeRecordedSaysWhichLog() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("security-events.jsonl")); // a folder where the file should be
        IOException e = assertThrows(IOException.class, () -> new EventLog(folder, CLOCK).record("release.approved", "g:a", Map.of(), "ok"));
        assertTrue(e.getMessage().startsWith("Cannot append to the security event log " + folder + ": "), e.getMessage());
        assertTrue(e.getCause() instanceof IOException);
    }

    @Test
    void eventsCanBeEchoedAsOneLineAndSecretsTheyQuoteAreRedacted() throws IOException {
        Path file = dir.resolve("events.jsonl");
        List<String> echoed = new ArrayList<>();
        String passphrase = "correct horse battery";
        EventLog log = new EventLog(file, CLOCK, echoed::add, KnownSecrets.empty().add(passphrase));
        String token = "ghp_" + "aB3dE5gH7jK9".repeat(3);

        log.append("key.load-failed", "g:a", Map.of("source", "https://deployer:pw-in-url@repo.example.com", "detail", "bad " + passphrase),
                "no key in SIGNING_KEY; token " + token + "\nwas given; passphrase " + passphrase);

        String line = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(List.of(EventLog.ECHO_PREFIX + line.strip()), echoed);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
        assertTrue(!line.contains(token) && !line.contains("pw-in-url") && !line.contains(passphrase), line);
        JsonNode event = new ObjectMapper().readTree(line);
        assertEquals("https://deployer:[redacted]@repo.example.com", event.get("source").asText());
        assertEquals("no key in SIGNING_KEY; token [redacted]\nwas given; passphrase [redacted]", event.get("message").asText());
        assertEquals("bad [redacted]", event.get("detail").asText(), "a secret of the build, found by its value");
    }

    @Test
    void aLockHeldElsewhereInThisJvmIsWaitedFor() throws Exception {
        // As when the Enforcer rules (one class realm) and a goal (another) append at once: the same file locked twice.
        Path file = dir.resolve("events.jsonl");
        EventLog log = new EventLog(file, CLOCK);
        log.append("first", "g:a", Map.of(), "before the lock");
        Future<?> append;
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = other.lock()) {
            append = executor.submit(() -> {
                log.append("second", "g:a", Map.of(), "while locked");
                return null;
            });
            Thread.sleep(200);
            assertTrue(!append.isDone(), "the append waits for the lock");
        }
        append.get();
        executor.shutdown();
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void parallelAppendsGiveWholeLines() throws Exception {
        Path file = dir.resolve("events.jsonl");
        int threads = 8;
        int perThread = 150;
        // Long lines, so that an interleaved write would show.
        String filler = "x".repeat(6000);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String project = "module-" + t;
                tasks.add(() -> {
                    EventLog log = new EventLog(file, CLOCK);
                    for (int i = 0; i < perThread; i++) {
                        log.append("exception.used", project, Map.of("n", i), filler);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(threads * perThread, lines.size());
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            JsonNode event = MAPPER.readTree(line);
            assertEquals(filler, event.path("message").asText());
            assertTrue(seen.add(event.path("project").asText() + "#" + event.path("n").asInt()), "each event once: " + line.substring(0, 80));
        }
    }
}
