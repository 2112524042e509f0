package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import dev.securebuild.shared.io.Links;


/**
 * Compares the outputs of two builds and explains every difference: the one engine behind {@code diff},
 * {@code verify-reproducible} and {@code compare}. Archives are read as streams and never extracted, within
 * {@link ArchiveLimits}.
 */
public final class DiffEngine {

    /**
     * What errors call the two sides, so that a broken input is never blamed on the other one.
     *
     * @param left  {@code left} in diff, {@code reference} where this build is checked against another
     * @param right {@code right} in diff, {@code rebuilt} for the build that should match the reference
     */
    public record Sides(String left, String right) {
        public static final Sides LEFT_RIGHT = new Sides("left", "right");
        public static final Sides REFERENCE_REBUILT = new Sides("reference", "rebuilt");
    }

    private final ArchiveLimits limits;
    private final CauseRules causes;
    private final Sides sides;

    public DiffEngine(ArchiveLimits limits, CauseRules causes, Sides sides) {
        this.limits = limits;
        this.causes = causes;
        this.sides = sides;
    }

    public DiffEngine(ArchiveLimits limits, CauseRules causes) {
        this(limits, causes, Sides.LEFT_RIGHT);
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
        boolean inLeft = left != null && Links.exists(left);
        boolean inRight = right != null && Links.exists(right);
        if (!inLeft || !inRight) {
            String side = !inLeft && !inRight ? "in neither build" : inLeft ? "only in the left build" : "only in the right build";
            Difference missing = Difference.of(name, DifferenceKind.MISSING, name + " is " + side, List.of(),
                    java.util.Map.of("side", inLeft ? "left" : inRight ? "right" : "none"));
            // Only a regular file is read: a link's target and a folder are nothing of this input's own.
            boolean leftFile = inLeft && Links.isRegularFile(left);
            boolean rightFile = inRight && Links.isRegularFile(right);
            return new ArtifactComparison(name, ArtifactComparison.Status.MISSING, leftFile ? Digests.sha512(left) : null,
                    rightFile ? Digests.sha512(right) : null, leftFile ? Files.size(left) : -1, rightFile ? Files.size(right) : -1,
                    List.of(causes.explain(missing)));
        }
        if (!Links.isRegularFile(left) || !Links.isRegularFile(right)) {
            return compareKinds(name, left, right);
        }
        BothSides.Pair<String> sha512 = BothSides.run(left, right, Digests::sha512, digest -> {});
        String leftSha512 = sha512.left();
        String rightSha512 = sha512.right();
        long leftSize = Files.size(left);
        long rightSize = Files.size(right);
        if (leftSha512.equals(rightSha512)) {
            return new ArtifactComparison(name, ArtifactComparison.Status.OK, leftSha512, rightSha512, leftSize, rightSize, List.of());
        }
        List<Difference> differences = new ArrayList<>();
        Comparison comparison = new Comparison(limits);
        comparison.inputs(Input.file(name, left, sides.left()), Input.file(name, right, sides.right()), differences);
        comparison.finish(differences);
        if (differences.isEmpty()) {
            differences.add(Difference.of(name, DifferenceKind.CONTAINER, "the bytes differ (" + leftSize + " against " + rightSize
                    + " bytes) in no way the comparison could name", List.of(), java.util.Map.of()));
        }
        return new ArtifactComparison(name, ArtifactComparison.Status.DIFFERENT, leftSha512, rightSha512, leftSize, rightSize,
                explainAndSort(differences));
    }

    /**
     * Compares two folders of outputs, matching files by their path below each folder. Links are never followed: a
     * link is compared by its target text, and a path that goes through a linked folder is not in that folder.
     */
    public List<ArtifactComparison> compareFolders(Path left, Path right) throws IOException {
        TreeSet<String> names = new TreeSet<>(filesBelow(left, sides.left()));
        names.addAll(filesBelow(right, sides.right()));
        List<ArtifactComparison> comparisons = new ArrayList<>();
        for (String name : names) {
            comparisons.add(compare(name, within(left, name), within(right, name)));
        }
        return comparisons;
    }

    private static List<String> filesBelow(Path folder, String side) throws IOException {
        if (Links.isLink(folder)) {
            throw new IOException(side + " " + folder + " is a symbolic link (to " + Files.readSymbolicLink(folder) + "): links are "
                    + "not followed out of an input; give the folder itself");
        }
        if (!Links.isFolder(folder)) {
            throw new IOException(side + " " + folder + " is not a folder");
        }
        return Links.filesAndLinks(folder).stream().map(p -> folder.relativize(p).toString().replace('\\', '/')).toList();
    }

    /** The file of that name below the folder, or null when a linked folder lies on the way: it is not in this folder. */
    private static Path within(Path folder, String name) {
        Path file = folder.resolve(name);
        return Links.firstLinkBelow(folder, file.getParent()) == null ? file : null;
    }

    /** A link, a folder or something else on at least one side: compared by what each is, a link by its target text. */
    private ArtifactComparison compareKinds(String name, Path left, Path right) throws IOException {
        String leftKind = kind(left);
        String rightKind = kind(right);
        if (leftKind.equals(rightKind)) {
            return new ArtifactComparison(name, ArtifactComparison.Status.OK, null, null, 0, 0, List.of());
        }
        Difference difference = Difference.of(name, DifferenceKind.BINARY_CONTENT, leftKind + " against " + rightKind, List.of(),
                java.util.Map.of("symlink", "true"));
        return new ArtifactComparison(name, ArtifactComparison.Status.DIFFERENT, null, null, 0, 0, List.of(causes.explain(difference)));
    }

    private static String kind(Path path) throws IOException {
        if (Links.isLink(path)) {
            return "symbolic link to " + Files.readSymbolicLink(path);
        }
        return Links.isRegularFile(path) ? "a regular file" : Links.isFolder(path) ? "a folder" : "a special file (neither file, folder nor link)";
    }

    private List<Difference> explainAndSort(List<Difference> differences) {
        return differences.stream().map(causes::explain).sorted(Comparator.comparing(Difference::kind)).toList();
    }

}
