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

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.sign.KeySources;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SigningKey;
import dev.securebuild.shared.signer.pgp.SigningKeyLoader;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Signer;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Token;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Uri;

/** Turns the goals' key parameters, the environment and settings.xml into a signing key, unlocked once per build. */
@Named
@Singleton
public class MavenSigningKeys {

    static final String PASSPHRASE_IN_POM = "A passphrase was given as parameter 'passphrase' (in the POM or with "
            + "-Dsecure-build.passphrase, where every reader of the POM or the process list sees it); it was not used. "
            + "Put it in environment " + KeySources.PASSPHRASE_VARIABLE + ", or in the <passphrase> of a settings.xml "
            + "<server> named by serverId (encrypted with mvn --encrypt-password).";

    /** The environment variable that holds the PKCS#11 token's PIN. */
    public static final String PIN_VARIABLE = "SECURE_BUILD_PKCS11_PIN";

    private final SettingsDecrypter settingsDecrypter;
    private final SigningKeyCache cache;
    private final Pkcs11TokenCache tokens;

    @Inject
    public MavenSigningKeys(SettingsDecrypter settingsDecrypter, SigningKeyCache cache, Pkcs11TokenCache tokens) {
        this.settingsDecrypter = settingsDecrypter;
        this.cache = cache;
        this.tokens = tokens;
    }

    /** The configured key, or null when none is configured. */
    public KeySources.Material material(MavenSession session, File keyFile, String serverId) throws MojoExecutionException {
        try {
            KeySources.Material material = KeySources.resolve(environment(), keyFile == null ? null : keyFile.toPath(), server(session, serverId));
            if (material != null && session != null && session.getRepositorySession() != null) {
                // The key and its passphrase are now secrets of this build: no output may hold them.
                KnownSecrets secrets = KnownSecrets.of(session.getRepositorySession().getData());
                secrets.add(asciiText(material.key()));
                if (material.passphrase() != null) {
                    secrets.add(new String(material.passphrase()));
                }
            }
            return material;
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** Armored or base64 key material as text; null for a binary key (its bytes do not appear in text outputs as such). */
    private static String asciiText(byte[] key) {
        for (byte b : key) {
            if (b < 0) {
                return null;
            }
        }
        return new String(key, java.nio.charset.StandardCharsets.US_ASCII);
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
        return signer(session, keyFile, serverId, fingerprint, passphrase, SignerChoice.pgp(), log, events, project, goal);
    }

    /**
     * The signer that {@code choice} names: the configured OpenPGP key, or a key on a PKCS#11 token (logged in once per
     * build, its PIN from environment SECURE_BUILD_PKCS11_PIN or the {@code <password>} of the server {@code serverId}).
     */
    public Signer signer(MavenSession session, File keyFile, String serverId, String fingerprint, String passphrase, SignerChoice choice,
                         Log log, EventLog events, MavenProject project, String goal) throws MojoExecutionException {
        try {
            if (passphrase != null && !passphrase.isEmpty()) {
                throw new MojoExecutionException(PASSPHRASE_IN_POM);
            }
            try {
                if (choice.isPkcs11()) {
                    return pkcs11Signer(session, serverId, choice, log);
                }
                if (!choice.isPgp()) {
                    throw new MojoExecutionException("secure-build.signer is '" + choice.signer() + "': expected pgp (an OpenPGP key file, "
                            + "the default) or pkcs11 (a key on a PKCS#11 token)");
                }
                return new PgpSigner(signingKey(session, keyFile, serverId, fingerprint, log), Clock.systemUTC());
            } catch (SigningException e) {
                throw new MojoExecutionException(e.getMessage());
            }
        } catch (MojoExecutionException e) {
            SecurityEventLogs.append(events, project, "key.load-failed", Map.of("goal", goal), e.getMessage(), log);
            throw e;
        }
    }

    /** The PKCS#11 signer: the token is opened and logged in once per build; the PIN is never logged. */
    public Pkcs11Signer pkcs11Signer(MavenSession session, String serverId, SignerChoice choice, Log log)
            throws MojoExecutionException, SigningException {
        Instant created = keyCreated(choice.keyCreated());
        Pkcs11Token.Location location;
        try {
            location = blankToNull(choice.uri()) == null
                    ? new Pkcs11Token.Location(blankToNull(choice.library()), blankToNull(choice.tokenLabel()), choice.slot(),
                            blankToNull(choice.keyLabel()), blankToNull(choice.keyId()))
                    : Pkcs11Uri.parse(choice.uri()).merge(blankToNull(choice.library()), blankToNull(choice.tokenLabel()), choice.slot(),
                            blankToNull(choice.keyLabel()), blankToNull(choice.keyId()));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (location.library() == null) {
            throw new MojoExecutionException("secure-build.signer is pkcs11 and no module is given: set secure-build.pkcs11.library "
                    + "(parameter pkcs11Library, or module-path in secure-build.pkcs11.uri) to the token's PKCS#11 library, such as "
                    + "/usr/lib/softhsm/libsofthsm2.so");
        }
        char[] pin = pin(session, serverId);
        try {
            Pkcs11Token token = tokens.get(location, pin, opened -> log.info("Logged in to the PKCS#11 token for "
                    + opened.location().describe() + " (once for this build)"));
            String userId = blankToNull(choice.userId()) == null ? Pkcs11Signer.defaultUserId(location) : choice.userId();
            return new Pkcs11Signer(token, created, userId, Clock.systemUTC());
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    private char[] pin(MavenSession session, String serverId) throws MojoExecutionException {
        String fromEnvironment = environment().get(PIN_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (serverId != null && !serverId.isBlank()) {
            Server server = decrypted(session, serverId, "<password>");
            if (server.getPassword() != null && !server.getPassword().isEmpty()) {
                return server.getPassword().toCharArray();
            }
            throw new MojoExecutionException("The settings.xml server '" + serverId + "' has no <password>: for secure-build.signer=pkcs11 it "
                    + "holds the token's PIN (or set environment " + PIN_VARIABLE + ")");
        }
        throw new MojoExecutionException("No PIN for the PKCS#11 token: set environment " + PIN_VARIABLE + ", or name with serverId a "
                + "settings.xml server whose <password> is the PIN (encrypted with mvn --encrypt-password). Never put it in the POM.");
    }

    static Instant keyCreated(String value) throws MojoExecutionException {
        if (value == null || value.isBlank()) {
            throw new MojoExecutionException("secure-build.pkcs11.keyCreated is not set: the OpenPGP key of a token key needs a fixed "
                    + "creation time (ISO-8601, such as 2026-01-15T10:00:00Z), so that its fingerprint is the same in every build");
        }
        try {
            return java.time.OffsetDateTime.parse(value.trim()).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        } catch (java.time.format.DateTimeParseException e) {
            throw new MojoExecutionException("secure-build.pkcs11.keyCreated is '" + value + "': expected an ISO-8601 time with its offset, "
                    + "such as 2026-01-15T10:00:00Z (" + e.getMessage() + ")");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
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
        Server decrypted = decrypted(session, serverId, "passphrase");
        return new KeySources.ServerKey(serverId, decrypted.getPrivateKey(), decrypted.getPassphrase());
    }

    private Server decrypted(MavenSession session, String serverId, String what) throws MojoExecutionException {
        Server server = session == null ? null : session.getSettings().getServer(serverId);
        if (server == null) {
            throw new MojoExecutionException("serverId '" + serverId + "' names no <server> in settings.xml");
        }
        SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // The problem's message names the server and the cause, never the decrypted value.
                throw new MojoExecutionException("Cannot decrypt the " + what + " of settings.xml server '" + serverId + "': " + problem.getMessage());
            }
        }
        return result.getServer();
    }
}
