package dev.securebuild.maven;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SigningKey;
import dev.securebuild.shared.signer.pgp.SigningKeyLoader;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Signer;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Token;
import dev.securebuild.sign.KeySources;
import dev.securebuild.sign.SignerChoice;
import dev.securebuild.sign.SigningRequest;

/**
 * The Maven side of choosing a signing key: gives {@link SignerChoice} the environment and the decrypted settings.xml
 * servers, unlocks the chosen key once per build (OpenPGP keys and token logins are cached), marks the key and its
 * passphrase as secrets of the build, and turns what goes wrong into Maven's errors.
 */
@Named
@Singleton
public class MavenSigningKeys {

    static final String NO_KEY_MESSAGE = "No signing key is configured. Give one of:\n"
            + "  1. environment " + KeySources.KEY_VARIABLE + " (an armored secret key, or its base64) and " + KeySources.PASSPHRASE_VARIABLE
            + " if it is protected;\n"
            + "  2. a key file: <keyFile> or -Dsecure-build.keyFile=PATH (passphrase in " + KeySources.PASSPHRASE_VARIABLE + ");\n"
            + "  3. a settings.xml <server> named by <serverId> or -Dsecure-build.serverId=ID, with <privateKey> (the key file) "
            + "and <passphrase> (which mvn --encrypt-password can encrypt).\n"
            + "Or skip with -Dsecure-build.skip. For a throwaway key: mvn dev.securebuild:secure-build-maven-plugin:generate-key";

    private final SettingsDecrypter settingsDecrypter;
    private final SigningKeyCache cache;
    private final Pkcs11TokenCache tokens;

    @Inject
    public MavenSigningKeys(SettingsDecrypter settingsDecrypter, SigningKeyCache cache, Pkcs11TokenCache tokens) {
        this.settingsDecrypter = settingsDecrypter;
        this.cache = cache;
        this.tokens = tokens;
    }

    /**
     * The signer that {@code request} asks for, for {@code goal}: the configured OpenPGP key, or a key on a PKCS#11 token
     * (logged in once per build). A key that cannot be loaded or unlocked is recorded as a {@code key.load-failed}
     * security event before the build stops: the message names the source and the problem, never the key or a secret.
     */
    public Signer signer(MavenSession session, SigningRequest request, Log log, EventLog events, MavenProject project, String goal)
            throws MojoExecutionException {
        try {
            try {
                SignerChoice.Choice choice = choice(session).choose(request);
                if (choice instanceof SignerChoice.Token token) {
                    return pkcs11Signer(token, log);
                }
                return new PgpSigner(signingKey(session, (SignerChoice.OpenPgp) choice, log), Clock.systemUTC());
            } catch (SigningException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            } catch (InvalidSettingException e) {
                throw SettingNames.failure(e);
            }
        } catch (MojoExecutionException e) {
            SecurityEventLogs.append(events, project, "key.load-failed", Map.of("goal", goal), e.getMessage(), log);
            throw e;
        }
    }

    private SigningKey signingKey(MavenSession session, SignerChoice.OpenPgp choice, Log log) throws MojoExecutionException, SigningException {
        KeySources.Material material = choice.material();
        if (material == null) {
            throw new MojoExecutionException(NO_KEY_MESSAGE);
        }
        keepSecret(session, material);
        choice.overridden().ifPresent(log::warn);
        return cache.get(material.key(), material.passphrase(), choice.fingerprint(), () ->
                new SigningKeyLoader(Instant.now()).load(material.key(), material.source(), material.passphrase(), choice.fingerprint()),
                key -> log.info("Unlocked signing key " + key.fingerprint() + " from " + key.source() + " (once for this build)"));
    }

    /** The token is opened and logged in once per build; the PIN is never logged, and cleared once used. */
    private Pkcs11Signer pkcs11Signer(SignerChoice.Token token, Log log) throws SigningException {
        try {
            Pkcs11Token opened = tokens.get(token.location(), token.pin(), first -> log.info("Logged in to the PKCS#11 token for "
                    + first.location().describe() + " (once for this build)"));
            return new Pkcs11Signer(opened, token.keyCreated(), token.userId(), Clock.systemUTC());
        } finally {
            SignerChoice.clear(token.pin());
        }
    }

    /** The certificate of the configured key, read without its passphrase: what verification trusts by default. */
    public PublicKeys publicKeysOfConfiguredKey(MavenSession session, File keyFile, String serverId, Log log) throws MojoExecutionException {
        Path keyPath = keyFile == null ? null : keyFile.toPath();
        try {
            SignerChoice choice = choice(session);
            KeySources.Material material = choice.material(keyPath, serverId);
            if (material == null) {
                return null;
            }
            keepSecret(session, material);
            choice.overridden(keyPath, serverId).ifPresent(log::warn);
            return PublicKeys.parse(material.key(), material.source());
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InvalidSettingException e) {
            throw SettingNames.failure(e);
        }
    }

    private SignerChoice choice(MavenSession session) {
        return new SignerChoice(environment(), new SettingsServers(session));
    }

    /** The key and its passphrase are now secrets of this build: no output may hold them. */
    private static void keepSecret(MavenSession session, KeySources.Material material) {
        if (session == null || session.getRepositorySession() == null) {
            return;
        }
        KnownSecrets secrets = KnownSecrets.of(session.getRepositorySession().getData());
        secrets.add(asciiText(material.key()));
        if (material.passphrase() != null) {
            secrets.add(new String(material.passphrase()));
        }
    }

    /** Armored or base64 key material as text; null for a binary key (its bytes do not appear in text outputs as such). */
    private static String asciiText(byte[] key) {
        for (byte b : key) {
            if (b < 0) {
                return null;
            }
        }
        return new String(key, StandardCharsets.US_ASCII);
    }

    /** Package-private so that tests and subclasses could see another environment; the build sees the real one. */
    Map<String, String> environment() {
        return System.getenv();
    }

    /** The servers of settings.xml, decrypted when asked for. */
    private final class SettingsServers implements SignerChoice.Servers {

        private final MavenSession session;

        SettingsServers(MavenSession session) {
            this.session = session;
        }

        @Override
        public KeySources.ServerKey key(String serverId) throws SigningException {
            if (server(serverId) == null) {
                throw new SigningException("serverId '" + serverId + "' names no <server> in settings.xml: add "
                        + "<server><id>" + serverId + "</id><privateKey>/path/to/secret-key.asc</privateKey><passphrase>...</passphrase></server>");
            }
            Server decrypted = decrypted(serverId, "passphrase");
            return new KeySources.ServerKey(serverId, decrypted.getPrivateKey(), decrypted.getPassphrase());
        }

        @Override
        public String password(String serverId) throws SigningException {
            return decrypted(serverId, "<password>").getPassword();
        }

        private Server server(String serverId) {
            return session == null ? null : session.getSettings().getServer(serverId);
        }

        private Server decrypted(String serverId, String what) throws SigningException {
            Server server = server(serverId);
            if (server == null) {
                throw new SigningException("serverId '" + serverId + "' names no <server> in settings.xml");
            }
            SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    // The problem's message names the server and the cause, never the decrypted value.
                    throw new SigningException("Cannot decrypt the " + what + " of settings.xml server '" + serverId + "': "
                            + problem.getMessage(), problem.getException());
                }
            }
            return result.getServer();
        }
    }
}
