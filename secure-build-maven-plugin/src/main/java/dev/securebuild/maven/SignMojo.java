package dev.securebuild.maven;

import java.io.File;
import java.util.List;

import javax.inject.Inject;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.sign.SigningRequest;

/**
 * Signs and hashes every file the project installs and deploys (the deployed POM, the main and the attached artifacts)
 * in one read of each, verifies each signature, and attaches the {@code .asc} files and checksum sidecars.
 */
@Mojo(name = "sign", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SignMojo extends AbstractHashingMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /**
     * An armored (or binary, or base64) OpenPGP secret key file. Used when environment SECURE_BUILD_SIGNING_KEY is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.keyFile")
    private File keyFile;

    /**
     * The id of a settings.xml server whose {@code privateKey} is the key file and whose {@code passphrase} unlocks it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.serverId")
    private String serverId;

    /**
     * Which key to use when the key source holds several: the fingerprint of the key or of its signing subkey.
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
     * Which signer signs: {@code pgp} (an OpenPGP secret key, see keyFile) or {@code pkcs11} (a key on a PKCS#11 token
     * or hardware security module, see the pkcs11 parameters; the PIN comes from environment SECURE_BUILD_PKCS11_PIN
     * or the {@code <password>} of the settings.xml server serverId).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.signer", defaultValue = "pgp")
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
     * The slot (its PKCS#11 slot id) that holds the token, for signer pkcs11: instead of the token label, or with it
     * when several tokens share a label. The labels and slots of the module's tokens are listed when none matches.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.slot")
    private Long pkcs11Slot;

    /**
     * The label (CKA_LABEL) of the signing key on the token, for signer pkcs11.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.keyLabel")
    private String pkcs11KeyLabel;

    /**
     * The id (CKA_ID, in hex, such as {@code 01} or {@code 0a:1b}) of the signing key on the token, for signer pkcs11:
     * instead of the label, or with it when several keys share a label.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.keyId")
    private String pkcs11KeyId;

    /**
     * The token and key as a PKCS#11 URI (RFC 7512), for signer pkcs11, such as
     * {@code pkcs11:token=release;object=signing?module-path=/usr/lib/softhsm/libsofthsm2.so}: instead of, or with,
     * the parameters above (what both name must agree). Attributes taken: token, slot-id, object, id, type=private and
     * module-path; a PIN in it (pin-value, pin-source) is refused.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.uri")
    private String pkcs11Uri;

    /**
     * The creation time of the token key's OpenPGP key (ISO-8601, such as 2026-01-15T10:00:00Z), for signer pkcs11: it
     * is part of the fingerprint, so it must stay the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.keyCreated")
    private String pkcs11KeyCreated;

    /**
     * The user id of the token key's OpenPGP certificate, for signer pkcs11. By default {@code secure-build PKCS#11 key <keyLabel>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.userId")
    private String pkcs11UserId;

    private SigningRequest signingRequest() {
        return new SigningRequest(signer, keyFile == null ? null : keyFile.toPath(), serverId, keyFingerprint,
                passphrase != null && !passphrase.isEmpty(), new SigningRequest.Pkcs11(pkcs11Library, pkcs11TokenLabel, pkcs11Slot,
                        pkcs11KeyLabel, pkcs11KeyId, pkcs11Uri, pkcs11KeyCreated, pkcs11UserId));
    }

    /**
     * The security event log (JSON Lines, appended): a key that cannot be loaded is recorded there (never the key or
     * its passphrase). docs/events.md lists the events.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.eventLog", defaultValue = "${project.build.directory}/secure-build/security-events.jsonl")
    private String eventLog;

    /**
     * Also print each security event as one line of the Maven log ({@code secure-build-event {...}}), for log shippers.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.eventLog.mavenLog", defaultValue = "false")
    private boolean eventLogToMavenLog;

    private final MavenSigningKeys signingKeys;

    @Inject
    public SignMojo(MavenProjectHelper projectHelper, MavenSigningKeys signingKeys) {
        super(projectHelper);
        this.signingKeys = signingKeys;
    }

    @Override
    protected Signer signer() throws MojoExecutionException {
        try {
            return signingKeys.signer(session, signingRequest(), getLog(),
                    SecurityEventLogs.open(eventLogFile(eventLog), eventLogToMavenLog, getLog()), project, "sign");
        } catch (MojoExecutionException e) {
            recordResult(false, e.getMessage());
            throw e;
        }
    }

    @Override
    protected void recordResult(boolean passed, String summary) {
        GoalResultFiles.write(project, List.of(project), "sign", "sign", passed ? GoalResult.Verdict.PASS : GoalResult.Verdict.FAIL,
                summary, List.of(), outputDirectory.toPath(), getLog());
    }
}
