package dev.securebuild.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.rtinfo.RuntimeInformation;

import dev.securebuild.provenance.ProvenanceBuilder;
import dev.securebuild.provenance.ProvenanceException;
import dev.securebuild.shared.text.LogSink;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.provenance.Provenance;

/**
 * Writes SLSA provenance for every file the project produced (the deployed POM, the main and the attached
 * artifacts): an in-toto statement in a DSSE envelope signed with the same key as {@code sign}, as one line of
 * {@code target/<finalName>.intoto.jsonl}, attached so that install and deploy carry it as
 * {@code <artifactId>-<version>.intoto.jsonl}. Bind it before {@code sign} in the same phase, so that {@code sign}
 * signs and hashes the envelope file as well.
 */
@Mojo(name = "provenance", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class ProvenanceMojo extends AbstractSigningMojo {

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /**
     * Where the envelope is written: one DSSE envelope, one line of JSON.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.provenanceFile", defaultValue = "${project.build.directory}/${project.build.finalName}.intoto.jsonl")
    private File provenanceFile;

    /**
     * Attach the provenance file to the project (type {@code intoto.jsonl}), so that install and deploy carry it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.attach", defaultValue = "true")
    private boolean attach;

    /**
     * The user properties ({@code -Dname=value}) whose value the provenance may hold (comma-separated names, a trailing
     * {@code *} for a prefix); every other one is recorded by its name with the value {@code [redacted]}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.publicProperties", defaultValue = PublicProperties.DEFAULT)
    private String publicProperties;

    /**
     * Which signer signs: {@code pgp} (an OpenPGP secret key, see keyFile) or {@code pkcs11} (a key on a PKCS#11 token
     * or hardware security module, see the pkcs11 parameters; the PIN comes from environment SECURE_BUILD_PKCS11_PIN
     * or the {@code <password>} of the settings.xml server serverId).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.signer", defaultValue = "pgp")
    private String signer;

    private final MavenProjectHelper projectHelper;
    private final RuntimeInformation runtime;

    @Inject
    public ProvenanceMojo(MavenProjectHelper projectHelper, MavenSigningKeys signingKeys, RuntimeInformation runtime) {
        super(signingKeys);
        this.projectHelper = projectHelper;
        this.runtime = runtime;
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
        try {
            write();
        } catch (MojoExecutionException e) {
            GoalResultFiles.fail(session, project, "provenance", "provenance", e.getMessage(), provenanceFile.toPath(), getLog());
            throw e;
        }
    }

    private void write() throws MojoExecutionException {
        Signer signer = signer("provenance", openEventLog());
        ProvenanceBuilder.Written written;
        try {
            written = new ProvenanceBuilder(ProvenanceBuilder.Checkout.git(project.getBasedir().toPath()), Clock.systemUTC(), secrets())
                    .write(ProvenanceInputs.request(project, session, plugin, runtime, publicProperties, provenanceFile.toPath()), signer,
                            LogLines.sink(getLog()));
        } catch (ProvenanceException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Path output = written.output();
        if (attach) {
            projectHelper.attachArtifact(project, ProvenanceBuilder.TYPE, null, output.toFile());
        }
        GoalResultFiles.pass(session, project, "provenance", "provenance", written.summary(), output,
                Provenance.WorkingTree.state(written.workingTree()), getLog());
        getLog().info(written.message(attach ? project.getArtifactId() + "-" + project.getArtifact().getBaseVersion() + "." + ProvenanceBuilder.TYPE
                : null));
    }
}
