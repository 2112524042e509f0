package dev.securebuild.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.sign.HashAndSign;
import dev.securebuild.sign.ProcessingException;
import dev.securebuild.sign.SignedFile;
import dev.securebuild.sign.SummaryFormat;

/** What {@code sign} and {@code checksums} share: which digests, which outputs, and attaching them to the project. */
abstract class AbstractHashingMojo extends AbstractSecureBuildMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * The digests written as sidecars: any of SHA-256, SHA-512, SHA-1, MD5. SHA-1 and MD5 only for repositories that
     * still demand them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.algorithms", defaultValue = "SHA-256,SHA-512")
    private List<String> algorithms;

    /**
     * Also write summaries ({@code SHA256SUMS}, {@code SHA512SUMS}) that {@code sha256sum -c} reads: NONE, GNU or BSD.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.summaryFormat", defaultValue = "NONE")
    private String summaryFormat;

    /**
     * Where signatures, sidecars and summaries are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.outputDirectory", defaultValue = "${project.build.directory}/secure-build/sign")
    protected File outputDirectory;

    /**
     * Attach signatures and sidecars to the project, so that install and deploy carry them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.attach", defaultValue = "true")
    private boolean attach;

    /**
     * How many files are read at once; 0 means one per processor.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.threads", defaultValue = "0")
    private int threads;

    private final MavenProjectHelper projectHelper;

    protected AbstractHashingMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        Path folder = OutputFolders.check(outputDirectory.toPath(), "secure-build.outputDirectory", "signatures, sidecars and summaries");
        HashAndSign.Options options = new HashAndSign.Options(parseAlgorithms(), parseSummaryFormat(), folder,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        Signer signer = signer();
        List<SignedFile> results;
        try {
            results = new HashAndSign(options, signer).run(ProducedFiles.of(project));
        } catch (ProcessingException | SigningException | MojoExecutionException e) {
            recordResult(false, e.getMessage());
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
        for (SignedFile result : results) {
            if (attach) {
                attach(result);
            }
            getLog().debug(Printable.of(result.produced().repositoryName()) + " " + result.digest().hexDigests());
        }
        String summary = summary(results.size(), options, signer);
        recordResult(true, summary);
        getLog().info(summary);
    }

    /** Records the outcome for the release gate (sign does; checksums decides nothing). */
    protected void recordResult(boolean passed, String summary) {}

    /** The signer, or null for checksums only. */
    protected abstract Signer signer() throws MojoExecutionException;

    private void attach(SignedFile result) {
        String extension = result.produced().extension();
        String classifier = result.produced().classifier();
        if (result.signature() != null) {
            projectHelper.attachArtifact(project, extension + ".asc", classifier, result.signature().toFile());
        }
        result.sidecars().forEach((algorithm, sidecar) ->
                projectHelper.attachArtifact(project, extension + "." + algorithm.extension(), classifier, sidecar.toFile()));
    }

    private String summary(int count, HashAndSign.Options options, Signer signer) {
        String digests = String.join(", ", options.algorithms().stream().sorted().map(DigestAlgorithm::jcaName).toList());
        return (signer == null ? "Hashed " : "Signed and hashed ") + count + (count == 1 ? " file" : " files") + " (" + digests + ")"
                + (signer == null ? "" : " with key " + signer.fingerprint() + ", every signature verified")
                + " in " + outputDirectory;
    }

    private Set<DigestAlgorithm> parseAlgorithms() throws MojoExecutionException {
        Set<DigestAlgorithm> parsed = EnumSet.noneOf(DigestAlgorithm.class);
        try {
            for (String entry : algorithms) {
                for (String name : entry.split(",")) {
                    if (!name.isBlank()) {
                        parsed.add(DigestAlgorithm.parse(name));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Parameter algorithms: " + e.getMessage());
        }
        return parsed;
    }

    private SummaryFormat parseSummaryFormat() throws MojoExecutionException {
        try {
            return SummaryFormat.parse(summaryFormat);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Parameter summaryFormat: " + e.getMessage());
        }
    }
}
