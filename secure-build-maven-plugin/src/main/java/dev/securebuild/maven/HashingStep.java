package dev.securebuild.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.sign.HashAndSign;
import dev.securebuild.sign.HashingSettings;
import dev.securebuild.sign.ProcessingException;
import dev.securebuild.sign.SignedFile;

/**
 * What {@code sign} and {@code checksums} do with their shared parameters, which each declares (sign's base is the
 * signing goals', checksums has no key): hash and sign the project's files, attach the outputs, say what was done.
 */
final class HashingStep {

    /** The hashing parameters as the goal read them. */
    record Parameters(List<String> algorithms, String summaryFormat, File outputDirectory, boolean attach, int threads) {
    }

    private final MavenProject project;
    private final MavenProjectHelper projectHelper;
    private final Parameters parameters;
    private final Log log;

    HashingStep(MavenProject project, MavenProjectHelper projectHelper, Parameters parameters, Log log) {
        this.project = project;
        this.projectHelper = projectHelper;
        this.parameters = parameters;
        this.log = log;
    }

    /** The options, checked before a key is loaded. */
    HashAndSign.Options options() throws MojoExecutionException {
        Path folder = OutputFolders.check(parameters.outputDirectory().toPath(), "secure-build.outputDirectory",
                "signatures, sidecars and summaries");
        try {
            return HashingSettings.options(parameters.algorithms(), parameters.summaryFormat(), folder, parameters.threads());
        } catch (InvalidSettingException e) {
            throw SettingNames.failure(e);
        }
    }

    /** Hashes every file the project installs and deploys, attaches the outputs when asked, and returns the summary it logged. */
    String hash(HashAndSign.Options options) throws MojoExecutionException {
        HashAndSign engine = new HashAndSign(options);
        try {
            return finish(engine, engine.run(ProducedFiles.of(project)));
        } catch (ProcessingException e) {
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
    }

    /**
     * Signs, hashes and verifies every file the project installs and deploys, attaches the outputs when asked, and
     * returns the summary it logged. The key is loaded while the files are read (a key that cannot be loaded fails the
     * goal with the loader's own error, and nothing is written).
     */
    String sign(HashAndSign.Options options, HashAndSign.SignerLoader<MojoExecutionException> key) throws MojoExecutionException {
        HashAndSign engine = new HashAndSign(options);
        try {
            return finish(engine, engine.run(ProducedFiles.of(project), key));
        } catch (ProcessingException | SigningException e) {
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
    }

    private String finish(HashAndSign engine, List<SignedFile> results) {
        for (SignedFile result : results) {
            if (parameters.attach()) {
                attach(result);
            }
            log.debug(Printable.of(result.produced().repositoryName()) + " " + result.digest().hexDigests());
        }
        String summary = engine.summary(results);
        log.info(summary);
        return summary;
    }

    private void attach(SignedFile result) {
        String extension = result.produced().extension();
        String classifier = result.produced().classifier();
        if (result.signature() != null) {
            projectHelper.attachArtifact(project, extension + ".asc", classifier, result.signature().toFile());
        }
        result.sidecars().forEach((algorithm, sidecar) ->
                projectHelper.attachArtifact(project, extension + "." + algorithm.extension(), classifier, sidecar.toFile()));
    }
}
