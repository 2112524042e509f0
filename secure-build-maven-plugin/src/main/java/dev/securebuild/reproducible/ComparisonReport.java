package dev.securebuild.reproducible;

import java.time.Instant;
import java.util.List;

/**
 * What one comparison found, for the log, {@code report.txt}, {@code report.json} and {@code report.html}.
 *
 * @param goal    the goal that compared ({@code diff}, {@code verify-reproducible}, {@code compare})
 * @param left    what the left side is (a path, "the reference build")
 * @param right   what the right side is
 * @param notes   what the report says beside the differences: how the reference was built, when it differs from this build
 */
public record ComparisonReport(String goal, Instant created, String left, String right, List<ArtifactComparison> artifacts,
                               List<String> notes) {

    public ComparisonReport {
        artifacts = List.copyOf(artifacts);
        notes = List.copyOf(notes);
    }

    public ComparisonReport(String goal, Instant created, String left, String right, List<ArtifactComparison> artifacts) {
        this(goal, created, left, right, artifacts, List.of());
    }

    public long count(ArtifactComparison.Status status) {
        return artifacts.stream().filter(a -> a.status() == status).count();
    }

    public boolean differs() {
        return artifacts.stream().anyMatch(ArtifactComparison::fails);
    }

    public String summaryLine() {
        return artifacts.size() + " output(s): " + count(ArtifactComparison.Status.OK) + " OK, " + count(ArtifactComparison.Status.DIFFERENT)
                + " DIFFERENT, " + count(ArtifactComparison.Status.MISSING) + " MISSING"
                + (count(ArtifactComparison.Status.IGNORED) > 0 ? ", " + count(ArtifactComparison.Status.IGNORED) + " IGNORED" : "");
    }
}
