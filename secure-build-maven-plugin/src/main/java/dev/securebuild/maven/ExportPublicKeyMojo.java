package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.signer.Signer;

/**
 * Writes the armored OpenPGP certificate of the signing key: for a key on a PKCS#11 token, the OpenPGP key made from the
 * token's public key and the configured creation time, with a user id, self-signed by the token. gpg, sq, rnp and
 * verify-signatures trust signatures of the token key once they are given this file.
 */
@Mojo(name = "export-public-key", threadSafe = true, requiresProject = false)
public class ExportPublicKeyMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /**
     * Where the armored certificate is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.output", defaultValue = "${project.build.directory}/secure-build/public-key.asc")
    private File output;

    /**
     * Skip this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.skip", defaultValue = "false")
    private boolean skip;

    /**
     * For signer pgp: an armored (or binary, or base64) OpenPGP secret key file. Used when environment
     * SECURE_BUILD_SIGNING_KEY is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.keyFile")
    private File keyFile;

    /**
     * A settings.xml server: for signer pkcs11 its {@code <password>} is the token's PIN (when environment
     * SECURE_BUILD_PKCS11_PIN is not set); for signer pgp its {@code privateKey} and {@code passphrase} are the key's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.serverId")
    private String serverId;

    /**
     * For signer pgp: which key to use when the key source holds several.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.keyFingerprint")
    private String keyFingerprint;

    /**
     * Refused: a passphrase does not belong in the POM or on the command line. Exists only to say so.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.passphrase")
    private String passphrase;

    /**
     * The security event log (JSON Lines, appended): a key or token that cannot be used is recorded there.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.eventLog", defaultValue = "${project.build.directory}/secure-build/security-events.jsonl")
    private String eventLog;

    /**
     * Also print each security event as one line of the Maven log ({@code secure-build-event {...}}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.eventLog.mavenLog", defaultValue = "false")
    private boolean eventLogToMavenLog;

    /**
     * Whose public key to export: {@code pkcs11} (the default here) or {@code pgp} (the OpenPGP key of keyFile) (a key on a PKCS#11 token
     * or hardware security module, see the pkcs11 parameters; the PIN comes from environment SECURE_BUILD_PKCS11_PIN
     * or the {@code <password>} of the settings.xml server serverId).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.signer", defaultValue = "pkcs11")
    private String signer;

    /**
     * The token's PKCS#11 module library (.so, .dylib or .dll), for signer pkcs11.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.library")
    private String pkcs11Library;

    /**
     * The label of the token that holds the key, for signer pkcs11. Optional when the module has one token.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.tokenLabel")
    private String pkcs11TokenLabel;

    /**
     * The label (CKA_LABEL) of the signing key on the token, for signer pkcs11.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.keyLabel")
    private String pkcs11KeyLabel;

    /**
     * The creation time of the token key's OpenPGP key (ISO-8601, such as 2026-01-15T10:00:00Z), for signer pkcs11: it
     * is part of the fingerprint, so it must stay the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.keyCreated")
    private String pkcs11KeyCreated;

    /**
     * The user id of the token key's OpenPGP certificate, for signer pkcs11, such as
     * {@code Example Releases <releases@example.org>}. By default {@code secure-build PKCS#11 key <keyLabel>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.userId")
    private String pkcs11UserId;

    private final MavenSigningKeys signingKeys;

    @Inject
    public ExportPublicKeyMojo(MavenSigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        SignerChoice choice = new SignerChoice(signer, pkcs11Library, pkcs11TokenLabel, pkcs11KeyLabel, pkcs11KeyCreated, pkcs11UserId);
        Path base = project != null && project.getBasedir() != null ? project.getBasedir().toPath() : Path.of("").toAbsolutePath();
        EventLog events = SecurityEventLogs.open(base, eventLog, eventLogToMavenLog, getLog());
        Signer chosen = signingKeys.signer(session, keyFile, serverId, keyFingerprint, passphrase, choice, getLog(), events, project,
                "export-public-key");
        byte[] certificate;
        try {
            certificate = chosen.armoredPublicKey();
        } catch (IllegalStateException e) {
            throw new MojoExecutionException("Cannot make the certificate of key " + chosen.fingerprint() + ": " + e.getMessage(), e);
        }
        Path target = output.toPath().toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(target.getParent());
            AtomicFiles.write(target, certificate);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the public key to " + target + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote the OpenPGP certificate of key " + chosen.fingerprint() + " to " + target);
    }
}
