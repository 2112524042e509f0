package dev.securebuild.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import dev.securebuild.shared.io.BoundedFiles;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PublicKeys;

/**
 * Decides where the signing key comes from, in this order: environment {@code SECURE_BUILD_SIGNING_KEY}, a key file,
 * a settings.xml server. Never from the POM: a passphrase there is refused before this class is asked.
 */
public final class KeySources {

    public static final String KEY_VARIABLE = "SECURE_BUILD_SIGNING_KEY";
    public static final String PASSPHRASE_VARIABLE = "SECURE_BUILD_SIGNING_PASSPHRASE";

    /** The key material, a description of where it came from (for messages and the cache), and its passphrase. */
    public record Material(byte[] key, String source, char[] passphrase) {
        @Override
        public String toString() {
            return "Material[" + source + "]";
        }
    }

    /** A settings.xml server, already decrypted: {@code privateKey} is the path of a key file. */
    public record ServerKey(String id, String privateKey, String passphrase) {
        @Override
        public String toString() {
            return "ServerKey[" + id + "]";
        }
    }

    private KeySources() {}

    /** @return the key to use, or null when none is configured */
    public static Material resolve(Map<String, String> environment, Path keyFile, ServerKey server) throws SigningException {
        String fromEnvironment = environment.get(KEY_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Material(fromEnvironment.getBytes(StandardCharsets.UTF_8), "environment " + KEY_VARIABLE,
                    passphrase(environment.get(PASSPHRASE_VARIABLE)));
        }
        if (keyFile != null) {
            char[] passphrase = passphrase(environment.get(PASSPHRASE_VARIABLE));
            if (passphrase == null && server != null) {
                passphrase = passphrase(server.passphrase());
            }
            return new Material(read(keyFile, "key file " + keyFile), "key file " + keyFile, passphrase);
        }
        if (server != null) {
            if (server.privateKey() == null || server.privateKey().isBlank()) {
                throw new SigningException("The settings.xml server '" + server.id() + "' has no <privateKey>: "
                        + "set it to the path of the armored secret key file");
            }
            Path file = Path.of(server.privateKey().replaceFirst("^~", System.getProperty("user.home")));
            return new Material(read(file, "key file " + file + " (settings.xml server '" + server.id() + "')"),
                    "key file " + file + " from settings.xml server '" + server.id() + "'", passphrase(server.passphrase()));
        }
        return null;
    }

    /** Says what a key in the environment overrides, so that the precedence is never silent. */
    public static java.util.Optional<String> overridden(Map<String, String> environment, Path keyFile, String serverId) {
        String fromEnvironment = environment.get(KEY_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank() || (keyFile == null && (serverId == null || serverId.isBlank()))) {
            return java.util.Optional.empty();
        }
        String configured = keyFile != null ? "keyFile " + keyFile : "serverId '" + serverId + "'";
        return java.util.Optional.of("Environment " + KEY_VARIABLE + " is set and takes precedence over the configured " + configured
                + "; unset it to sign with the configured key");
    }

    private static byte[] read(Path file, String description) throws SigningException {
        try {
            return BoundedFiles.read(file, PublicKeys.MAX_KEY_FILE_BYTES);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SigningException("The " + description + " does not exist");
        } catch (IOException e) {
            throw new SigningException("Cannot read the " + description + ": " + e.getMessage());
        }
    }

    private static char[] passphrase(String value) {
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }
}
