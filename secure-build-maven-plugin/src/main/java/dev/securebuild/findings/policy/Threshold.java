package dev.securebuild.findings.policy;

import java.util.List;

import dev.securebuild.findings.Severity;

/**
 * When a finding fails the build. With a {@code cvss} threshold, a finding that has a CVSS score of a listed version is
 * judged by that score alone ({@code score >= cvss} fails); a finding without one counts as {@code unscored} says. Without
 * a {@code cvss} threshold every finding is judged by its severity ({@code severity} at or above the threshold fails).
 * Whatever does not fail is a warning: listed, never hidden.
 *
 * @param severity         the lowest severity that fails; null when no severity fails ({@code none})
 * @param cvss             the lowest CVSS score that fails, 0.0 to 10.0; null when scores are not used
 * @param cvssVersions     which CVSS versions count, most preferred first; {@code unversioned} stands for scores whose
 *                         version the tool did not give (SARIF {@code security-severity})
 * @param unscored         how a finding without a usable score counts when {@code cvss} is set
 * @param unknownSeverity  how a finding of severity UNKNOWN counts when it is judged by severity
 */
public record Threshold(Severity severity, Double cvss, List<String> cvssVersions, Unscored unscored, UnknownSeverity unknownSeverity) {

    /** The name of scores without a stated CVSS version in {@code cvssVersion}. */
    public static final String UNVERSIONED = "unversioned";

    public static final List<String> DEFAULT_CVSS_VERSIONS = List.of("4.0", "3.1", "3.0", "2.0", UNVERSIONED);

    /** Fails on HIGH and CRITICAL, by severity; unknown severities warn. */
    public static final Threshold DEFAULT = new Threshold(Severity.HIGH, null, DEFAULT_CVSS_VERSIONS, Unscored.SEVERITY, UnknownSeverity.WARN);

    public Threshold {
        cvssVersions = List.copyOf(cvssVersions);
    }

    /** How a finding without a usable CVSS score counts when a CVSS threshold is set. */
    public enum Unscored {
        /** It fails. */
        FAIL,
        /** It is a warning. */
        WARN,
        /** It is judged by its severity. */
        SEVERITY
    }

    /** How a finding of UNKNOWN severity counts. */
    public enum UnknownSeverity { FAIL, WARN }

    /** The severity threshold as the policy file writes it. */
    public String severityText() {
        return severity == null ? "none" : severity.name().toLowerCase(java.util.Locale.ROOT);
    }
}
