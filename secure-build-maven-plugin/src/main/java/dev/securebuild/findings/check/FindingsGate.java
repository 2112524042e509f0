package dev.securebuild.findings.check;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.output.FindingsOutputs;
import dev.securebuild.findings.output.FindingsSummary;
import dev.securebuild.findings.policy.ExceptionEvents;
import dev.securebuild.findings.policy.Policy;
import dev.securebuild.findings.read.ReportLimits;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;

/**
 * One run of the scanner gate, as check-findings does it: decide ({@link FindingsCheck}), write every output, and record
 * each exception's use and a failure in the security event log. What the user got wrong (a report that cannot be read,
 * an age that is no age) is a {@link dev.securebuild.findings.ReportParseException} or an {@link InvalidSettingException};
 * anything else that goes wrong is ours, or the disk's (IOException).
 */
public final class FindingsGate {

    /**
     * @param reports      the report files, already expanded from paths and globs
     * @param base         the project folder: report paths and finding paths are shown relative to it
     * @param maxReportAge as the user wrote it ({@code 24h}, {@code P1D}); null or blank: any age
     * @param failOnStale  a stale report fails the check instead of warning
     * @param limits       what the report parsers accept
     * @param policy       the policy, and where it came from in words
     * @param output       the folder of findings.json, the SARIF files, the JUnit XML and report.html
     * @param project      {@code groupId:artifactId} of the checked project, for the event log
     */
    public record Request(List<Path> reports, Path base, String maxReportAge, boolean failOnStale, ReportLimits limits, Policy policy,
                          String policySource, Path output, String pluginVersion, String project) {}

    private final Clock clock;
    private final KnownSecrets secrets;

    /** @param secrets values a scanner's text may quote, kept out of every output */
    public FindingsGate(Clock clock, KnownSecrets secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Removes an earlier run's outputs first, so that an earlier verdict is never read as this run's when this one stops on a broken report. */
    public static void clearOutputs(Path output) throws IOException {
        FindingsOutputs.deleteAll(output);
    }

    public FindingsVerdict run(Request request, EventLog events) throws IOException, InvalidSettingException {
        String age = request.maxReportAge();
        Duration maxAge = age == null || age.isBlank() ? null : Ages.parse(age);
        CheckResult result = new FindingsCheck(clock).run(new FindingsCheck.Settings(request.reports(), request.base(), maxAge,
                request.failOnStale(), request.limits()), request.policy(), request.policySource());
        FindingsOutputs.writeAll(result, request.output(), request.pluginVersion(), secrets);
        ExceptionEvents.append(events, request.project(), result.exceptions());
        FindingsVerdict verdict = new FindingsVerdict(result, request.output());
        if (!result.passed()) {
            events.append("policy.failed", request.project(), FindingsSummary.eventFields(result, verdict.json()), verdict.failureReasons());
        }
        return verdict;
    }
}
