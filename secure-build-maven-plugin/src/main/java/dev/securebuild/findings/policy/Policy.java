package dev.securebuild.findings.policy;

/**
 * What the scanner gate enforces: failing thresholds and exceptions. Loaded by {@link PolicyLoader} (schema in
 * docs/policy.md), applied by {@link PolicyEvaluator}.
 *
 * @param source      where it came from, for reports ({@code default policy} or the file)
 * @param failOn      when a finding fails the build
 * @param exceptions  findings accepted for a while, with a reason, an approver and an expiry
 */
public record Policy(String source, FailOn failOn, ExceptionRules exceptions) {

    public static final String DEFAULT_SOURCE = "default policy";

    /** With no policy file: critical and high findings fail, everything else is a warning; no exceptions. */
    public static Policy defaults() {
        return new Policy(DEFAULT_SOURCE, FailOn.DEFAULT, ExceptionRules.NONE);
    }
}
