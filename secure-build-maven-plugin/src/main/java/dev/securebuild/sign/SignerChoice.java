package dev.securebuild.sign;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Signer;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Token;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Uri;
import dev.securebuild.shared.text.Printable;

/**
 * Decides, from a {@link SigningRequest}, the environment and the settings.xml servers, which key signs and with which
 * secret: an OpenPGP key (environment over key file over server, as {@link KeySources} orders them) or a key on a
 * PKCS#11 token (its PIN from environment {@value #PIN_VARIABLE} over the server's {@code <password>}). A passphrase
 * given as a parameter is refused whichever signer is chosen.
 */
public final class SignerChoice {

    public static final String PGP = "pgp";
    public static final String PKCS11 = "pkcs11";

    /** The environment variable that holds the PKCS#11 token's PIN. */
    public static final String PIN_VARIABLE = "SECURE_BUILD_PKCS11_PIN";

    /** The settings.xml servers, decrypted; a server that is missing or cannot be decrypted is a {@link SigningException}. */
    public interface Servers {
        /** The key file and passphrase of server {@code id}. */
        KeySources.ServerKey key(String id) throws SigningException;

        /** The {@code <password>} of server {@code id}, or null when it has none. */
        String password(String id) throws SigningException;
    }

    /** What signs. */
    public sealed interface Choice permits OpenPgp, Token {}

    /**
     * An OpenPGP key: its material (null when none is configured), the fingerprint asked for, and a warning when the
     * environment's key overrides a configured one.
     */
    public record OpenPgp(KeySources.Material material, String fingerprint, Optional<String> overridden) implements Choice {}

    /** A key on a PKCS#11 token, with the creation time and user id of its OpenPGP key, and the PIN (the caller clears it). */
    public record Token(Pkcs11Token.Location location, Instant keyCreated, String userId, char[] pin) implements Choice {
        @Override
        public String toString() {
            return "Token[" + location.describe() + "]";
        }
    }

    private final Map<String, String> environment;
    private final Servers servers;

    public SignerChoice(Map<String, String> environment, Servers servers) {
        this.environment = environment;
        this.servers = servers;
    }

    public Choice choose(SigningRequest request) throws SigningException {
        if (request.passphraseGiven()) {
            throw InvalidSettingException.about(Setting.PASSPHRASE, "A passphrase was given as parameter '"
                    + Setting.PASSPHRASE.mentionElement() + "' (in the POM or with -D" + Setting.PASSPHRASE.mentionProperty()
                    + ", where every reader of the POM or the process list sees it); it was not used. Put it in environment "
                    + KeySources.PASSPHRASE_VARIABLE + ", or in the <passphrase> of a settings.xml <server> named by "
                    + Setting.SERVER_ID.mentionElement() + " (encrypted with mvn --encrypt-password).", null);
        }
        if (isPkcs11(request.signer())) {
            return token(request.pkcs11(), request.serverId());
        }
        if (!isPgp(request.signer())) {
            throw InvalidSettingException.invalid(Setting.SIGNER, request.signer(),
                    "pgp (an OpenPGP key file, the default) or pkcs11 (a key on a PKCS#11 token)", null);
        }
        return new OpenPgp(material(request.keyFile(), request.serverId()), request.keyFingerprint(),
                KeySources.overridden(environment, request.keyFile(), request.serverId()));
    }

    /** The configured OpenPGP key, or null when none is configured; also what verifiers trust by default. */
    public KeySources.Material material(Path keyFile, String serverId) throws SigningException {
        // A named server must exist even when the environment's key wins: a wrong serverId is never silent.
        KeySources.ServerKey server = blankToNull(serverId) == null ? null : servers.key(serverId);
        return KeySources.resolve(environment, keyFile, server);
    }

    /** The warning that the environment's key overrides {@code keyFile} or {@code serverId}, if it does. */
    public Optional<String> overridden(Path keyFile, String serverId) {
        return KeySources.overridden(environment, keyFile, serverId);
    }

    static boolean isPkcs11(String signer) {
        return PKCS11.equalsIgnoreCase(signer == null ? "" : signer.trim());
    }

    static boolean isPgp(String signer) {
        return signer == null || signer.isBlank() || PGP.equalsIgnoreCase(signer.trim());
    }

    private Token token(SigningRequest.Pkcs11 given, String serverId) throws SigningException {
        Instant created = keyCreated(given.keyCreated());
        String library = blankToNull(given.library());
        String tokenLabel = blankToNull(given.tokenLabel());
        String keyLabel = blankToNull(given.keyLabel());
        String keyId = blankToNull(given.keyId());
        Pkcs11Token.Location location = blankToNull(given.uri()) == null
                ? new Pkcs11Token.Location(library, tokenLabel, given.slot(), keyLabel, keyId)
                : Pkcs11Uri.parse(given.uri()).merge(library, tokenLabel, given.slot(), keyLabel, keyId);
        if (location.library() == null) {
            throw InvalidSettingException.about(Setting.PKCS11_LIBRARY, Setting.SIGNER.mention() + " is pkcs11 and no module is given: set "
                    + Setting.PKCS11_LIBRARY.mention() + " (parameter " + Setting.PKCS11_LIBRARY.mentionElement() + ", or module-path in "
                    + Setting.PKCS11_URI.mention() + ") to the token's PKCS#11 library, such as /usr/lib/softhsm/libsofthsm2.so", null);
        }
        char[] pin = pin(serverId);
        String userId = blankToNull(given.userId()) == null ? Pkcs11Signer.defaultUserId(location) : given.userId();
        return new Token(location, created, userId, pin);
    }

    private char[] pin(String serverId) throws SigningException {
        String fromEnvironment = environment.get(PIN_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (blankToNull(serverId) != null) {
            String password = servers.password(serverId);
            if (password != null && !password.isEmpty()) {
                return password.toCharArray();
            }
            throw InvalidSettingException.about(Setting.SERVER_ID, "The settings.xml server '" + Printable.abbreviated(serverId)
                    + "' has no <password>: for " + Setting.SIGNER.mention() + "=pkcs11 it holds the token's PIN (or set environment "
                    + PIN_VARIABLE + ")", null);
        }
        throw InvalidSettingException.about(Setting.SERVER_ID, "No PIN for the PKCS#11 token: set environment " + PIN_VARIABLE
                + ", or name with " + Setting.SERVER_ID.mentionElement() + " a settings.xml server whose <password> is the PIN "
                + "(encrypted with mvn --encrypt-password). Never put it in the POM.", null);
    }

    static Instant keyCreated(String value) {
        if (value == null || value.isBlank()) {
            throw InvalidSettingException.notSet(Setting.PKCS11_KEY_CREATED, "the OpenPGP key of a token key needs a fixed creation time "
                    + "(ISO-8601, such as 2026-01-15T10:00:00Z), so that its fingerprint is the same in every build");
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw InvalidSettingException.invalid(Setting.PKCS11_KEY_CREATED, value, "an ISO-8601 time with its offset, "
                    + "such as 2026-01-15T10:00:00Z (" + Printable.abbreviated(e.getMessage()) + ")", e);
        }
    }

    /** Clears a PIN once it has been used. */
    public static void clear(char[] pin) {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
