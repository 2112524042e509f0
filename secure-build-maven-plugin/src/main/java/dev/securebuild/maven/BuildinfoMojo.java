package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.maven.model.Scm;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.rtinfo.RuntimeInformation;

import dev.securebuild.reproducible.BuildInfo;
import dev.securebuild.shared.outputs.ProducedFile;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.text.Printable;

/**
 * Writes the reactor's {@code .buildinfo} (Reproducible Builds format): the JDK, Maven and OS of this build, and the
 * length and SHA-512 of every output of every module. Each module records its outputs; the module that finishes last
 * (in any order under {@code -T}) writes one file for the reactor, at the top-level project.
 */
@Mojo(name = "buildinfo", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class BuildinfoMojo extends AbstractSecureBuildMojo {

    /**
     * Attach the {@code .buildinfo} to the module that writes it, so that install and deploy carry it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.attachBuildinfo", defaultValue = "false")
    private boolean attach;

    /**
     * The user properties ({@code -Dname=value}) that {@code mvn.rebuild-args} may give with their value, so that a
     * third party rebuilds as this build ran (comma-separated names, a trailing {@code *} for a prefix); every other one
     * is left out, as it may hold a secret. The same list as provenance's.
     *
     * @since 0.2.0
     */
    @Parameter(property = "secure-build.publicProperties", defaultValue = PublicProperties.DEFAULT)
    private String publicProperties;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    private final RuntimeInformation runtime;
    private final MavenProjectHelper projectHelper;

    @Inject
    public BuildinfoMojo(RuntimeInformation runtime, MavenProjectHelper projectHelper) {
        this.runtime = runtime;
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException {
        BuildInfo.Module module = skip ? null : module(project);
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set; this module's outputs are not in the .buildinfo");
        }
        ReactorAggregation<ModuleResult> aggregation = ReactorAggregation.of(session, mojoExecution);
        var arrival = aggregation.add(project, new ModuleResult(module));
        Optional<List<ModuleResult>> all = arrival.all();
        if (all.isEmpty()) {
            getLog().info("Recorded the outputs of " + project.getArtifactId() + " for the reactor's .buildinfo ("
                    + arrival.stillToCome() + " module(s) still to come)");
            return;
        }
        List<BuildInfo.Module> modules = new ArrayList<>();
        all.get().stream().filter(o -> o.module() != null).forEach(o -> modules.add(o.module()));
        if (modules.isEmpty()) {
            return;
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        Path file = Path.of(top.getBuild().getDirectory(), top.getArtifactId() + "-" + top.getVersion() + ".buildinfo");
        try {
            BuildInfo.write(file, environment(top), modules, secrets());
        } catch (IOException e) {
            throw new MojoExecutionException(Printable.of("Cannot write " + file + ": " + e.getMessage()), e);
        }
        getLog().info("Wrote " + file + " with " + modules.stream().mapToInt(m -> m.outputs().size()).sum() + " output(s) of "
                + modules.size() + " module(s)");
        if (attach) {
            projectHelper.attachArtifact(project, "buildinfo", null, file.toFile());
        }
    }

    /** A module's result; null when the module skipped the goal. */
    record ModuleResult(BuildInfo.Module module) {}

    static BuildInfo.Module module(MavenProject project) throws MojoExecutionException {
        List<BuildInfo.Output> outputs = new ArrayList<>();
        for (ProducedFile file : ProducedFiles.of(project)) {
            outputs.add(new BuildInfo.Output(project.getGroupId(), file.repositoryName(), file.file()));
        }
        return new BuildInfo.Module(project.getGroupId(), project.getArtifactId(), outputs);
    }

    private BuildInfo.Environment environment(MavenProject top) {
        Scm scm = top.getScm();
        return new BuildInfo.Environment(top.getName(), top.getGroupId(), top.getArtifactId(), top.getVersion(),
                scm == null ? null : scm.getConnection() != null ? scm.getConnection() : scm.getDeveloperConnection(),
                scm == null ? null : scm.getTag(),
                System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("os.name"),
                System.lineSeparator(), runtime.getMavenVersion(), RebuildInvocations.buildinfoArgs(session, publicProperties));
    }
}
