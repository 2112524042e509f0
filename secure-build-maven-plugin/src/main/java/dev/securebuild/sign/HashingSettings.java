package dev.securebuild.sign;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;

/** The settings {@code sign} and {@code checksums} share, read into {@link HashAndSign.Options}. */
public final class HashingSettings {

    private HashingSettings() {
    }

    /**
     * @param algorithms    digest names, each entry possibly a comma list ({@code SHA-256,SHA-512})
     * @param summaryFormat NONE, GNU or BSD
     * @param threads       how many files are read at once; 0 or less means one per processor
     * @throws InvalidSettingException for an unknown digest or summary format
     */
    public static HashAndSign.Options options(List<String> algorithms, String summaryFormat, Path outputDirectory, int threads) {
        return new HashAndSign.Options(algorithms(algorithms), summaryFormat(summaryFormat), outputDirectory,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    private static Set<DigestAlgorithm> algorithms(List<String> configured) {
        Set<DigestAlgorithm> parsed = EnumSet.noneOf(DigestAlgorithm.class);
        for (String entry : configured == null ? List.<String>of() : configured) {
            for (String name : entry.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(DigestAlgorithm.parse(name));
                } catch (IllegalArgumentException e) {
                    throw InvalidSettingException.invalid(Setting.DIGEST_ALGORITHMS, name.trim(), "SHA-256, SHA-512, SHA-1 or MD5", e);
                }
            }
        }
        return parsed;
    }

    private static SummaryFormat summaryFormat(String configured) {
        try {
            return SummaryFormat.parse(configured == null ? "NONE" : configured);
        } catch (IllegalArgumentException e) {
            throw InvalidSettingException.invalid(Setting.SUMMARY_FORMAT, configured, "NONE, GNU or BSD", e);
        }
    }
}
