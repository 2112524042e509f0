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
 * parses and unlocks its key once. Keyed by a digest of the key material and the chosen fingerprint, never by a secret.
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
    public SigningKey get(byte[] material, String fingerprint, Loader loader, java.util.function.Consumer<SigningKey> onLoad) throws SigningException {
        String cacheKey = sha256(material) + "/" + (fingerprint == null ? "" : fingerprint);
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

    private static String sha256(byte[] material) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
