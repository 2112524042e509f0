package dev.securebuild.shared.settings;

/**
 * A setting that capability code can name in an error without knowing how the user gives it (a POM element, a
 * {@code -D} property): the Maven layer maps each to its names. A secret setting's value is never shown.
 */
public enum Setting {
    KEY_FILE("signing key file", false),
    SERVER_ID("settings server id", false),
    KEY_FINGERPRINT("key fingerprint", false),
    PASSPHRASE("passphrase", true),
    SIGNER("signer", false),
    PKCS11_LIBRARY("PKCS#11 module library", false),
    PKCS11_TOKEN_LABEL("PKCS#11 token label", false),
    PKCS11_SLOT("PKCS#11 slot", false),
    PKCS11_KEY_LABEL("PKCS#11 key label", false),
    PKCS11_KEY_ID("PKCS#11 key id", false),
    // A PKCS#11 URI may carry a PIN (pin-value): its value is treated as a secret.
    PKCS11_URI("PKCS#11 URI", true),
    PKCS11_KEY_CREATED("PKCS#11 key creation time", false),
    PKCS11_USER_ID("PKCS#11 key user id", false),
    TRUSTED_KEYS("trusted keys", false),
    DIGEST_ALGORITHMS("digest algorithms", false),
    SUMMARY_FORMAT("checksum summary format", false),
    ALLOWLISTS("allow-lists", false),
    ALLOWLIST_FAIL_ON("allow-list report's failOn", false),
    REPORTS("scanner reports", false),
    MAX_REPORT_AGE("oldest report age", false),
    MAX_STRING_LENGTH("longest string of a scanner report", false),
    MAX_NESTING_DEPTH("deepest nesting of a scanner report", false),
    DIFF_LEFT("left side of the diff", false),
    DIFF_RIGHT("right side of the diff", false),
    REFERENCE_DIRECTORY("reference folder", false),
    REFERENCE_BUILDINFO("reference .buildinfo", false),
    REFERENCE_REPOSITORY("reference repository", false);

    private final String words;
    private final boolean secret;

    Setting(String words, boolean secret) {
        this.words = words;
        this.secret = secret;
    }

    /** How the setting is called in plain words, without any tool's syntax. */
    public String words() {
        return words;
    }

    /** Whether its value must never appear in a message. */
    public boolean isSecret() {
        return secret;
    }

    /** A mention of this setting inside an error's text, replaced by its name when the message is rendered. */
    public String mention() {
        return "{" + name() + "}";
    }

    /** A mention of the POM element (parameter) that gives this setting. */
    public String mentionElement() {
        return "{" + name() + ".element}";
    }

    /** A mention of the property that gives this setting on the command line. */
    public String mentionProperty() {
        return "{" + name() + ".property}";
    }
}
