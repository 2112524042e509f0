package dev.securebuild.findings.read;

/**
 * The CVSS score of the highest CVSS major version among those offered (4 above 3 above 2: 3.0 and 3.1 are one
 * version); within one major version the first offered wins, so the caller offers its preferred sources first (NVD,
 * then GHSA...).
 */
final class CvssChoice {

    private String version;
    private Double score;
    private double rank = -1;

    void offer(String offeredVersion, Double offeredScore) {
        if (offeredVersion == null || offeredScore == null || offeredScore < 0 || offeredScore > 10) {
            return;
        }
        double offeredRank = rank(offeredVersion);
        if (offeredRank > rank) {
            version = offeredVersion;
            score = offeredScore;
            rank = offeredRank;
        }
    }

    String version() {
        return version;
    }

    Double score() {
        return score;
    }

    /** The major version: 4.0 above 3.1 and 3.0 (equal) above 2.0; a version that is not a number ranks lowest. */
    static double rank(String version) {
        try {
            return Math.floor(Double.parseDouble(version.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
