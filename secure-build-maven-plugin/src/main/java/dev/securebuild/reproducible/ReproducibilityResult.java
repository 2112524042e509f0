package dev.securebuild.reproducible;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import dev.securebuild.shared.text.Printable;

/**
 * How a reproducibility run ended: the rebuild failed (no report), or the outputs were compared.
 *
 * @param report  null when the rebuild failed
 * @param reports the folder of report.txt, report.json, report.html; null when the rebuild failed
 * @param took    the whole run, for the log
 */
public record ReproducibilityResult(Rebuild.Result rebuild, Duration timeout, ComparisonReport report, Path reports, Duration took) {

    static ReproducibilityResult rebuildFailed(Rebuild.Result rebuild, Duration timeout) {
        return new ReproducibilityResult(rebuild, timeout, null, null, null);
    }

    static ReproducibilityResult compared(Rebuild.Result rebuild, ComparisonReport report, Path reports, Duration took) {
        return new ReproducibilityResult(rebuild, null, report, reports, took);
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
                : "failed with exit code " + rebuild.exitCode()) + ". Its last lines:\n  " + String.join("\n  ",
                rebuild.tail().stream().map(Printable::of).toList()) + "\nThe whole log: " + rebuild.log();
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

    /** How long the run took against the rebuild alone: what verify-reproducible costs beyond a second build. */
    public String timing() {
        long millis = took.toMillis();
        return String.format(Locale.ROOT, "verify-reproducible took %.1f s, of which the rebuild %.1f s (%.2f times the rebuild)",
                millis / 1000.0, rebuild.took().toMillis() / 1000.0, millis / (double) Math.max(1, rebuild.took().toMillis()));
    }
}
