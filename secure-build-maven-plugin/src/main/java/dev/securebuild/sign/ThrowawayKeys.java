package dev.securebuild.sign;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.signer.pgp.KeyGenerator;

/** Writes a generated key pair as {@code secret-key.asc} (readable by its owner only) and {@code public-key.asc}. */
public final class ThrowawayKeys {

    public static final String SECRET_KEY_FILE = "secret-key.asc";
    public static final String PUBLIC_KEY_FILE = "public-key.asc";
    public static final String FINGERPRINT_FILE = "fingerprint.txt";

    private ThrowawayKeys() {}

    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(SECRET_KEY_FILE));
    }

    public static void write(Path directory, KeyGenerator.GeneratedKey key) throws IOException {
        Files.createDirectories(directory);
        Path secret = directory.resolve(SECRET_KEY_FILE);
        AtomicFiles.write(secret, out -> out.write(key.armoredSecretKey()));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        AtomicFiles.write(directory.resolve(PUBLIC_KEY_FILE), key.armoredPublicKey());
        AtomicFiles.writeString(directory.resolve(FINGERPRINT_FILE), key.fingerprint() + "\n");
    }
}
