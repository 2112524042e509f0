package dev.securebuild.findings;

/**
 * The policy's decision on one merged finding.
 *
 * @param finding      what was decided on
 * @param outcome      blocking, warning, or why it was cleared
 * @param reason       one sentence a person understands ({@code severity HIGH (CVSS 3.1 7.5) is at or above the threshold HIGH})
 * @param exceptionId  the policy exception that cleared it (or, when expired, failed to), else null
 */
public record Decision(MergedFinding finding, Outcome outcome, String reason, String exceptionId) {}
