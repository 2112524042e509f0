package dev.securebuild.shared.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The only two things ever derived from a secret value: its masked form and its fingerprint. */
public final class SecretValues {

    /** Shorter values are masked completely: even their length is a hint. */
    static final int SHORT = 12;

    private SecretValues() {
    }

    /** {@code ghp_****(40 chars)} for a token whose start is its format marker, {@code ****(16 chars)} else, {@code ****} when short. */
    public static String mask(String value, SecretKind kind) {
        if (value.length() < SHORT) {
            return "****";
        }
        String prefix = kind.showsPrefix() ? value.substring(0, 4) : "";
        return prefix + "****(" + value.length() + " chars)";
    }

    /** Lowercase hex SHA-256 of the UTF-8 value: what an allow-list entry names instead of the value. */
    public static String fingerprint(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Shannon entropy in bits per character. */
    static double entropy(CharSequence text) {
        int[] counts = new int[128];
        int others = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                others++;
            }
        }
        double bits = 0;
        double n = text.length();
        for (int count : counts) {
            if (count > 0) {
                double p = count / n;
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        if (others > 0) {
            double p = others / n;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }
}
