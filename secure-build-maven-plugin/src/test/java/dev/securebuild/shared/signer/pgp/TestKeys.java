package dev.securebuild.shared.signer.pgp;

import java.time.Duration;
import java.time.Instant;

import dev.securebuild.shared.signer.SigningException;

/** Keys made once per test run: generating RSA keys is slow. */
public final class TestKeys {

    public static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    public static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    private static KeyGenerator.GeneratedKey ed25519;
    private static KeyGenerator.GeneratedKey rsa;
    private static KeyGenerator.GeneratedKey protectedKey;

    private TestKeys() {}

    public static synchronized KeyGenerator.GeneratedKey ed25519() {
        if (ed25519 == null) {
            ed25519 = generate(KeyGenerator.KeyType.ED25519, "ed <ed@example.invalid>", null, null, true);
        }
        return ed25519;
    }

    public static synchronized KeyGenerator.GeneratedKey rsa() {
        if (rsa == null) {
            rsa = generate(KeyGenerator.KeyType.RSA3072, "rsa <rsa@example.invalid>", null, null, true);
        }
        return rsa;
    }

    public static synchronized KeyGenerator.GeneratedKey passphraseProtected() {
        if (protectedKey == null) {
            protectedKey = generate(KeyGenerator.KeyType.ED25519, "protected <p@example.invalid>", null, PASSPHRASE, true);
        }
        return protectedKey;
    }

    public static KeyGenerator.GeneratedKey generate(KeyGenerator.KeyType type, String userId, Duration validFor, char[] passphrase,
                                                     boolean canSign) {
        try {
            return new KeyGenerator().generate(new KeyGenerator.Request(type, userId, CREATED, validFor, passphrase, canSign));
        } catch (SigningException e) {
            throw new AssertionError(e);
        }
    }

    public static SigningKey load(KeyGenerator.GeneratedKey key) {
        try {
            return new SigningKeyLoader(NOW).load(key.armoredSecretKey(), "test key", null, null);
        } catch (SigningException e) {
            throw new AssertionError(e);
        }
    }
}
