package dev.securebuild.maven;

import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.provenance.ProvenanceException;
import dev.securebuild.provenance.ledger.DeploymentRecorder;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.signer.Signer;

/**
 * Records the deployment in an append-only, hash-chained, signed ledger (JSON Lines): who deployed what, where, with
 * which configuration, and what the other goals decided. One record per build for the whole reactor, written by the
 * module that finishes last; optionally also POSTed to an endpoint. Bound to phase {@code deploy}, it runs after
 * maven-deploy-plugin's {@code default-deploy}: Maven runs the executions its lifecycle binds to a phase before those a
 * POM binds to the same phase.
 */
@Mojo(name = "record-deployment", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class RecordDeploymentMojo extends AbstractSigningMojo {

    /**
     * The ledger file, appended to. A relative path is taken from the folder Maven was started in. The default is in
     * the reactor's root folder (the one holding {@code .mvn}, else the one Maven was started in).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger", defaultValue = "${maven.multiModuleProjectDirectory}/" + LedgerFiles.DEFAULT)
    private String ledger;

    /**
     * Also POST each record (the JSON of its line) to this URL: https, or http to localhost only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger.endpoint")
    private String endpoint;

    /**
     * How long to wait for the endpoint to connect, and then to answer, in seconds.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger.endpointTimeout", defaultValue = "30")
    private int endpointTimeout;

    /**
     * Environment variables to record (comma-separated names), each value redacted as Redaction decides. No other
     * variable is recorded.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger.environment")
    private List<String> environment;

    /**
     * The user properties ({@code -Dname=value}) whose value the record may hold (comma-separated names, a trailing
     * {@code *} for a prefix); every other one is recorded by its name with the value {@code [redacted]}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.publicProperties", defaultValue = PublicProperties.DEFAULT)
    private String publicProperties;

    /**
     * The fingerprint of the key that signs from now on, to change the ledger's key: a record signed by another key than
     * the ledger's last record is refused unless this names it. The record then declares the change ({@code keyRotation},
     * from the previous key to this one), which verify-ledger requires of a change.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger.newKey")
    private String newKey;

    /**
     * Which signer signs: {@code pgp} (an OpenPGP secret key, see keyFile) or {@code pkcs11} (a key on a PKCS#11 token
     * or hardware security module, see the pkcs11 parameters; the PIN comes from environment SECURE_BUILD_PKCS11_PIN
     * or the {@code <password>} of the settings.xml server serverId).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.signer", defaultValue = "pgp")
    private String signer;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Inject
    public RecordDeploymentMojo(MavenSigningKeys signingKeys) {
        super(signingKeys);
    }

    @Override
    protected String signerName() {
        return signer;
    }

    @Override
    public void execute() throws MojoExecutionException {
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        DeploymentRecorder recorder = new DeploymentRecorder(DeployedModules.settings(session, ledger, newKey, endpoint, endpointTimeout, environment,
                publicProperties, secrets()));
        try {
            DeploymentRecorder.ModuleRecord mine = recorder.deploys(skip, project.getProperties(), project.getArtifactId(), getLog()::info)
                    ? recorder.module(this::signer, () -> DeployedModules.of(project), getLog()::warn) : null;
            var arrival = ReactorAggregation.<DeploymentRecorder.ModuleRecord>of(session, mojoExecution).add(project, mine);
            if (arrival.all().isEmpty()) {
                getLog().info(DeploymentRecorder.waiting(mine, project.getArtifactId(), arrival.stillToCome()));
            } else {
                recorder.record(arrival.all().get(), Path.of(top.getBuild().getDirectory(), "secure-build"), this::signer, openEventLog(),
                        top.getGroupId() + ":" + top.getArtifactId(), getLog()::info);
            }
        } catch (ProvenanceException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private Signer signer() throws MojoExecutionException {
        return signer("record-deployment", openEventLog());
    }
}
