package dev.securebuild.shared.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The digests a repository or a person checking a download expects, with the names each side uses for them. */
public enum DigestAlgorithm {
    MD5("MD5", "md5", "MD5SUMS", "MD5"),
    SHA1("SHA-1", "sha1", "SHA1SUMS", "SHA1"),
    SHA256("SHA-256", "sha256", "SHA256SUMS", "SHA256"),
    SHA512("SHA-512", "sha512", "SHA512SUMS", "SHA512");

    private final String jcaName;
    private final String extension;
    private final String summaryFileName;
    private final String bsdTag;

    DigestAlgorithm(String jcaName, String extension, String summaryFileName, String bsdTag) {
        this.jcaName = jcaName;
        this.extension = extension;
        this.summaryFileName = summaryFileName;
        this.bsdTag = bsdTag;
    }

    /** The JDK's own implementation: intrinsified on common CPUs, faster than BouncyCastle's pure-Java digests. */
    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName, "SUN");
        } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
            throw new IllegalStateException("The JDK has no " + jcaName + " digest", e);
        }
    }

    public String jcaName() {
        return jcaName;
    }

    /** The ending of the repository sidecar, without the dot: {@code sha256}. */
    public String extension() {
        return extension;
    }

    /** The summary file that {@code sha256sum -c} and friends read: {@code SHA256SUMS}. */
    public String summaryFileName() {
        return summaryFileName;
    }

    /** The tag of BSD-style lines: {@code SHA256 (name) = hex}. */
    public String bsdTag() {
        return bsdTag;
    }

    /** Accepts {@code SHA-256}, {@code sha256}, {@code SHA256} and the like. */
    public static DigestAlgorithm parse(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.name().equals(wanted)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unknown digest algorithm '" + name.trim()
                + "': expected one of SHA-256, SHA-512, SHA-1, MD5");
    }

    /** Sidecar and summary endings that mark a file as a checksum, never to be hashed or signed itself. */
    public static boolean isChecksumExtension(String extension) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.extension.equalsIgnoreCase(extension)) {
                return true;
            }
        }
        return false;
    }

    /** Lowercase hex, as checksum files and {@code sha256sum} write it. (Java 11 has no HexFormat.) */
    public static String hex(byte[] digest) {
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = Character.forDigit((digest[i] >> 4) & 0xf, 16);
            out[2 * i + 1] = Character.forDigit(digest[i] & 0xf, 16);
        }
        return new String(out);
    }
}
