package dev.securebuild.findings;

import java.time.Instant;
import java.util.List;

/**
 * Everything one check decided, which every output writes in its own way.
 *
 * @param passed      false when a finding blocks or the policy itself was violated (an expired exception...)
 * @param checkedAt   when the check ran (exception expiry is judged against its date)
 * @param policy      where the policy came from ({@code default policy}, a path, coordinates)
 * @param reports     the reports read
 * @param raw         findings read from all reports, before merging
 * @param decisions   one per merged finding, blocking first
 * @param exceptions  every policy exception and how it stood
 * @param violations  policy violations that are not findings (an expired exception, an unused one, a stale report), one sentence each
 * @param warnings    what a person should see but does not fail the build (an exception expiring soon, an old report)
 */
public record CheckResult(boolean passed, Instant checkedAt, String policy, List<ReadReport> reports, int raw, List<Decision> decisions,
                          List<ExceptionStatus> exceptions, List<String> violations, List<String> warnings) {

    public CheckResult {
        reports = List.copyOf(reports);
        decisions = List.copyOf(decisions);
        exceptions = List.copyOf(exceptions);
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    public String verdict() {
        return passed ? "pass" : "fail";
    }

    public int merged() {
        return decisions.size();
    }

    public long blocking() {
        return decisions.stream().filter(d -> d.outcome().blocks()).count();
    }
}
