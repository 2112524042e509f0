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
 */
public record ArtifactComparison(String name, Status status, String leftSha512, String rightSha512, long leftSize, long rightSize,
                                 List<Difference> differences) {

    public enum Status { OK, DIFFERENT, MISSING }

    public ArtifactComparison {
        differences = List.copyOf(differences);
    }
}
