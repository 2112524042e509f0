package dev.securebuild.enforcer;

/**
 * One known false positive of {@link BanSecretsInBuild}, as configured:
 * {@code <allowed><secret><file>pom.xml</file><fingerprint>sha-256 hex</fingerprint><reason>why</reason></secret></allowed>}.
 * Filled by Maven's configurator, field by field.
 */
public class AllowedSecret {

    /** Glob on the path relative to the repository root; without {@code /} it matches the file name in any folder. */
    private String file;
    /** A piece of the line: the lines that hold it are allowed. Never the secret itself. */
    private String lineContains;
    /** SHA-256 of the value in hex ({@code printf %s 'value' | sha256sum}): the list holds no secret. */
    private String fingerprint;
    /** Why this is not a secret: mandatory. */
    private String reason;

    public AllowedSecret() {
    }

    AllowedSecret(String file, String lineContains, String fingerprint, String reason) {
        this.file = file;
        this.lineContains = lineContains;
        this.fingerprint = fingerprint;
        this.reason = reason;
    }

    String file() {
        return file;
    }

    String lineContains() {
        return lineContains;
    }

    String fingerprint() {
        return fingerprint;
    }

    String reason() {
        return reason;
    }
}
