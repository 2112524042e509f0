package dev.securebuild.provenance.ledger;

import java.io.IOException;
import java.time.Duration;

import dev.securebuild.shared.http.HttpsPost;

/**
 * Sends each appended record, as the JSON of its line, to an HTTP endpoint (a log collector, an audit service): one
 * POST through {@link HttpsPost}, so only over https (http only to this machine), tried once: the record is in the
 * ledger file either way, and a failure is reported and recorded as an event.
 */
public final class LedgerEndpoint {

    private final HttpsPost post;

    private LedgerEndpoint(HttpsPost post) {
        this.post = post;
    }

    /**
     * @throws IllegalArgumentException for a URL that is not https (or http to localhost), saying so
     */
    public static LedgerEndpoint of(String url, Duration timeout) {
        return new LedgerEndpoint(HttpsPost.of(url, "ledger endpoint", "the record", timeout, 1, Duration.ZERO, false));
    }

    /** POSTs one record line; a status outside 2xx, a timeout or a broken connection is an IOException naming the endpoint. */
    public void post(byte[] line) throws IOException {
        post.post(line);
    }

    public String shown() {
        return post.shown();
    }
}
