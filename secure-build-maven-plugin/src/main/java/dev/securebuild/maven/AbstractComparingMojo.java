package dev.securebuild.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.ci.CiOutput;
import dev.securebuild.reproducible.DifferenceAnnotations;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.reproducible.ArchiveLimits;
import dev.securebuild.reproducible.ComparisonReport;
import dev.securebuild.reproducible.TextReport;

/**
 * What every goal that compares takes (diff, verify-reproducible, compare): one engine, one set of limits, one way to
 * fail and to log.
 */
abstract class AbstractComparingMojo extends AbstractEventLoggingMojo {

    /**
     * Fail the build when the two sides differ (an output different or missing).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.failOnDifference", defaultValue = "true")
    protected boolean failOnDifference;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /** Maven's plan of this build, which tells who wrote each output ({@link Producers}). */
    @Inject
    protected LifecycleExecutor lifecycleExecutor;

    /**
     * The most entries one archive may have.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxEntries", defaultValue = "200000")
    private int maxEntries;

    /**
     * The most bytes one comparison may decompress, over all entries and nesting levels (archive bombs stop here).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxExpandedSize", defaultValue = "17179869184")
    private long maxExpandedSize;

    /**
     * How deep archives inside archives are opened.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxDepth", defaultValue = "5")
    private int maxDepth;

    /**
     * The largest entry held in memory to be opened (a nested archive) or diffed line by line; larger ones are compared
     * by digest.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxInMemorySize", defaultValue = "268435456")
    private long maxInMemorySize;

    /** The summary in the log: warnings when the sides differ, so that CI logs show them. */
    protected void log(ComparisonReport report, int perOutput) {
        for (String line : TextReport.summary(report, perOutput)) {
            if (report.differs()) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
    }

    /** A file parameter as a path; null when not set. */
    static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    protected ArchiveLimits limits() throws MojoExecutionException {
        try {
            return new ArchiveLimits(maxEntries, maxExpandedSize, maxDepth, maxInMemorySize);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Records that the two sides differ (or could not be compared), in the event log of {@code top}. */
    protected void recordDifference(MavenProject top, String summary, Path report) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("goal", mojoExecution == null ? null : mojoExecution.getGoal());
        fields.put("report", report == null ? null : report.toString());
        fields.put("failsBuild", failOnDifference);
        SecurityEventLogs.append(openEventLog(), top, "reproducibility.failed", fields, summary, getLog());
    }

    /** Records the outcome for the release gate: {@code fail} when the comparison could not be made at all. */
    protected void recordResult(MavenProject top, List<ModuleOutputs> modules, GoalResult.Verdict verdict, String summary, Path details) {
        GoalResultFiles.write(session, top, compared(modules), "reproducible", goal(), verdict, summary, List.of(), details, getLog());
    }

    /**
     * Records a comparison that was made, after showing each output that differs in CI (an annotation at the POM of
     * the module that made it); the result then gets no annotation of its own.
     */
    protected void recordResult(MavenProject top, List<ModuleOutputs> modules, ComparisonReport report, GoalResult.Verdict verdict, String summary,
                                Path details) {
        CiOutput ci = CiOutput.of(session, secrets());
        Path topPom = top.getFile() == null ? null : top.getFile().toPath();
        ci.annotate(DifferenceAnnotations.commands(report, failOnDifference, ci.repositoryRoot(), name -> modules.stream()
                .filter(m -> m.files().stream().anyMatch(f -> f.repositoryName().equals(name) || f.file().getFileName().toString().equals(name)))
                .map(m -> m.project().getFile() == null ? null : m.project().getFile().toPath()).findFirst().orElse(topPom)),
                details == null ? "the build log" : details.toString());
        GoalResultFiles.writeItemised(session, top, compared(modules), "reproducible", goal(), verdict, summary, List.of(), details, getLog());
    }

    /** The modules whose outputs were compared: those that have any. */
    private static List<MavenProject> compared(List<ModuleOutputs> modules) {
        return modules.stream().filter(m -> !m.files().isEmpty()).map(ModuleOutputs::project).toList();
    }

    private String goal() {
        return mojoExecution == null ? "compare" : mojoExecution.getGoal();
    }
}
