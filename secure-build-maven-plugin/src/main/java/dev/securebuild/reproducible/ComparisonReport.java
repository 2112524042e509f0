package dev.securebuild.reproducible;

import java.time.Instant;
import java.util.List;

/**
 * What one comparison found, for the log, {@code report.txt}, {@code report.json} and {@code report.html}.
 *
 * @param goal    the goal that compared ({@code diff}, {@code verify-reproducible}, {@code compare})
 * @param left    what the left side is (a path, "the reference build")
 * @param right   what the right side is
 */
public record ComparisonReport(String goal, Instant created, String left, String right, List<ArtifactComparison> artifacts) {

    public ComparisonReport {
        artifacts = List.copyOf(artifacts);
    }

    public long count(ArtifactComparison.Status status) {
        return artifacts.stream().filter(a -> a.status() == status).count();
    }

    public boolean differs() {
        return artifacts.stream().anyMatch(a -> a.status() != ArtifactComparison.Status.OK);
    }

    public String summaryLine() {
        return artifacts.size() + " output(s): " + count(ArtifactComparison.Status.OK) + " OK, " + count(ArtifactComparison.Status.DIFFERENT)
                + " DIFFERENT, " + count(ArtifactComparison.Status.MISSING) + " MISSING";
    }
}
