package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import dev.securebuild.shared.digest.DigestAlgorithm;

/** The digests the comparison records: the JDK's, through the shared {@link DigestAlgorithm}. */
final class Digests {

    private Digests() {}

    static MessageDigest sha256() {
        return DigestAlgorithm.SHA256.newMessageDigest();
    }

    /** The SHA-512 of a file, as a .buildinfo records it. */
    static String sha512(java.nio.file.Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return hex(DigestAlgorithm.SHA512, in);
        }
    }

    static String hex(DigestAlgorithm algorithm, InputStream in) throws IOException {
        MessageDigest digest = algorithm.newMessageDigest();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
