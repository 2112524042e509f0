package dev.securebuild.provenance.ledger;

import dev.securebuild.shared.http.HttpsPost;

/** Where maven-deploy-plugin deploys, as the ledger records it: the repository id and its URL without credentials. */
public final class DeploymentRepository {

    private DeploymentRepository() {}

    /**
     * Parses maven-deploy-plugin's {@code altDeploymentRepository} (and its release and snapshot variants): {@code id::url}
     * as 3.x writes it, or {@code id::layout::url} as 2.x wrote it (3.x still accepts {@code id::default::url}).
     *
     * @throws IllegalArgumentException naming the property and the expected form
     */
    public static Deployment.Where parseAlternative(String property, String value) {
        String text = value == null ? "" : value.strip();
        String[] parts = text.split("::", 3);
        if (parts.length < 2 || parts[0].isBlank() || parts[parts.length - 1].isBlank()) {
            throw new IllegalArgumentException(property + " is not id::url (maven-deploy-plugin 3.x) or id::layout::url (2.x): '"
                    + redactUrl(text) + "'");
        }
        String url = parts.length == 3 ? parts[2] : parts[1];
        return new Deployment.Where(parts[0].strip(), redactUrl(url.strip()));
    }

    /**
     * The URL as it may be recorded: any user-info ({@code user:password@}) replaced by [redacted], then
     * whatever else Redaction finds secret-looking in it (a token in a query parameter).
     */
    public static String redactUrl(String url) {
        return HttpsPost.redactUrl(url);
    }
}
