package dev.securebuild.provenance.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class LedgerEndpointTest {

    private HttpServer server;

    private String start(int status, AtomicReference<byte[]> body, AtomicReference<String> contentType) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ledger", exchange -> {
            body.set(exchange.getRequestBody().readAllBytes());
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.getRequestMethod();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return "http://localhost:" + server.getAddress().getPort() + "/ledger";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theRecordIsPostedAsJson() throws Exception {
        AtomicReference<byte[]> body = new AtomicReference<>();
        AtomicReference<String> type = new AtomicReference<>();
        String url = start(201, body, type);
        byte[] line = "{\"schema\":\"secure-build-ledger/1\"}".getBytes(StandardCharsets.UTF_8);

        LedgerEndpoint.of(url, Duration.ofSeconds(5)).post(line);

        assertArrayEquals(line, body.get());
        assertEquals("application/json", type.get());
    }

    @Test
    void anAnswerOutside2xxIsAnErrorNamingTheEndpointAndStatus() throws Exception {
        String url = start(500, new AtomicReference<>(), new AtomicReference<>());
        IOException e = assertThrows(IOException.class, () -> LedgerEndpoint.of(url, Duration.ofSeconds(5)).post(new byte[] {'{', '}'}));
        assertEquals("The ledger endpoint " + url + " answered HTTP 500 to the record (expected 2xx)", e.getMessage());
    }

    @Test
    void anEndpointThatDoesNotAnswerIsAnError() throws Exception {
        String url = start(200, new AtomicReference<>(), new AtomicReference<>());
        server.stop(0);
        server = null;
        IOException e = assertThrows(IOException.class, () -> LedgerEndpoint.of(url, Duration.ofSeconds(2)).post(new byte[] {'{', '}'}));
        assertTrue(e.getMessage().startsWith("Cannot send the record to the ledger endpoint " + url), e.getMessage());
    }

    @Test
    void onlyHttpsOrHttpToThisMachineIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LedgerEndpoint.of("http://audit.example.org/ledger", Duration.ofSeconds(5)));
        assertEquals("The ledger endpoint http://audit.example.org/ledger is refused: the record is sent only over https (http only to localhost)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LedgerEndpoint.of("ftp://localhost/x", Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> LedgerEndpoint.of("not a url", Duration.ofSeconds(5)));
        LedgerEndpoint.of("https://audit.example.org/ledger", Duration.ofSeconds(5));
        LedgerEndpoint.of("http://127.0.0.1:8080/ledger", Duration.ofSeconds(5));
    }

    @Test
    void credentialsInTheEndpointUrlAreRefusedWithoutShowingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LedgerEndpoint.of("https://user:hunter2hunter2@audit.example.org/ledger", Duration.ofSeconds(5)));
        assertFalse(e.getMessage().contains("hunter2"));
        assertTrue(e.getMessage().contains("https://[redacted]@audit.example.org/ledger"), e.getMessage());
    }
}
