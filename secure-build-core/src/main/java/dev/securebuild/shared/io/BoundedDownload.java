package dev.securebuild.shared.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reads a list or policy from an https: or file: URL within a size and a time limit. A server that sends without end,
 * or one byte every few seconds, must not hold the build: the connection's read timeout bounds one read, not the
 * whole download, so the whole is bounded here.
 */
public final class BoundedDownload {

    /** The most a list or policy may weigh: far beyond any real one. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** How long connecting, and then each read, may wait. */
    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);
    /** How long the whole download may take. */
    public static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(60);

    private BoundedDownload() {}

    /** The bytes at {@code url}, which {@code shown} names in messages; an IOException says which limit was hit. */
    public static byte[] fetch(URI url, String shown) throws IOException {
        URLConnection connection = url.toURL().openConnection();
        connection.setConnectTimeout((int) STEP_TIMEOUT.toMillis());
        connection.setReadTimeout((int) STEP_TIMEOUT.toMillis());
        connection.setUseCaches(false);
        if (connection instanceof HttpURLConnection) {
            // A redirect to another scheme is never followed by the JDK; one within https is, as browsers do.
            ((HttpURLConnection) connection).setInstanceFollowRedirects(true);
        }
        long length = connection.getContentLengthLong();
        if (length > MAX_BYTES) {
            throw new IOException(shown + " is " + length + " bytes, more than the " + MAX_BYTES + " bytes a list or policy may have");
        }
        try (InputStream in = connection.getInputStream()) {
            return read(in, shown, MAX_BYTES, TOTAL_TIMEOUT, System::nanoTime);
        }
    }

    /** All of {@code in}, refused when it holds more than {@code maxBytes} or takes longer than {@code total}. */
    static byte[] read(InputStream in, String shown, int maxBytes, Duration total, LongSupplier nanoClock) throws IOException {
        long deadline = nanoClock.getAsLong() + total.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (out.size() + (long) read > maxBytes) {
                throw new IOException(shown + " sent more than the " + maxBytes + " bytes a list or policy may have; stopped reading");
            }
            out.write(buffer, 0, read);
            if (nanoClock.getAsLong() - deadline > 0) {
                throw new IOException(shown + " took longer than " + total.toSeconds() + " s to send; stopped reading after "
                        + out.size() + " bytes");
            }
        }
        return out.toByteArray();
    }
}
