package dev.securebuild.shared.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedDownloadTest {

    @Test
    void aSmallDocumentIsReadWhole() throws IOException {
        byte[] list = "approve: []\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(list, BoundedDownload.read(new ByteArrayInputStream(list), "https://example.org/list.yaml", 100,
                Duration.ofSeconds(60), System::nanoTime));
    }

    @Test
    void aServerThatSendsWithoutEndIsStoppedAtTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> BoundedDownload.read(endless, "https://example.org/list.yaml", 1 << 20, Duration.ofSeconds(60), System::nanoTime));
        assertTrue(e.getMessage().startsWith("https://example.org/list.yaml sent more than the 1048576 bytes"), e.getMessage());
    }

    @Test
    void aServerThatDripsIsStoppedAtTheDeadline() {
        AtomicLong now = new AtomicLong();
        InputStream drip = new InputStream() {
            @Override
            public int read() {
                now.addAndGet(Duration.ofSeconds(5).toNanos()); // each byte takes 5 s, within any read timeout
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                b[off] = (byte) read();
                return 1;
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> BoundedDownload.read(drip, "https://example.org/list.yaml", 1 << 20, Duration.ofSeconds(60), now::get));
        assertTrue(e.getMessage().contains("took longer than 60 s to send; stopped reading after 13 bytes"), e.getMessage());
    }

    @Test
    void aFileUrlIsReadWithTheSameLimits(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("list.yaml"), "approve: []\n");
        assertArrayEquals(Files.readAllBytes(list), BoundedDownload.fetch(list.toUri(), "list.yaml"));
    }
}
