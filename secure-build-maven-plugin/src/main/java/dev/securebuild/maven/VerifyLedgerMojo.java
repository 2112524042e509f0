package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.provenance.ledger.LedgerVerifier;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.sign.TrustedKeys;

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
    @Parameter(property = "secure-build.ledger", defaultValue = "${maven.multiModuleProjectDirectory}/" + RecordDeploymentMojo.DEFAULT_LEDGER)
    private String ledger;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Inject
    public VerifyLedgerMojo(MavenSigningKeys signingKeys) {
        super(signingKeys);
    }

    @Override
    protected void verify() throws MojoExecutionException, MojoFailureException {
        boolean hasProject = isProject(project);
        Path base = base(project);
        Path file = RecordDeploymentMojo.resolveLedger(ledger, session);
        String projectId = hasProject ? project.getGroupId() + ":" + project.getArtifactId() : "-";

        TrustedKeys trusted = trustedKeys(base);
        EventLog log = openEventLog();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ledger", file.toString());
        LedgerVerifier.Result result;
        try {
            result = new LedgerVerifier(trusted.known(), trusted.trustedFingerprints()).verify(file);
        } catch (NoSuchFileException e) {
            fields.put("line", 0);
            fields.put("problem", "missing");
            append(log, "ledger.broken", projectId, fields, "there is no ledger at " + file);
            throw new MojoFailureException("There is no ledger at " + file + ": give its path with -Dsecure-build.ledger=PATH");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the ledger " + file + ": " + e.getMessage(), e);
        }
        if (!result.ok()) {
            LedgerVerifier.Problem problem = result.problem();
            fields.put("line", problem.line());
            fields.put("problem", problem.kind().label());
            fields.put("verifiedRecords", result.records());
            append(log, "ledger.broken", projectId, fields, problem.message());
            getLog().error("The ledger " + file + " is broken at " + problem.message());
            throw new MojoFailureException("The ledger " + file + " is broken at " + problem.message()
                    + (result.records() > 0 ? " (lines 1 to " + result.records() + " verify)" : ""));
        }
        fields.put("records", result.records());
        fields.put("head", result.head());
        fields.put("signers", String.join(",", result.signers()));
        append(log, "ledger.verified", projectId, fields, result.records() + " record(s) verified");
        if (result.records() == 0) {
            getLog().warn("The ledger " + file + " is empty: nothing to verify");
            return;
        }
        getLog().info("The ledger " + file + " verifies: " + result.records() + " record(s), numbered in order, each chained to the one "
                + "before and signed by a trusted key (" + String.join(", ", result.signers()) + (result.signers().size() > 1
                ? "; each change of key declared by the record that made it" : "") + "); SHA-256 of the last record " + result.head());
    }

    private static void append(EventLog log, String type, String projectId, Map<String, Object> fields, String message)
            throws MojoExecutionException {
        try {
            log.append(type, projectId, fields, message);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot append to the security event log " + log.file() + ": " + e.getMessage(), e);
        }
    }
}
