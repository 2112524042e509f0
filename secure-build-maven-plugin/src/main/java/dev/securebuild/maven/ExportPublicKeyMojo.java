package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.signer.Signer;

/**
 * Writes the armored OpenPGP certificate of the signing key: for a key on a PKCS#11 token, the OpenPGP key made from the
 * token's public key and the configured creation time, with a user id, self-signed by the token. gpg, sq, rnp and
 * verify-signatures trust signatures of the token key once they are given this file.
 */
@Mojo(name = "export-public-key", threadSafe = true, requiresProject = false)
public class ExportPublicKeyMojo extends AbstractSigningMojo {

    /**
     * Where the armored certificate is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.output", defaultValue = "${project.build.directory}/secure-build/public-key.asc")
    private File output;

    /**
     * Whose public key to export: {@code pkcs11} (the default here) or {@code pgp} (the OpenPGP key of keyFile) (a key on a PKCS#11 token
     * or hardware security module, see the pkcs11 parameters; the PIN comes from environment SECURE_BUILD_PKCS11_PIN
     * or the {@code <password>} of the settings.xml server serverId).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.signer", defaultValue = "pkcs11")
    private String signer;

    @Inject
    public ExportPublicKeyMojo(MavenSigningKeys signingKeys) {
        super(signingKeys);
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
        Signer chosen = signer("export-public-key", openEventLog());
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
