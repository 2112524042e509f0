package dev.securebuild.reproducible;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.text.Printable;

/**
 * How a reproducibility run ended: the rebuild failed (no report), or the outputs were compared.
 *
 * @param report  null when the rebuild failed
 * @param reports the folder of report.txt, report.json, report.html; null when the rebuild failed
 * @param took    the whole run, for the log
 * @param stale   the files an earlier build left in the build folders ({@link StaleOutputs#NONE} when it started clean)
 * @param missing what the failed rebuild could not get, and how to fix it ({@link MissingArtifacts#advice}); null when
 *                nothing was missing, or the rebuild did not fail
 */
public record ReproducibilityResult(Rebuild.Result rebuild, Duration timeout, ComparisonReport report, Path reports, Duration took,
                                    StaleOutputs stale, String missing) {

    static ReproducibilityResult rebuildFailed(Rebuild.Result rebuild, Duration timeout, StaleOutputs stale, boolean offline) {
        return new ReproducibilityResult(rebuild, timeout, null, null, null, stale,
                rebuild.timedOut() ? null : MissingArtifacts.advice(MissingArtifacts.in(rebuild.log()), offline));
    }

    static ReproducibilityResult compared(Rebuild.Result rebuild, ComparisonReport report, Path reports, Duration took, StaleOutputs stale) {
        return new ReproducibilityResult(rebuild, null, report, reports, took, stale, null);
    }

    public boolean rebuildFailed() {
        return report == null;
    }

    /** "timed out" or "failed with exit code 1", after "the rebuild". */
    public String rebuildOutcome() {
        return rebuild.timedOut() ? "timed out" : "failed with exit code " + rebuild.exitCode();
    }

    /** Why the build fails when the rebuild did: the outcome, the log's last lines and where the whole log is. */
    public String rebuildFailure() {
        return "The rebuild " + (rebuild.timedOut() ? "took longer than " + timeout.toMinutes() + " minutes"
                : "failed with exit code " + rebuild.exitCode()) + ". " + (missing == null ? "" : missing + "\n")
                + "Its last lines:\n  " + String.join("\n  ",
                rebuild.tail().stream().map(Printable::of).toList()) + "\nThe whole log: " + rebuild.log();
    }

    /**
     * Why the build fails when the outputs differ: the summary, where the causes are, and a build that did not start
     * clean (the likelier cause then).
     */
    public String differenceFailure() {
        return "The build is not reproducible: " + report.summaryLine() + ". Causes and fixes: " + reportText()
                + (stale.found() ? ". It did not start from a clean target/ (" + stale.files() + " older file(s)): run mvn clean verify first"
                : "") + " (-Dsecure-build.failOnDifference=false reports without failing)";
    }

    /** Whether the run ends in a security event: the rebuild failed, or the outputs differ. */
    public boolean failed() {
        return rebuildFailed() || differs();
    }

    /** One line for the result file: how the run ended. */
    public String summary() {
        return rebuildFailed() ? "The rebuild " + rebuildOutcome() : (differs() ? "Not reproducible: " : "Reproducible: ") + report.summaryLine();
    }

    /** The verdict for the release gate: a failed rebuild fails; a difference fails, or warns when it is not to fail the build. */
    public GoalResult.Verdict verdict(boolean failOnDifference) {
        return rebuildFailed() ? GoalResult.Verdict.FAIL : !differs() ? GoalResult.Verdict.PASS
                : failOnDifference ? GoalResult.Verdict.FAIL : GoalResult.Verdict.WARN;
    }

    /** Why the build fails: the rebuild failed, or the outputs differ and that fails the build; null when it does not fail. */
    public String failure(boolean failOnDifference) {
        return rebuildFailed() ? rebuildFailure() : differs() && failOnDifference ? differenceFailure() : null;
    }

    /** One line for the event log, when the run {@link #failed()}. */
    public String eventSummary() {
        return rebuildFailed() ? "the rebuild " + rebuildOutcome() : "not reproducible: " + report.summaryLine();
    }

    /** Where the details are: the rebuild's log when it failed, else report.json. */
    public Path details() {
        return rebuildFailed() ? rebuild.log() : reportJson();
    }

    public boolean differs() {
        return report != null && report.differs();
    }

    public Path reportText() {
        return reports.resolve("report.txt");
    }

    public Path reportJson() {
        return reports.resolve("report.json");
    }

    /** The last lines of a run that compared: where the reports are, and what it cost. */
    public java.util.List<String> closing() {
        return java.util.List.of("Reports: " + reportText() + ", report.json, report.html, .buildcompare", timing());
    }

    /** How long the run took against the rebuild alone: what verify-reproducible costs beyond a second build. */
    public String timing() {
        long millis = took.toMillis();
        return String.format(Locale.ROOT, "verify-reproducible took %.1f s, of which the rebuild %.1f s (%.2f times the rebuild)",
                millis / 1000.0, rebuild.took().toMillis() / 1000.0, millis / (double) Math.max(1, rebuild.took().toMillis()));
    }
}
