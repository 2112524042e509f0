package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.reproducible.BuildPlatform;
import dev.securebuild.reproducible.ComparisonReport;
import dev.securebuild.reproducible.ReferenceComparison;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.reproducible.ReferenceResolver;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.text.Printable;

/**
 * Compares this build's outputs with a reference: the same coordinates in a remote repository (Maven Central by
 * default), a folder of files, or a reference {@code .buildinfo}, and explains each difference. Says how the reference
 * was built (JDK, operating system) when that differs from this build. Runs once per reactor, after its last module.
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompareMojo extends AbstractComparingMojo {

    private static final int LOGGED_PER_OUTPUT = 6;

    /**
     * The id of the repository to take the reference from (a repository of the project or its settings), when neither
     * {@code referenceDirectory} nor {@code referenceBuildinfo} is set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.referenceRepository", defaultValue = "central")
    private String referenceRepository;

    /**
     * A folder holding the reference files under their repository names ({@code demo-1.0.jar}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.referenceDirectory")
    private File referenceDirectory;

    /**
     * A reference {@code .buildinfo}: outputs are compared by length and SHA-512 only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.referenceBuildinfo")
    private File referenceBuildinfo;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ReactorAggregation<ModuleOutputs> aggregation = ReactorAggregation.of(session, mojoExecution);
        var all = aggregation.add(project, ModuleOutputs.of(project, skip)).all();
        if (all.isEmpty()) {
            getLog().info("Recorded the outputs of " + project.getArtifactId() + "; the comparison runs after the last module");
            return;
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        ReferenceComparison.Request request = new ReferenceComparison.Request(
                Path.of(top.getBuild().getDirectory(), "secure-build", "compare").toAbsolutePath(), ReactorModules.of(session, lifecycleExecutor, all.get()),
                new ReferenceResolver.Settings(path(referenceDirectory), path(referenceBuildinfo), referenceRepository, session.isOffline()),
                limits(), top.getArtifactId() + "-" + top.getVersion(), top.getVersion(), BuildPlatform.current(), secrets());
        ReferenceComparison.Result result;
        try {
            result = new ReferenceComparison(new MavenRemoteReferences(repositorySystem, session.getRepositorySession(), all.get()))
                    .run(request);
        } catch (InvalidSettingException e) {
            throw SettingNames.failure(e);
        } catch (IOException e) {
            recordResult(top, all.get(), GoalResult.Verdict.FAIL, "Could not compare: " + e.getMessage(), null);
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
        ComparisonReport report = result.report();
        String reference = result.reference();
        log(report, LOGGED_PER_OUTPUT);
        getLog().info("Reports: " + result.reportText() + ", report.json, report.html, .buildcompare");
        if (report.differs()) {
            recordDifference(top, "differs from " + reference + ": " + report.summaryLine(), result.reportJson());
        }
        recordResult(top, all.get(), report, !report.differs() ? GoalResult.Verdict.PASS : failOnDifference ? GoalResult.Verdict.FAIL
                : GoalResult.Verdict.WARN, (report.differs() ? "Differs from " : "Same as ") + reference + ": "
                + report.summaryLine(), result.reportJson());
        if (report.differs() && failOnDifference) {
            throw new MojoFailureException("This build differs from " + reference + ": " + report.summaryLine() + ". See "
                    + result.reportText() + " (-Dsecure-build.failOnDifference=false reports without failing)");
        }
    }
}
