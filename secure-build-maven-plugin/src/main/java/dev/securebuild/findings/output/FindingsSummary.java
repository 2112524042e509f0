package dev.securebuild.findings.output;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.Outcome;
import dev.securebuild.findings.Severity;

/**
 * The counts every output shows, computed once from a check result so that the JSON, the HTML and the JUnit file
 * cannot disagree.
 *
 * @param raw          findings read, before merging
 * @param merged       findings after merging
 * @param byOutcome    merged findings per outcome, every outcome present
 * @param bySeverity   merged findings per severity, every severity present, highest first
 * @param byTool       merged findings each tool saw (a finding seen by two tools counts for both), by tool name
 * @param byKind       merged findings per kind, every kind present
 */
public record FindingsSummary(int raw, int merged, Map<Outcome, Integer> byOutcome, Map<Severity, Integer> bySeverity,
                              Map<String, Integer> byTool, Map<FindingKind, Integer> byKind) {

    public static FindingsSummary of(CheckResult result) {
        Map<Outcome, Integer> byOutcome = zeros(Outcome.class);
        Map<Severity, Integer> bySeverity = zeros(Severity.class);
        Map<FindingKind, Integer> byKind = zeros(FindingKind.class);
        Map<String, Integer> byTool = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Decision decision : result.decisions()) {
            byOutcome.merge(decision.outcome(), 1, Integer::sum);
            bySeverity.merge(decision.finding().severity(), 1, Integer::sum);
            byKind.merge(decision.finding().kind(), 1, Integer::sum);
            decision.finding().tools().forEach(tool -> byTool.merge(tool, 1, Integer::sum));
        }
        return new FindingsSummary(result.raw(), result.merged(), byOutcome, bySeverity, byTool, byKind);
    }

    /** The fields of the security event of a failed check ({@code policy.failed}): counts and where the details are. */
    public static Map<String, Object> eventFields(CheckResult result, java.nio.file.Path report) {
        FindingsSummary summary = of(result);
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("blocking", summary.count(Outcome.BLOCKING));
        fields.put("merged", summary.merged());
        fields.put("violations", result.violations().size());
        fields.put("report", report.toString());
        return fields;
    }

    public int count(Outcome outcome) {
        return byOutcome.get(outcome);
    }

    /** Findings that no longer count: excepted, not affected or suppressed. */
    public int cleared() {
        return count(Outcome.EXCEPTED) + count(Outcome.NOT_AFFECTED) + count(Outcome.SUPPRESSED);
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
        Map<E, Integer> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0);
        }
        return counts;
    }

    /** The exceptions that cleared findings in this check (in force and matched), as the release gate lists them. */
    public static java.util.List<dev.securebuild.shared.results.GoalResult.ResultException> usedExceptions(CheckResult result) {
        return result.exceptions().stream()
                .filter(e -> e.matched() > 0 && (e.state() == dev.securebuild.findings.ExceptionState.USED
                        || e.state() == dev.securebuild.findings.ExceptionState.EXPIRING))
                .map(e -> new dev.securebuild.shared.results.GoalResult.ResultException(e.id(), e.reason(), e.approvedBy(),
                        e.expires() == null ? null : e.expires().toString()))
                .toList();
    }
}
