package dev.securebuild.maven;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Named;
import javax.inject.Singleton;

import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.SigningKey;

/**
 * Keeps unlocked keys for the whole build, so that a reactor of a hundred modules (built with {@code -T} or not)
 * parses and unlocks its key once. Keyed by a digest of the key material, the passphrase and the chosen fingerprint: a
 * JVM that outlives one build (mvnd) must not hand an unlocked key to a later build that gave a wrong passphrase.
 */
@Named
@Singleton
public class SigningKeyCache {

    @FunctionalInterface
    public interface Loader {
        SigningKey load() throws SigningException;
    }

    private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();

    /** @param onLoad told when this call loaded the key, so the log says it once per build */
    public SigningKey get(byte[] material, char[] passphrase, String fingerprint, Loader loader,
                          java.util.function.Consumer<SigningKey> onLoad) throws SigningException {
        String cacheKey = digest(material, passphrase) + "/" + (fingerprint == null ? "" : fingerprint);
        SigningKey cached = keys.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        synchronized (this) {
            cached = keys.get(cacheKey);
            if (cached == null) {
                cached = loader.load();
                keys.put(cacheKey, cached);
                onLoad.accept(cached);
            }
            return cached;
        }
    }

    private static String digest(byte[] material, char[] passphrase) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(material);
            if (passphrase != null) {
                sha256.update((byte) 0);
                sha256.update(new String(passphrase).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
