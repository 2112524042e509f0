package dev.securebuild.reproducible;

import java.util.List;

/**
 * The comparison of one output of both builds.
 *
 * @param name        the output's file name (relative path when folders are compared)
 * @param status      OK, DIFFERENT or MISSING
 * @param leftSha512  null when the left side has no such file
 * @param rightSha512 null when the right side has no such file
 * @param differences empty when OK
 * @param ignoredBecause the reason of the ignore rule that matched, for IGNORED
 */
public record ArtifactComparison(String name, Status status, String leftSha512, String rightSha512, long leftSize, long rightSize,
                                 List<Difference> differences, String ignoredBecause) {

    /** IGNORED: it differs, and an ignore rule with a reason says that is expected. */
    public enum Status { OK, DIFFERENT, MISSING, IGNORED }

    public ArtifactComparison {
        differences = List.copyOf(differences);
    }

    public ArtifactComparison(String name, Status status, String leftSha512, String rightSha512, long leftSize, long rightSize,
                              List<Difference> differences) {
        this(name, status, leftSha512, rightSha512, leftSize, rightSize, differences, null);
    }

    public ArtifactComparison ignored(String reason) {
        return status == Status.OK ? this : new ArtifactComparison(name, Status.IGNORED, leftSha512, rightSha512, leftSize, rightSize,
                differences, reason);
    }

    /** The same output, with these differences in place of its own (explained anew). */
    ArtifactComparison withDifferences(List<Difference> replaced) {
        return new ArtifactComparison(name, status, leftSha512, rightSha512, leftSize, rightSize, replaced, ignoredBecause);
    }

    /** Neither OK nor expected to differ. */
    public boolean fails() {
        return status == Status.DIFFERENT || status == Status.MISSING;
    }
}
