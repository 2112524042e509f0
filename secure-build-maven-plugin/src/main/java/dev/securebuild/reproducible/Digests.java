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
