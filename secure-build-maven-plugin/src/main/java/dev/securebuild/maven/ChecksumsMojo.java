package dev.securebuild.maven;

import java.io.File;
import java.util.List;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes checksum sidecars (and optionally summaries) for every file the project installs and deploys, without a key.
 * Its parameters are {@code sign}'s hashing parameters, declared the same in both (sign's base is the signing goals').
 */
@Mojo(name = "checksums", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ChecksumsMojo extends AbstractSecureBuildMojo {

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
    private File outputDirectory;

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

    @Inject
    public ChecksumsMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        HashingStep hashing = new HashingStep(project, projectHelper,
                new HashingStep.Parameters(algorithms, summaryFormat, outputDirectory, attach, threads), getLog());
        hashing.hash(hashing.options());
    }
}
