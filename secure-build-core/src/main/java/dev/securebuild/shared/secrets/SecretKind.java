package dev.securebuild.shared.secrets;

/** What a finding looks like. The label goes into messages; the prefix flag says whether masking may show the start. */
public enum SecretKind {
    PRIVATE_KEY("private key", false),
    GITHUB_TOKEN("GitHub token", true),
    GITLAB_TOKEN("GitLab token", true),
    AWS_ACCESS_KEY_ID("AWS access key id", true),
    AWS_SECRET_KEY("AWS secret access key", false),
    SLACK_TOKEN("Slack token", true),
    GOOGLE_API_KEY("Google API key", true),
    NPM_TOKEN("npm token", true),
    STRIPE_KEY("Stripe live key", true),
    JWT("JSON Web Token", true),
    PASSWORD("password in plain text", false),
    PASSWORD_IN_URL("password in a URL", false),
    HIGH_ENTROPY("high-entropy string", false);

    private final String label;
    private final boolean formatPrefix;

    SecretKind(String label, boolean formatPrefix) {
        this.label = label;
        this.formatPrefix = formatPrefix;
    }

    public String label() {
        return label;
    }

    /**
     * The first characters are the token format's marker (ghp_, AKIA, xoxb...), which help the reader find the token
     * and tell nothing about it. For a password or a random string they would be part of the secret itself.
     */
    boolean showsPrefix() {
        return formatPrefix;
    }
}
