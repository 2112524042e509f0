package dev.securebuild.findings.check;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.FindingMerger;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.policy.Policy;
import dev.securebuild.findings.policy.PolicyEvaluation;
import dev.securebuild.findings.policy.PolicyEvaluator;
import dev.securebuild.findings.read.ReportLimits;

/**
 * The scanner gate, start to end and without Maven: read every report, merge what several tools saw, apply the
 * policy, and decide. Writing the outputs and the event log is left to the caller, which knows where they go.
 */
public final class FindingsCheck {

    /**
     * @param reports      the report files, already expanded from paths and globs
     * @param base         the project folder: report paths and finding paths are shown relative to it
     * @param maxReportAge reports older than this are stale; null: any age
     * @param failOnStale  a stale report fails the check instead of warning
     * @param limits       what the report parsers accept
     */
    public record Settings(List<Path> reports, Path base, Duration maxReportAge, boolean failOnStale, ReportLimits limits) {}

    private final Clock clock;

    public FindingsCheck(Clock clock) {
        this.clock = clock;
    }

    public CheckResult run(Settings settings, Policy policy, String policySource) throws IOException {
        ReportsRead read = ReportsRead.of(settings.reports(), settings.base(), settings.limits(), clock.instant(),
                settings.maxReportAge());
        FindingMerger merger = new FindingMerger(FindingMerger.DEFAULT_LINE_WINDOW, settings.base().toAbsolutePath().normalize().toString());
        read.findings().forEach(merger::add);
        List<MergedFinding> merged = merger.result();
        PolicyEvaluation evaluation = new PolicyEvaluator(policy).evaluate(merged, read.vex(), LocalDate.now(clock));
        List<String> violations = new ArrayList<>(evaluation.violations());
        List<String> warnings = new ArrayList<>(evaluation.warnings());
        (settings.failOnStale() ? violations : warnings).addAll(read.stale());
        boolean passed = violations.isEmpty() && evaluation.decisions().stream().noneMatch(d -> d.outcome().blocks());
        return new CheckResult(passed, clock.instant(), policySource, read.reports(), read.findings().size(), evaluation.decisions(),
                evaluation.exceptions(), violations, warnings);
    }
}
