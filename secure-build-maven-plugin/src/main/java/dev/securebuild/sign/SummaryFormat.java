package dev.securebuild.sign;

import java.util.Locale;

import dev.securebuild.shared.digest.DigestAlgorithm;

/** The line formats of {@code SHA256SUMS}-style summaries; both are accepted by {@code sha256sum -c}. */
public enum SummaryFormat {
    /** No summary files. */
    NONE,
    /** {@code hex␠␠name}: what {@code sha256sum} prints. */
    GNU,
    /** {@code SHA256 (name) = hex}: what {@code sha256sum --tag} and BSD tools print. */
    BSD;

    public String line(DigestAlgorithm algorithm, String hex, String name) {
        return switch (this) {
            case GNU -> hex + "  " + name + "\n";
            case BSD -> algorithm.bsdTag() + " (" + name + ") = " + hex + "\n";
            case NONE -> throw new IllegalStateException("No summary lines in format NONE");
        };
    }

    public static SummaryFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown summary format '" + name.trim() + "': expected NONE, GNU or BSD");
        }
    }
}
