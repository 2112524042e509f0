package dev.securebuild.maven;

import java.io.File;
import java.util.List;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.sign.HashAndSign;

/**
 * Signs and hashes every file the project installs and deploys (the deployed POM, the main and the attached artifacts)
 * in one read of each, verifies each signature, and attaches the {@code .asc} files and checksum sidecars. The key
 * parameters are those of every signing goal; the hashing parameters are {@code checksums}'.
 */
@Mojo(name = "sign", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SignMojo extends AbstractSigningMojo {

    /**
     * Which signer signs: {@code pgp} (an OpenPGP secret key, see keyFile) or {@code pkcs11} (a key on a PKCS#11 token
     * or hardware security module, see the pkcs11 parameters; the PIN comes from environment SECURE_BUILD_PKCS11_PIN
     * or the {@code <password>} of the settings.xml server serverId).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.signer", defaultValue = "pgp")
    private String signer;

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
    public SignMojo(MavenProjectHelper projectHelper, MavenSigningKeys signingKeys) {
        super(signingKeys);
        this.projectHelper = projectHelper;
    }

    @Override
    protected String signerName() {
        return signer;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        HashingStep hashing = new HashingStep(project, projectHelper,
                new HashingStep.Parameters(algorithms, summaryFormat, outputDirectory, attach, threads), getLog());
        HashAndSign.Options options = hashing.options();
        try {
            recordResult(GoalResult.Verdict.PASS, hashing.sign(options, () -> signer("sign", openEventLog())));
        } catch (MojoExecutionException e) {
            recordResult(GoalResult.Verdict.FAIL, e.getMessage());
            throw e;
        }
    }

    /** For the release gate. */
    private void recordResult(GoalResult.Verdict verdict, String summary) {
        GoalResultFiles.write(session, project, List.of(project), "sign", "sign", verdict, summary, List.of(), outputDirectory.toPath(), getLog());
    }
}
