package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.reproducible.ArtifactComparison;
import dev.securebuild.reproducible.BuildCompare;
import dev.securebuild.reproducible.CauseRules;
import dev.securebuild.reproducible.ComparisonReport;
import dev.securebuild.reproducible.DiffEngine;
import dev.securebuild.reproducible.FilteredSources;
import dev.securebuild.reproducible.Rebuild;
import dev.securebuild.reproducible.Reports;
import dev.securebuild.reproducible.SourceSnapshot;
import dev.securebuild.reproducible.Variations;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.sign.ProducedFile;
import dev.securebuild.shared.io.Links;
import dev.securebuild.shared.text.Printable;

/**
 * Proves the build reproducible: copies the sources to a fresh folder, builds them again in a separate Maven process
 * in a deliberately different environment (path, time zone, locale, umask, user name, no SOURCE_DATE_EPOCH), and
 * compares every output of every module with this build's, explaining each difference. Runs once per reactor, in the
 * module that finishes last.
 */
@Mojo(name = "verify-reproducible", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyReproducibleMojo extends AbstractComparingMojo {

    private static final int LOGGED_PER_OUTPUT = 6;

    /**
     * The goals of the rebuild. It never installs: keep it to phases up to {@code package}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.rebuildGoals", defaultValue = "package")
    private List<String> rebuildGoals;

    /**
     * More Maven options for the rebuild (such as {@code -DskipTests}). The rebuild already gets {@code -B -o}, this
     * build's local repository, settings files, active profiles and thread count; never this build's user properties,
     * which may hold secrets.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.rebuildArguments")
    private List<String> rebuildArguments;

    /**
     * Rebuild in another time zone ({@code TZ} and {@code -Duser.timezone}): Pacific/Kiritimati (UTC+14), or
     * Pacific/Honolulu when this build's zone is UTC+4 or east of it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.varyTimeZone", defaultValue = "true")
    private boolean varyTimeZone;

    /**
     * Rebuild with another locale ({@code LANG}, {@code LC_ALL}, {@code -Duser.language}, {@code -Duser.country}):
     * tr_TR, whose dotless i breaks case changes that ignore the locale, or de_DE when this build is Turkish.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.varyLocale", defaultValue = "true")
    private boolean varyLocale;

    /**
     * Rebuild with another umask: 0022 when this build's is 0002, else 0002, so that an archive which copies the
     * modes of the files on disk shows it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.varyUmask", defaultValue = "true")
    private boolean varyUmask;

    /**
     * Rebuild with another {@code user.name} ({@code secure-build-rebuild}), which archivers may record as the
     * author or owner.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.varyUserName", defaultValue = "true")
    private boolean varyUserName;

    /**
     * Remove {@code SOURCE_DATE_EPOCH} from the rebuild's environment, so that outputs that only a set
     * {@code SOURCE_DATE_EPOCH} makes stable show up as differences.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.unsetSourceDateEpoch", defaultValue = "true")
    private boolean unsetSourceDateEpoch;

    /**
     * Outputs that may differ, each {@code <ignore><pattern>*.cdx.json</pattern><reason>why</reason></ignore>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Ignore> ignores;

    /**
     * How long the rebuild may take.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.rebuildTimeoutMinutes", defaultValue = "60")
    private int rebuildTimeoutMinutes;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (Boolean.parseBoolean(session.getUserProperties().getProperty(Rebuild.MARKER_PROPERTY))) {
            getLog().info("This is the rebuild of verify-reproducible: nothing to verify here");
            return;
        }
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set; this module's outputs are not compared");
        }
        ReactorAggregation<ModuleOutputs> aggregation = ReactorAggregation.of(session, mojoExecution);
        var arrival = aggregation.add(project, ModuleOutputs.of(project, skip));
        var all = arrival.all();
        if (all.isEmpty()) {
            getLog().info("Recorded the outputs of " + project.getArtifactId() + "; the rebuild runs after the last module ("
                    + arrival.stillToCome() + " still to come)");
            return;
        }
        List<ModuleOutputs> modules = all.get();
        if (modules.stream().allMatch(m -> m.files().isEmpty())) {
            return;
        }
        List<dev.securebuild.reproducible.Ignore> rules = new ArrayList<>();
        try {
            for (Ignore ignore : ignores == null ? List.<Ignore>of() : ignores) {
                rules.add(ignore.toRule());
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("verify-reproducible <ignores>: " + e.getMessage(), e);
        }

        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        Path root = top.getBasedir().toPath().toAbsolutePath().normalize();
        Path work = Path.of(top.getBuild().getDirectory(), "secure-build", "reproducible").toAbsolutePath();
        Path copy = work.resolve("rebuild");
        long started = System.nanoTime();
        try {
            SourceSnapshot.Result snapshot = SourceSnapshot.copy(root, copy);
            getLog().info("Copied " + snapshot.files() + " source file(s) to " + copy + ": " + snapshot.method());
            Variations.Applied variations = new Variations(varyTimeZone, varyLocale, varyUmask, varyUserName, unsetSourceDateEpoch)
                    .apply(ZoneId.systemDefault(), Locale.getDefault(), Rebuild.currentUmask());
            Rebuild.Request request = new Rebuild.Request(Path.of(System.getProperty("maven.home")), Path.of(System.getProperty("java.home")),
                    copy, options(top), rebuildGoals, variations, work.resolve("rebuild.log"), Duration.ofMinutes(rebuildTimeoutMinutes));
            getLog().info("Rebuilding with " + String.join(" ", rebuildGoals) + ", differently: " + String.join(", ", variations.description()));
            Rebuild.Result result = Rebuild.run(request);
            if (!result.succeeded()) {
                recordDifference(top, "the rebuild " + (result.timedOut() ? "timed out" : "failed with exit code " + result.exitCode()), result.log());
                recordResult(top, modules, GoalResult.Verdict.FAIL, "The rebuild " + (result.timedOut() ? "timed out" : "failed with exit code " + result.exitCode()), result.log());
                throw new MojoFailureException("The rebuild " + (result.timedOut() ? "took longer than " + rebuildTimeoutMinutes + " minutes"
                        : "failed with exit code " + result.exitCode()) + ". Its last lines:\n  " + String.join("\n  ", result.tail().stream().map(Printable::of).toList())
                        + "\nThe whole log: " + result.log());
            }
            getLog().info("The rebuild took " + result.took().toSeconds() + " s; comparing the outputs");

            DiffEngine engine = new DiffEngine(limits(), new CauseRules(true), DiffEngine.Sides.REFERENCE_REBUILT);
            List<ArtifactComparison> comparisons = new ArrayList<>();
            for (ModuleOutputs module : modules) {
                for (ProducedFile file : module.files()) {
                    comparisons.add(compare(engine, module.project(), file, root, copy, rules));
                }
            }
            ComparisonReport report = new ComparisonReport("verify-reproducible", Instant.now(), "this build (" + root + ")",
                    "the rebuild (" + copy + ")", comparisons);
            Reports.write(report, work, secrets());
            AtomicFiles.writeString(work.resolve(top.getArtifactId() + "-" + top.getVersion() + ".buildcompare"),
                    secrets().redact(BuildCompare.render(top.getVersion(), comparisons, System.getProperty("java.version"), System.getProperty("os.name"))));
            log(report, LOGGED_PER_OUTPUT);
            getLog().info("Reports: " + work.resolve("report.txt") + ", report.json, report.html, .buildcompare");
            long took = (System.nanoTime() - started) / 1_000_000;
            getLog().info(String.format(Locale.ROOT, "verify-reproducible took %.1f s, of which the rebuild %.1f s (%.2f times the rebuild)",
                    took / 1000.0, result.took().toMillis() / 1000.0, took / (double) Math.max(1, result.took().toMillis())));
            if (report.differs()) {
                recordDifference(top, "not reproducible: " + report.summaryLine(), work.resolve("report.json"));
            }
            recordResult(top, modules, report.differs(), (report.differs() ? "Not reproducible: " : "Reproducible: ") + report.summaryLine(),
                    work.resolve("report.json"));
            if (report.differs() && failOnDifference) {
                throw new MojoFailureException("The build is not reproducible: " + report.summaryLine() + ". Causes and fixes: "
                        + work.resolve("report.txt") + " (-Dsecure-build.failOnDifference=false reports without failing)");
            }
        } catch (IOException e) {
            recordResult(top, modules, GoalResult.Verdict.FAIL, "Could not compare: " + e.getMessage(), null);
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
    }

    private ArtifactComparison compare(DiffEngine engine, MavenProject module, ProducedFile file, Path root, Path copy,
                                       List<dev.securebuild.reproducible.Ignore> rules) throws IOException {
        Path original = file.file().toAbsolutePath().normalize();
        Path rebuilt = original.startsWith(root) ? copy.resolve(root.relativize(original).toString()) : null;
        if (rebuilt != null && Links.firstLinkBelow(copy, rebuilt.getParent()) != null) {
            rebuilt = null;   // reached through a link in the rebuild's tree: not an output of the rebuild, and not followed
        }
        ArtifactComparison comparison = filteredSources(module).trace(engine.compare(file.repositoryName(), original, rebuilt)
                .producedBy(Producers.of(module, file)));
        for (dev.securebuild.reproducible.Ignore rule : rules) {
            if (rule.matches(file.repositoryName())) {
                return comparison.ignored(rule.reason());
            }
        }
        return comparison;
    }

    /** The module's filtered resource folders: where a build time in an output's text most often comes from. */
    static FilteredSources filteredSources(MavenProject module) {
        List<FilteredSources.Folder> folders = new ArrayList<>();
        for (Resource resource : module.getResources()) {
            if (resource.isFiltering()) {
                folders.add(new FilteredSources.Folder(Path.of(resource.getDirectory()),
                        resource.getTargetPath() == null ? "" : resource.getTargetPath()));
            }
        }
        return new FilteredSources(folders, module.getBasedir().toPath());
    }

    /** What the rebuild shares with this build: offline, the local repository, the settings, profiles and threads. */
    private List<String> options(MavenProject top) {
        MavenExecutionRequest request = session.getRequest();
        List<String> options = new ArrayList<>();
        options.add("-o");
        options.add("-Dmaven.repo.local=" + session.getRepositorySession().getLocalRepository().getBasedir().getAbsolutePath());
        addFile(options, "-s", request.getUserSettingsFile());
        addFile(options, "-gs", request.getGlobalSettingsFile());
        if (!request.getActiveProfiles().isEmpty()) {
            options.add("-P" + String.join(",", request.getActiveProfiles()));
        }
        if (!request.getInactiveProfiles().isEmpty()) {
            options.add("-P!" + String.join(",!", request.getInactiveProfiles()));
        }
        if (request.getDegreeOfConcurrency() > 1) {
            options.add("-T" + request.getDegreeOfConcurrency());
        }
        if (top.getFile() != null && !"pom.xml".equals(top.getFile().getName())) {
            options.add("-f");
            options.add(top.getFile().getName());
        }
        if (rebuildArguments != null) {
            options.addAll(rebuildArguments);
        }
        return options;
    }

    private static void addFile(List<String> options, String flag, File file) {
        if (file != null && Files.isRegularFile(file.toPath())) {
            options.add(flag);
            options.add(file.getAbsolutePath());
        }
    }
}
