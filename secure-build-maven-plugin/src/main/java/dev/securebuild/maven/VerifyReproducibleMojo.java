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
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.text.Printable;

/**
 * Proves the build reproducible: copies the sources to a fresh folder, builds them again in a separate Maven process
 * in a deliberately different environment (path, time zone, locale, umask, user name, no SOURCE_DATE_EPOCH), and
 * compares every output of every module with this build's, explaining each difference. Runs once per reactor, in the
 * module that finishes last.
 */
@Mojo(name = "verify-reproducible", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyReproducibleMojo extends AbstractRebuildingMojo {

    /**
     * Outputs that may differ, each {@code <ignore><pattern>*.cdx.json</pattern><reason>why</reason></ignore>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Ignore> ignores;

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
            result = new ReproducibilityRun(getLog()::info, getLog()::warn).run(RebuildInvocations.request(session, lifecycleExecutor, top, modules,
                    Ignore.toRules(ignores), variations(), invocation(top), limits(), secrets()));
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
        if (result.rebuildFailed()) {
            recordResult(top, modules, result.verdict(failOnDifference), result.summary(), result.details());
        } else {
            recordResult(top, modules, result.report(), result.verdict(failOnDifference), result.summary(), result.details());
        }
        if (result.failure(failOnDifference) != null) {
            throw new MojoFailureException(result.failure(failOnDifference));
        }
    }
}
