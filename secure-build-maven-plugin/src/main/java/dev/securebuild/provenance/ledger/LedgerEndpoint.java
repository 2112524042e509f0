package dev.securebuild.provenance.ledger;

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

/**
 * Sends each appended record, as the JSON of its line, to an HTTP endpoint (a log collector, an audit service): one
 * POST with {@code Content-Type: application/json}. Only https, except to this machine (http://localhost, for tests
 * and a local relay): a record sent in clear text could be read or changed on the way.
 */
public final class LedgerEndpoint {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final URI uri;
    private final Duration timeout;
    private final String shown;

    private LedgerEndpoint(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
        this.shown = DeploymentRepository.redactUrl(uri.toString());
    }

    /**
     * @throws IllegalArgumentException for a URL that is not https (or http to localhost), saying so
     */
    public static LedgerEndpoint of(String url, Duration timeout) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The ledger endpoint '" + DeploymentRepository.redactUrl(url) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("The ledger endpoint '" + DeploymentRepository.redactUrl(url) + "' has no host: expected https://host/path");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOCAL_HOSTS.contains(host))) {
            throw new IllegalArgumentException("The ledger endpoint " + DeploymentRepository.redactUrl(url) + " is refused: records are "
                    + "sent only over https (http only to localhost)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The ledger endpoint " + DeploymentRepository.redactUrl(url) + " has credentials in its "
                    + "URL, where logs and the POM show them: use a URL without user:password@");
        }
        return new LedgerEndpoint(uri, timeout);
    }

    /** POSTs one record line; a status outside 2xx, a timeout or a broken connection is an IOException naming the endpoint. */
    public void post(byte[] line) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(line)).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new IOException("The ledger endpoint " + shown + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while sending the record to the ledger endpoint " + shown, e);
        } catch (IOException e) {
            throw new IOException("Cannot send the record to the ledger endpoint " + shown + ": " + e, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("The ledger endpoint " + shown + " answered HTTP " + response.statusCode() + " to the record (expected 2xx)");
        }
    }

    public String shown() {
        return shown;
    }
}
