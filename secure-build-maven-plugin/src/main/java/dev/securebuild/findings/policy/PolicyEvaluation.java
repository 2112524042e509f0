package dev.securebuild.findings.policy;

import java.util.List;

import dev.securebuild.findings.Decision;
import dev.securebuild.findings.ExceptionStatus;

/**
 * What the policy made of one check's findings.
 *
 * @param decisions   one per merged finding, blocking first, then by severity
 * @param exceptions  every exception of the policy and how it stood, in the order of the policy
 * @param violations  policy violations that are not findings (an expired exception, an unused one when the policy says so)
 * @param warnings    what a person should see but does not fail the build (an exception expiring soon, an unused one)
 */
public record PolicyEvaluation(List<Decision> decisions, List<ExceptionStatus> exceptions, List<String> violations, List<String> warnings) {

    public PolicyEvaluation {
        decisions = List.copyOf(decisions);
        exceptions = List.copyOf(exceptions);
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    /** No finding blocks and the policy itself was not violated. */
    public boolean passed() {
        return violations.isEmpty() && decisions.stream().noneMatch(d -> d.outcome().blocks());
    }
}
