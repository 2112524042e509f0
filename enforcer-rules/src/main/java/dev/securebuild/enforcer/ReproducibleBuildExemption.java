package dev.securebuild.enforcer;

/**
 * One exemption of {@link RequireReproducibleBuild}, as configured:
 * {@code <exemptions><exemption><artifact>dev.securebuild:*</artifact><reason>why</reason><owner>who</owner>
 * <expires>2027-03-31</expires></exemption></exemptions>}. Filled by Maven's configurator, field by field; checked by
 * {@link dev.securebuild.enforcer.internal.ReproducibleBuildExemptions.Exemption#of}.
 */
public class ReproducibleBuildExemption {

    /** {@code groupId:artifactId} of the dependencies and plugins it covers, each a name or a pattern with {@code *}. */
    private String artifact;
    /** Why the build may be released with them: mandatory. */
    private String reason;
    /** Who answers for it: optional. */
    private String owner;
    /** Its last day in force, {@code YYYY-MM-DD}: mandatory. */
    private String expires;

    public ReproducibleBuildExemption() {
    }

    ReproducibleBuildExemption(String artifact, String reason, String owner, String expires) {
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
