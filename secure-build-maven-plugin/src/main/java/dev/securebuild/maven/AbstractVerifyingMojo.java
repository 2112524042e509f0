package dev.securebuild.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.TrustedKeys;

/**
 * What verify-signatures, verify-provenance and verify-ledger share: which keys they trust, the security event log and
 * skip. A verifier never unlocks a key (no passphrase, no PIN, no token): it trusts the given public key files, or the
 * certificate of the configured signing key.
 */
abstract class AbstractVerifyingMojo extends AbstractEventLoggingMojo {

    /**
     * Trusted keys, comma-separated: files of armored public keys (such as what {@code export-public-key} writes),
     * and/or fingerprints of keys in those files. Empty: the configured signing key is trusted.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.trustedKeys")
    private List<String> trustedKeys;

    /**
     * The signing key, whose certificate is trusted when {@code trustedKeys} is empty (no passphrase needed).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.keyFile")
    private File keyFile;

    /**
     * A settings.xml server whose {@code privateKey} is the signing key, trusted when {@code trustedKeys} is empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.serverId")
    private String serverId;

    private final MavenSigningKeys signingKeys;

    protected AbstractVerifyingMojo(MavenSigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        verify();
    }

    protected abstract void verify() throws MojoExecutionException, MojoFailureException;

    /** The keys this goal trusts, relative paths taken from {@code base}. */
    protected TrustedKeys trustedKeys(Path base) throws MojoExecutionException {
        try {
            return TrustedKeys.resolve(trustedKeys == null ? List.of() : trustedKeys, base,
                    signingKeys.publicKeysOfConfiguredKey(session, keyFile, serverId, getLog()));
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InvalidSettingException e) {
            throw SettingNames.failure(e);
        }
    }

    /** A project with a POM, not the stand-in Maven makes for a goal run in a plain folder. */
    protected static boolean isProject(MavenProject project) {
        return project != null && project.getFile() != null;
    }

    /** Where relative paths start: the project's folder, or without a POM the folder Maven was started in. */
    protected Path base(MavenProject project) {
        return isProject(project) ? project.getBasedir().toPath() : Path.of(session.getExecutionRootDirectory());
    }
}
