package dev.securebuild.enforcer;

/**
 * One exemption of {@link RequireReproducibleBuild}, as configured:
 * {@code <exemptions><exemption><artifact>dev.securebuild:*</artifact><reason>why</reason><owner>who</owner>
 * <expires>2027-03-31</expires></exemption></exemptions>}: the dependencies and plugins it covers, why the build may be
 * released with them (mandatory), who answers for it (optional) and its last day in force (mandatory). Checked by
 * {@link dev.securebuild.enforcer.internal.ReproducibleBuildExemptions.Exemption#of}.
 */
public class ReproducibleBuildExemption extends ArtifactExemption {

    public ReproducibleBuildExemption() {
    }

    ReproducibleBuildExemption(String artifact, String reason, String owner, String expires) {
        super(artifact, reason, owner, expires);
    }
}
