package dev.securebuild.maven;

import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.provenance.ProvenanceException;
import dev.securebuild.shared.text.LogSink;
import dev.securebuild.provenance.VerificationFailedException;
import dev.securebuild.provenance.ledger.LedgerCheck;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.signer.pgp.TrustedKeys;

/**
 * Verifies a deployment ledger: every line a record, numbered one after another, chained to the line before by its
 * SHA-256, and signed by a trusted key. Fails at the first broken line, saying which and what happened to it (edited,
 * deleted, reordered, replaced, unknown key, bad signature), and records the outcome in the security event log.
 */
@Mojo(name = "verify-ledger", threadSafe = true, requiresProject = false, aggregator = true)
public class VerifyLedgerMojo extends AbstractVerifyingMojo {

    /**
     * The ledger file to verify.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger", defaultValue = "${maven.multiModuleProjectDirectory}/" + LedgerFiles.DEFAULT)
    private String ledger;

    @Inject
    public VerifyLedgerMojo(MavenSigningKeys signingKeys) {
        super(signingKeys);
    }

    @Override
    protected void verify() throws MojoExecutionException, MojoFailureException {
        boolean hasProject = isProject(project);
        Path base = base(project);
        Path file = LedgerFiles.resolve(ledger, session);
        String projectId = hasProject ? project.getGroupId() + ":" + project.getArtifactId() : "-";

        TrustedKeys trusted = trustedKeys(base);
        EventLog log = openEventLog();
        try {
            new LedgerCheck(trusted).verify(file, log, projectId, LogLines.sink(getLog()));
        } catch (VerificationFailedException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (ProvenanceException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
