package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;


/**
 * Compares the outputs of two builds and explains every difference: the one engine behind {@code diff},
 * {@code verify-reproducible} and {@code compare}. Archives are read as streams and never extracted, within
 * {@link ArchiveLimits}.
 */
public final class DiffEngine {

    private final ArchiveLimits limits;
    private final CauseRules causes;

    public DiffEngine(ArchiveLimits limits, CauseRules causes) {
        this.limits = limits;
        this.causes = causes;
    }

    public DiffEngine() {
        this(ArchiveLimits.DEFAULT, new CauseRules());
    }

    /**
     * Compares one output of both builds.
     *
     * @param name  how reports name it
     * @param left  the reference (null or absent: missing there)
     * @param right the other build (null or absent: missing there)
     */
    public ArtifactComparison compare(String name, Path left, Path right) throws IOException {
        boolean inLeft = left != null && Files.exists(left, LinkOption.NOFOLLOW_LINKS);
        boolean inRight = right != null && Files.exists(right, LinkOption.NOFOLLOW_LINKS);
        if (!inLeft || !inRight) {
            String side = !inLeft && !inRight ? "in neither build" : inLeft ? "only in the left build" : "only in the right build";
            Difference missing = Difference.of(name, DifferenceKind.MISSING, name + " is " + side, List.of(),
                    java.util.Map.of("side", inLeft ? "left" : inRight ? "right" : "none"));
            return new ArtifactComparison(name, ArtifactComparison.Status.MISSING, inLeft ? Digests.sha512(left) : null,
                    inRight ? Digests.sha512(right) : null, inLeft ? Files.size(left) : -1, inRight ? Files.size(right) : -1,
                    List.of(causes.explain(missing)));
        }
        if (Files.isSymbolicLink(left) || Files.isSymbolicLink(right)) {
            return compareLinks(name, left, right);
        }
        String leftSha512 = Digests.sha512(left);
        String rightSha512 = Digests.sha512(right);
        long leftSize = Files.size(left);
        long rightSize = Files.size(right);
        if (leftSha512.equals(rightSha512)) {
            return new ArtifactComparison(name, ArtifactComparison.Status.OK, leftSha512, rightSha512, leftSize, rightSize, List.of());
        }
        List<Difference> differences = new ArrayList<>();
        Comparison comparison = new Comparison(limits);
        comparison.inputs(Input.file(name, left), Input.file(name, right), differences);
        comparison.finish(differences);
        if (differences.isEmpty()) {
            differences.add(Difference.of(name, DifferenceKind.CONTAINER, "the bytes differ (" + leftSize + " against " + rightSize
                    + " bytes) in no way the comparison could name", List.of(), java.util.Map.of()));
        }
        return new ArtifactComparison(name, ArtifactComparison.Status.DIFFERENT, leftSha512, rightSha512, leftSize, rightSize,
                explainAndSort(differences));
    }

    /** Compares two folders of outputs, matching files by their path below each folder. */
    public List<ArtifactComparison> compareFolders(Path left, Path right) throws IOException {
        TreeSet<String> names = new TreeSet<>(filesBelow(left));
        names.addAll(filesBelow(right));
        List<ArtifactComparison> comparisons = new ArrayList<>();
        for (String name : names) {
            comparisons.add(compare(name, left.resolve(name), right.resolve(name)));
        }
        return comparisons;
    }

    private static List<String> filesBelow(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    private ArtifactComparison compareLinks(String name, Path left, Path right) throws IOException {
        String leftTarget = Files.isSymbolicLink(left) ? "symbolic link to " + Files.readSymbolicLink(left) : "a regular file";
        String rightTarget = Files.isSymbolicLink(right) ? "symbolic link to " + Files.readSymbolicLink(right) : "a regular file";
        if (leftTarget.equals(rightTarget)) {
            return new ArtifactComparison(name, ArtifactComparison.Status.OK, null, null, 0, 0, List.of());
        }
        Difference difference = Difference.of(name, DifferenceKind.BINARY_CONTENT, leftTarget + " against " + rightTarget, List.of(),
                java.util.Map.of("symlink", "true"));
        return new ArtifactComparison(name, ArtifactComparison.Status.DIFFERENT, null, null, 0, 0, List.of(causes.explain(difference)));
    }

    private List<Difference> explainAndSort(List<Difference> differences) {
        return differences.stream().map(causes::explain).sorted(Comparator.comparing(Difference::kind)).toList();
    }

}
