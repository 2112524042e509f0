package dev.securebuild.maven;

import java.io.File;
import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.provenance.ProvenanceCheck;
import dev.securebuild.provenance.ProvenanceException;
import dev.securebuild.shared.text.LogSink;
import dev.securebuild.provenance.VerificationFailedException;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.signer.pgp.TrustedKeys;

/**
 * Verifies the provenance file that {@code provenance} wrote: the DSSE signature by a trusted key, the payload and
 * statement types, and that each subject's SHA-256 and SHA-512 are those of the file (the project's outputs, or the
 * files of {@code directory}). Each failure fails the build and is appended to the security event log. Without a
 * project it checks downloaded files: the {@code directory} they are in, and the one {@code .intoto.jsonl} there (or
 * {@code provenanceFile}).
 */
@Mojo(name = "verify-provenance", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class VerifyProvenanceMojo extends AbstractVerifyingMojo {

    /**
     * The provenance file to verify. Without a project, by default the one {@code *.intoto.jsonl} in {@code directory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.provenanceFile", defaultValue = "${project.build.directory}/${project.build.finalName}.intoto.jsonl")
    private File provenanceFile;

    /**
     * Look up the files the subjects name in this folder (e.g. downloaded from a repository) instead of the project's
     * outputs. Then the project's outputs need not all be subjects.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.directory")
    private File directory;

    /**
     * Fail when the provenance records a build from a git working tree with uncommitted changes or untracked files,
     * or does not say (built outside a git work tree, without git, or by an earlier version). Without it, such a
     * provenance passes with a warning that names the changed files.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.requireCleanSource", defaultValue = "false")
    private boolean requireCleanSource;

    @Inject
    public VerifyProvenanceMojo(MavenSigningKeys signingKeys) {
        super(signingKeys);
    }

    @Override
    protected void verify() throws MojoExecutionException, MojoFailureException {
        // Maven's stand-in project, when there is no POM, is no project to leave a result for.
        MavenProject resultProject = isProject(project) ? project : null;
        try {
            verifyProvenance();
        } catch (MojoExecutionException | MojoFailureException e) {
            GoalResultFiles.fail(session, resultProject, "verify-provenance", "verify-provenance", e.getMessage(), provenanceFile.toPath(), getLog());
            throw e;
        }
    }

    private void verifyProvenance() throws MojoExecutionException, MojoFailureException {
        boolean hasProject = isProject(project);
        Path base = base(project);
        String projectId = hasProject ? project.getGroupId() + ":" + project.getArtifactId() : "-";
        Path defaultFile = project == null || project.getBuild() == null ? null
                : Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".intoto.jsonl");
        ProvenanceCheck check = new ProvenanceCheck(new ProvenanceCheck.Request(hasProject, base, provenanceFile == null ? null : provenanceFile.toPath(),
                defaultFile, directory == null ? null : directory.toPath(), requireCleanSource, projectId),
                LogLines.sink(getLog()));
        try {
            Path provenance = check.locate();
            EventLog events = openEventLog();

            TrustedKeys trusted = trustedKeys(base);
            ProvenanceCheck.Passed passed = check.verify(provenance, trusted, events, () -> ProducedFiles.of(project));
            GoalResultFiles.pass(session, hasProject ? project : null, "verify-provenance", "verify-provenance", passed.summary(), provenance,
                    passed.sourceTree(), getLog());
            getLog().info(passed.message());
        } catch (VerificationFailedException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (ProvenanceException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
