package dev.securebuild.findings.check;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.ReportFiles;
import dev.securebuild.findings.ReportLimitException;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.output.FindingsOutputs;
import dev.securebuild.findings.output.FindingsSummary;
import dev.securebuild.findings.policy.ExceptionEvents;
import dev.securebuild.findings.policy.Policy;
import dev.securebuild.findings.read.ReportLimits;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.text.LogSink;

/**
 * One run of the scanner gate, as check-findings does it: find each module's reports ({@link #collect}), then decide
 * ({@link FindingsCheck}) for one module or for the reactor, write every output, and record each exception's use and a
 * failure in the security event log. A module with nothing to scan (no code) and no report is not applicable, said so,
 * never failed nor passed silently. What the user got wrong (a report that cannot be read or is missing where there is
 * code, an age that is no age) is a {@link ReportParseException} or an {@link InvalidSettingException}; anything else
 * that goes wrong is ours, or the disk's (IOException).
 */
public final class FindingsGate {

    /**
     * One module's part of a check.
     *
     * @param module  {@code groupId:artifactId}
     * @param base    the module's folder: report paths and globs are relative to it
     * @param reports the reports as configured: paths or globs
     * @param outputs folders secure-build writes to, never read as reports (besides every {@code target/secure-build})
     * @param code    whether the module has code, which decides what a missing report means
     */
    public record Scope(String module, Path base, List<String> reports, List<Path> outputs, ModuleCode code) {}

    /**
     * What one module adds to a check.
     *
     * @param reports       the report files found
     * @param missing       how many configured reports were not found (only in a module with nothing to scan)
     * @param nothingToScan why the module has nothing to scan, when a report was missing there; else null
     * @param skipped       the goal is skipped in the module: it adds nothing and the check does not cover it
     */
    public record Collected(String module, List<Path> reports, int missing, String nothingToScan, boolean skipped) {

        public Collected {
            reports = List.copyOf(reports);
        }

        public static Collected skipped(String module) {
            return new Collected(module, List.of(), 0, null, true);
        }

        /** Nothing to scan and no report: the check does not apply to the module. */
        public boolean notApplicable() {
            return nothingToScan != null && reports.isEmpty();
        }
    }

    /**
     * @param modules         what each module covered by the check added (one, or the reactor's with aggregate)
     * @param base            the checked project's folder: report paths and finding paths are shown relative to it
     * @param maxReportAge    as the user wrote it ({@code 24h}, {@code P1D}); null or blank: any age
     * @param failOnStale     a stale report fails the check instead of warning
     * @param maxStringLength what the report parsers accept ({@link ReportLimits}), as the user set it: below one is a setting to fix
     * @param maxNestingDepth the same, for nesting
     * @param policy          the policy, and where it came from in words
     * @param output          the folder of findings.json, the SARIF files, the JUnit XML and report.html
     * @param project         {@code groupId:artifactId} of the checked project, for the event log
     */
    public record Request(List<Collected> modules, Path base, String maxReportAge, boolean failOnStale, int maxStringLength, int maxNestingDepth,
                          Policy policy, String policySource, Path output, String pluginVersion, String project) {}

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

    /**
     * The module's report files. A report that is there is always read. A missing one fails (a scanner that did not run
     * is not a scanner that found nothing) unless the module has nothing to scan ({@link ModuleCode}): then it is
     * said, and the module adds the reports it has, or none.
     */
    public Collected collect(Scope scope, LogSink log) throws IOException {
        List<String> patterns = scope.reports() == null ? List.of() : scope.reports().stream().filter(r -> r != null && !r.isBlank()).toList();
        if (patterns.isEmpty()) {
            throw InvalidSettingException.notSet(Setting.REPORTS, "no scanner report is configured for " + scope.module() + ": set <reports><report>"
                    + "target/dependency-check-report.json</report></reports> (paths or globs), or -Dsecure-build.reports=a.sarif,b.json, "
                    + "or skip the goal in this module");
        }
        List<ReportParseException> missing = new ArrayList<>();
        List<Path> files = ReportFiles.expand(scope.base(), patterns, scope.outputs(), log::warn, missing::add);
        if (missing.isEmpty()) {
            return new Collected(scope.module(), files, 0, null, false);
        }
        Optional<String> nothing = scope.code().nothingToScan(scope.base());
        if (nothing.isEmpty()) {
            throw missing.get(0);
        }
        int dependencies = scope.code().dependencies();
        if (files.isEmpty() && dependencies > 0) {
            // No code, but dependencies a dependency scanner reads: no report at all means no scanner looked at them.
            throw new ReportParseException(missing.get(0).getMessage() + " (" + scope.module() + " has no code (" + nothing.get() + ") but "
                    + dependencies + " dependenc" + (dependencies == 1 ? "y" : "ies") + ", and not one configured report was written: "
                    + "a dependency scanner reads those)", missing.get(0));
        }
        log.info("Nothing to scan in " + scope.module() + " (" + nothing.get() + "): " + missing.size() + " of the " + patterns.size()
                + " configured report(s) not found, " + (files.isEmpty() ? "so check-findings does not apply to it" : "reading the " + files.size()
                + " found"));
        return new Collected(scope.module(), files, missing.size(), nothing.get(), false);
    }

    /** Decides, writes the outputs and records the events; a check whose every module has nothing to scan writes none. */
    public FindingsVerdict run(Request request, EventLog events) throws IOException {
        List<Collected> covered = request.modules().stream().filter(c -> !c.skipped()).toList();
        if (covered.isEmpty()) {
            throw new IllegalArgumentException("no module to check: every one skips the goal");
        }
        List<String> modules = covered.stream().map(Collected::module).distinct().toList();
        if (covered.stream().allMatch(Collected::notApplicable)) {
            return FindingsVerdict.notApplicable(modules, request.output(), covered.size() == 1 ? covered.get(0).nothingToScan() : null);
        }
        String age = request.maxReportAge();
        Duration maxAge = age == null || age.isBlank() ? null : Ages.parse(age);
        ReportLimits limits = ReportLimits.of(request.maxStringLength(), request.maxNestingDepth());
        Map<String, String> moduleOfReport = new HashMap<>();
        covered.forEach(c -> c.reports().forEach(file -> moduleOfReport.putIfAbsent(ReportsRead.shown(request.base(), file), c.module())));
        List<Path> files = covered.stream().flatMap(c -> c.reports().stream()).distinct().toList();
        CheckResult result;
        try {
            result = new FindingsCheck(clock).run(new FindingsCheck.Settings(files, request.base(), maxAge, request.failOnStale(), limits),
                    request.policy(), request.policySource());
        } catch (ReportLimitException e) {
            throw raise(e);
        }
        FindingsOutputs.writeAll(result, request.output(), request.pluginVersion(), secrets);
        ExceptionEvents.append(events, request.project(), result.exceptions());
        FindingsVerdict verdict = new FindingsVerdict(result, request.output(), modules, modules.size() > 1 ? moduleOfReport : Map.of(), null);
        if (!result.passed()) {
            events.append("policy.failed", request.project(), FindingsSummary.eventFields(result, verdict.json()), verdict.failureReasons());
        }
        return verdict;
    }

    /** A report beyond a limit the user can raise is the setting to raise, named as the user gives it. */
    private static RuntimeException raise(ReportLimitException e) throws ReportParseException {
        if (e.limit() == ReportLimitException.Limit.NUMBER_LENGTH) {
            throw new ReportParseException(e.getMessage() + ". No real report has such a number: the file is not a genuine report", e);
        }
        Setting setting = e.limit() == ReportLimitException.Limit.STRING_LENGTH ? Setting.MAX_STRING_LENGTH : Setting.MAX_NESTING_DEPTH;
        return InvalidSettingException.about(setting, e.getMessage() + ". If the report is genuine, raise the limit with -D" + setting.mentionProperty()
                + (setting == Setting.MAX_STRING_LENGTH ? "=<characters>" : "=<levels>") + " (parameter " + setting.mentionElement() + ")", e);
    }
}
