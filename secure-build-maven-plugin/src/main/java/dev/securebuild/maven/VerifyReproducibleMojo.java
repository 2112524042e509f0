package dev.securebuild.maven;

import java.io.IOException;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.reproducible.Rebuild;
import dev.securebuild.reproducible.ReproducibilityResult;
import dev.securebuild.reproducible.ReproducibilityRun;
import dev.securebuild.reproducible.Variations;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.text.Printable;

/**
 * Proves the build reproducible: copies the sources to a fresh folder, builds them again in a separate Maven process
 * in a deliberately different environment (path, time zone, locale, umask, user name, no SOURCE_DATE_EPOCH), and
 * compares every output of every module with this build's, explaining each difference. Runs once per reactor, in the
 * module that finishes last.
 */
@Mojo(name = "verify-reproducible", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyReproducibleMojo extends AbstractComparingMojo {

    /**
     * The goals of the rebuild. It never installs: keep it to phases up to {@code package}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.rebuildGoals", defaultValue = "package")
    private List<String> rebuildGoals;

    /**
     * More Maven options for the rebuild, after all the others (such as {@code -DskipTests=false}). The rebuild already gets {@code -B -o}, this
     * build's local repository, settings files, active profiles and thread count; never this build's user properties,
     * which may hold secrets.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.rebuildArguments")
    private List<String> rebuildArguments;

    /**
     * Run the tests in the rebuild. When false the rebuild gets {@code -DskipTests}: the tests are compiled but not
     * run. A {@code -DskipTests=false} in {@code rebuildArguments} still wins, as it comes after.
     *
     * @since 0.2.0
     */
    @Parameter(property = "secure-build.rebuild.runTests", defaultValue = "false")
    private boolean rebuildRunsTests;

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
        var arrival = ReactorAggregation.<ModuleOutputs>of(session, mojoExecution).add(project, ModuleOutputs.of(project, skip));
        if (arrival.all().isEmpty()) {
            getLog().info("Recorded the outputs of " + project.getArtifactId() + "; the rebuild runs after the last module ("
                    + arrival.stillToCome() + " still to come)");
            return;
        }
        List<ModuleOutputs> modules = arrival.all().get();
        if (modules.stream().allMatch(m -> m.files().isEmpty())) {
            return;
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        ReproducibilityResult result;
        try {
            result = new ReproducibilityRun(getLog()::info, getLog()::warn).run(RebuildInvocations.request(session, top, modules,
                    Ignore.toRules(ignores), new Variations(varyTimeZone, varyLocale, varyUmask, varyUserName, unsetSourceDateEpoch),
                    RebuildInvocations.of(session, top, rebuildGoals, rebuildArguments, rebuildTimeoutMinutes).runTests(rebuildRunsTests), limits(), secrets()));
        } catch (IOException e) {
            recordResult(top, modules, GoalResult.Verdict.FAIL, "Could not compare: " + e.getMessage(), null);
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
        if (result.failed()) {
            recordDifference(top, result.eventSummary(), result.details());
        }
        if (!result.rebuildFailed()) {
            log(result.report(), 6);
            result.closing().forEach(getLog()::info);
        }
        recordResult(top, modules, result.verdict(failOnDifference), result.summary(), result.details());
        if (result.failure(failOnDifference) != null) {
            throw new MojoFailureException(result.failure(failOnDifference));
        }
    }
}
