package dev.securebuild.maven;

import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import dev.securebuild.sign.KeySources;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SigningKey;
import dev.securebuild.shared.signer.pgp.SigningKeyLoader;

/** Turns the goals' key parameters, the environment and settings.xml into a signing key, unlocked once per build. */
@Named
@Singleton
public class MavenSigningKeys {

    static final String PASSPHRASE_IN_POM = "A passphrase was given as parameter 'passphrase' (in the POM or with "
            + "-Dsecure-build.passphrase, where every reader of the POM or the process list sees it); it was not used. "
            + "Put it in environment " + KeySources.PASSPHRASE_VARIABLE + ", or in the <passphrase> of a settings.xml "
            + "<server> named by serverId (encrypted with mvn --encrypt-password).";

    private final SettingsDecrypter settingsDecrypter;
    private final SigningKeyCache cache;

    @Inject
    public MavenSigningKeys(SettingsDecrypter settingsDecrypter, SigningKeyCache cache) {
        this.settingsDecrypter = settingsDecrypter;
        this.cache = cache;
    }

    /** The configured key, or null when none is configured. */
    public KeySources.Material material(MavenSession session, File keyFile, String serverId) throws MojoExecutionException {
        try {
            return KeySources.resolve(environment(), keyFile == null ? null : keyFile.toPath(), server(session, serverId));
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    public SigningKey signingKey(MavenSession session, File keyFile, String serverId, String fingerprint, Log log) throws MojoExecutionException {
        KeySources.Material material = material(session, keyFile, serverId);
        if (material == null) {
            throw new MojoExecutionException(KeySources.NO_KEY_MESSAGE);
        }
        KeySources.overridden(environment(), keyFile == null ? null : keyFile.toPath(), serverId).ifPresent(log::warn);
        try {
            return cache.get(material.key(), material.passphrase(), fingerprint, () ->
                    new SigningKeyLoader(Instant.now()).load(material.key(), material.source(), material.passphrase(), fingerprint),
                    key -> log.info("Unlocked signing key " + key.fingerprint() + " from " + key.source() + " (once for this build)"));
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /**
     * The configured key as a signer for {@code goal}. A passphrase given as a parameter is refused. A key that cannot be
     * loaded or unlocked is recorded as a {@code key.load-failed} security event before the build stops: the message
     * names the source and the problem, never the key or the passphrase.
     */
    public Signer signer(MavenSession session, File keyFile, String serverId, String fingerprint, String passphrase, Log log,
                         EventLog events, MavenProject project, String goal) throws MojoExecutionException {
        try {
            if (passphrase != null && !passphrase.isEmpty()) {
                throw new MojoExecutionException(PASSPHRASE_IN_POM);
            }
            try {
                return new PgpSigner(signingKey(session, keyFile, serverId, fingerprint, log), Clock.systemUTC());
            } catch (SigningException e) {
                throw new MojoExecutionException(e.getMessage());
            }
        } catch (MojoExecutionException e) {
            SecurityEventLogs.append(events, project, "key.load-failed", Map.of("goal", goal), e.getMessage(), log);
            throw e;
        }
    }

    /** The certificate of the configured key, read without its passphrase: what verification trusts by default. */
    public PublicKeys publicKeysOfConfiguredKey(MavenSession session, File keyFile, String serverId, Log log) throws MojoExecutionException {
        KeySources.Material material = material(session, keyFile, serverId);
        if (material == null) {
            return null;
        }
        KeySources.overridden(environment(), keyFile == null ? null : keyFile.toPath(), serverId).ifPresent(log::warn);
        try {
            return PublicKeys.parse(material.key(), material.source());
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** Package-private so that tests and subclasses could see another environment; the build sees the real one. */
    Map<String, String> environment() {
        return System.getenv();
    }

    private KeySources.ServerKey server(MavenSession session, String serverId) throws MojoExecutionException {
        if (serverId == null || serverId.isBlank()) {
            return null;
        }
        Server server = session == null ? null : session.getSettings().getServer(serverId);
        if (server == null) {
            throw new MojoExecutionException("serverId '" + serverId + "' names no <server> in settings.xml: add "
                    + "<server><id>" + serverId + "</id><privateKey>/path/to/secret-key.asc</privateKey><passphrase>...</passphrase></server>");
        }
        SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // The problem's message names the server and the cause, never the decrypted value.
                throw new MojoExecutionException("Cannot decrypt the passphrase of settings.xml server '" + serverId + "': " + problem.getMessage());
            }
        }
        Server decrypted = result.getServer();
        return new KeySources.ServerKey(serverId, decrypted.getPrivateKey(), decrypted.getPassphrase());
    }
}
