package dev.securebuild.shared.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.securebuild.shared.secrets.Redaction;

/**
 * The one way the build sends JSON to a URL it was given (a ledger endpoint, a chat webhook): one POST with
 * {@code Content-Type: application/json}, only over https (plain http only to this machine, for tests and a local
 * relay: what is sent in clear text can be read or changed on the way), never following a redirect elsewhere, within a
 * timeout, and tried again a bounded number of times when the connection breaks or the server says it is busy (5xx,
 * 429), never when it refuses the request (4xx). A URL with credentials in it is refused. How the URL is shown in
 * messages is chosen by the caller: a webhook's path is its token, so only its scheme and host are shown.
 */
public final class HttpsPost {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");

    private final URI uri;
    private final String subject;
    private final String sent;
    private final Duration timeout;
    private final int attempts;
    private final Duration pause;
    private final String shown;

    private HttpsPost(URI uri, String subject, String sent, Duration timeout, int attempts, Duration pause, String shown) {
        this.uri = uri;
        this.subject = subject;
        this.sent = sent;
        this.timeout = timeout;
        this.attempts = attempts;
        this.pause = pause;
        this.shown = shown;
    }

    /**
     * @param subject  what the URL is, for messages ({@code ledger endpoint}, {@code notification URL})
     * @param sent     what is sent, for messages ({@code the record}, {@code the notification})
     * @param hostOnly whether messages show only the scheme and host (the path holds a token), else the URL with its
     *                 secret-looking pieces redacted
     * @throws IllegalArgumentException for a URL that is not https (or http to this machine) or holds credentials
     */
    public static HttpsPost of(String url, String subject, String sent, Duration timeout, int attempts, Duration pause, boolean hostOnly) {
        String redacted = redactUrl(url);
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The " + subject + " '" + (hostOnly ? "(not shown)" : redacted) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String shown = hostOnly ? scheme + "://" + host : redacted;
        if (host.isEmpty()) {
            throw new IllegalArgumentException("The " + subject + " '" + (hostOnly ? scheme + "://" : redacted)
                    + "' has no host: expected https://host/path");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOCAL_HOSTS.contains(host))) {
            throw new IllegalArgumentException("The " + subject + " " + shown + " is refused: " + sent
                    + " is sent only over https (http only to localhost)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The " + subject + " " + (hostOnly ? shown : redacted) + " has credentials in its URL, where logs and "
                    + "the POM show them: use a URL without user:password@");
        }
        return new HttpsPost(uri, subject, sent, timeout, Math.max(1, attempts), pause, shown);
    }

    /** POSTs the body; a status outside 2xx, a timeout or a broken connection, on the last attempt, is an IOException naming the URL as shown. */
    public void post(byte[] body) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int attempt = 1; ; attempt++) {
            IOException failure;
            HttpResponse<Void> response = null;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.discarding());
                failure = null;
            } catch (HttpTimeoutException e) {
                failure = new IOException("The " + subject + " " + shown + " did not answer within " + timeout.toSeconds() + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while sending " + sent + " to the " + subject + " " + shown, e);
            } catch (IOException e) {
                // The exception's text may hold the URL: only its class is said.
                failure = new IOException("Cannot send " + sent + " to the " + subject + " " + shown + ": " + e.getClass().getSimpleName(), e);
            }
            if (response != null) {
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return;
                }
                failure = new IOException("The " + subject + " " + shown + " answered HTTP " + status + " to " + sent + " (expected 2xx)");
                if (status / 100 != 5 && status != 429) {
                    throw failure; // refused: asking again gets the same answer
                }
            }
            if (attempt >= attempts) {
                throw attempts == 1 ? failure : new IOException(failure.getMessage() + " (after " + attempts + " attempts)", failure.getCause());
            }
            try {
                Thread.sleep(pause.toMillis() * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /** The URL as messages show it. */
    public String shown() {
        return shown;
    }

    /** The URL with credentials ({@code user:password@}) and secret-looking pieces replaced. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher userInfo = USER_INFO.matcher(url);
        String withoutUser = userInfo.find() ? userInfo.group(1) + Redaction.REDACTED + "@" + url.substring(userInfo.end()) : url;
        return Redaction.redactPieces(withoutUser);
    }
}
