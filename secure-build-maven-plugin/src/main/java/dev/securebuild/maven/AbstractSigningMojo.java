package dev.securebuild.maven;

import java.io.File;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.sign.SigningRequest;

/**
 * What the goals that sign with the build's key share ({@code sign}, {@code provenance}, {@code record-deployment},
 * {@code export-public-key}): the key parameters, declared once so that one configuration serves them all, and the
 * security event log where a key that cannot be used is recorded. Each goal declares its own {@code signer} parameter,
 * because their defaults differ.
 */
abstract class AbstractSigningMojo extends AbstractEventLoggingMojo {

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
     * For signer pgp: which key to use when the key source holds several: the fingerprint of the key or of its signing
     * subkey.
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
     * The user id of the token key's OpenPGP certificate, for signer pkcs11, such as
     * {@code Example Releases <releases@example.org>}. By default {@code secure-build PKCS#11 key <keyLabel>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.userId")
    private String pkcs11UserId;

    protected final MavenSigningKeys signingKeys;

    @Inject
    protected AbstractSigningMojo(MavenSigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    /** The goal's {@code signer} parameter: {@code pgp} or {@code pkcs11}. */
    protected abstract String signerName();

    /** The configured key as a signer for {@code goal}; a key that cannot be used is recorded in {@code events}. */
    protected Signer signer(String goal, EventLog events) throws MojoExecutionException {
        return signingKeys.signer(session, signingRequest(), getLog(), events, project, goal);
    }

    /** The key parameters as one request. */
    private SigningRequest signingRequest() {
        return new SigningRequest(signerName(), keyFile == null ? null : keyFile.toPath(), serverId, keyFingerprint,
                passphrase != null && !passphrase.isEmpty(), new SigningRequest.Pkcs11(pkcs11Library, pkcs11TokenLabel, pkcs11Slot,
                        pkcs11KeyLabel, pkcs11KeyId, pkcs11Uri, pkcs11KeyCreated, pkcs11UserId));
    }
}
