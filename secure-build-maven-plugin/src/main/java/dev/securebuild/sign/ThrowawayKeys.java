package dev.securebuild.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.KeyGenerator;
import dev.securebuild.shared.signer.pgp.PublicKeys;

/** Writes a generated key pair as {@code secret-key.asc} (readable by its owner only) and {@code public-key.asc}. */
public final class ThrowawayKeys {

    public static final String SECRET_KEY_FILE = "secret-key.asc";
    public static final String PUBLIC_KEY_FILE = "public-key.asc";
    public static final String FINGERPRINT_FILE = "fingerprint.txt";

    private ThrowawayKeys() {}

    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(SECRET_KEY_FILE));
    }

    /** The fingerprint of the key in a directory, read from the key itself (fingerprint.txt is for people). */
    public static String fingerprintOf(Path directory) throws IOException {
        Path secret = directory.resolve(SECRET_KEY_FILE);
        try {
            return String.join(", ", PublicKeys.parse(Files.readAllBytes(secret), "key file " + secret).primaryFingerprints());
        } catch (SigningException e) {
            throw new IOException(e.getMessage() + "; remove it or use -Dsecure-build.overwrite=true to make a new key", e);
        }
    }

    public static void write(Path directory, KeyGenerator.GeneratedKey key) throws IOException {
        Files.createDirectories(directory);
        Path secret = directory.resolve(SECRET_KEY_FILE);
        AtomicFiles.writePrivate(secret, key.armoredSecretKey());
        AtomicFiles.write(directory.resolve(PUBLIC_KEY_FILE), key.armoredPublicKey());
        AtomicFiles.writeString(directory.resolve(FINGERPRINT_FILE), key.fingerprint() + "\n");
    }
}
