package dev.securebuild.enforcer;

/**
 * An exemption from a rule for some artifacts, as configured: {@code <artifact>} ({@code groupId:artifactId}, a name
 * or a pattern with {@code *}), {@code <reason>}, {@code <owner>}, {@code <expires>} ({@code YYYY-MM-DD}). Filled by
 * Maven's configurator, field by field; each rule says which are mandatory and checks them.
 */
public abstract class ArtifactExemption {

    private String artifact;
    private String reason;
    private String owner;
    private String expires;

    protected ArtifactExemption() {
    }

    ArtifactExemption(String artifact, String reason, String owner, String expires) {
        this.artifact = artifact;
        this.reason = reason;
        this.owner = owner;
        this.expires = expires;
    }

    String artifact() {
        return artifact;
    }

    String reason() {
        return reason;
    }

    String owner() {
        return owner;
    }

    String expires() {
        return expires;
    }
}
