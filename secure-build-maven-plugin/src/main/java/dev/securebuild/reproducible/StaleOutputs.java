package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.securebuild.shared.outputs.ConsumerPom;
import dev.securebuild.shared.text.Printable;

/**
 * Whether this build started from a clean {@code target/}: files in the modules' build folders last modified before
 * the build started were left by an earlier build (a class no longer compiled, a resource since deleted, an output an
 * incremental plugin did not rewrite), and the rebuild, which starts from the sources alone, does not have them. The
 * differences they make are then explained by causes they do not have. Cheap: one walk of the build folders, reading
 * each file's modification time; links are not followed. {@code secure-build/} is left out: it holds this plugin's own
 * reports, the rebuild's copy and the event log, which outlive a build on purpose and make no output. So are what
 * Maven 4 writes with its sources' times: its consumer POM ({@code consumer-<number>.pom}, with the POM's time) and its
 * project local repository ({@code project-local-repo/}, copies of the modules' outputs, the POMs with their times).
 *
 * @param files   how many files predate the build
 * @param example one of them, the first by path, as the message shows it (relative to the project's folder)
 */
public record StaleOutputs(long files, String example) {

    /** A file written by this build may show a time up to this much earlier (file systems that keep whole seconds, or two). */
    static final Duration TOLERANCE = Duration.ofSeconds(2);

    /** Nothing left from an earlier build. */
    public static final StaleOutputs NONE = new StaleOutputs(0, null);

    /**
     * What to look at.
     *
     * @param buildStarted when this Maven build started
     * @param folders      the build folders ({@code target/}) of the modules compared
     */
    public record Scope(Instant buildStarted, List<Path> folders) {
        public Scope {
            folders = List.copyOf(folders);
        }
    }

    /**
     * Whether the build's goals clean the build folders first ({@code clean}, {@code post-clean}, {@code clean:clean}
     * or the clean plugin's goal by its coordinates): then it started clean, whatever the files' times say, since
     * plugins may copy files with their sources' times (maven-war-plugin's webapp files).
     */
    public static boolean cleanedBy(List<String> goals) {
        for (String goal : goals == null ? List.<String>of() : goals) {
            String name = goal.trim();
            if (name.equals("clean") || name.equals("post-clean") || name.equals("clean:clean")
                    || name.matches(".*:maven-clean-plugin(:[^:]+)?:clean")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param scope what to look at; null when the build's start is not known: then nothing is found
     * @param root  the project's folder, against which the example is named
     */
    public static StaleOutputs find(Scope scope, Path root) throws IOException {
        if (scope == null) {
            return NONE;
        }
        Instant before = scope.buildStarted().minus(TOLERANCE);
        long[] count = {0};
        Path[] first = {null};
        for (Path folder : scope.folders()) {
            Path absolute = folder.toAbsolutePath().normalize();
            if (!Files.isDirectory(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path ours = absolute.resolve("secure-build");
            Path projectLocalRepository = absolute.resolve(ConsumerPom.PROJECT_LOCAL_REPOSITORY);
            Files.walkFileTree(absolute, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(ours) || dir.equals(projectLocalRepository) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(before)
                            && !isMavenConsumerPom(absolute, file)) {
                        count[0]++;
                        if (first[0] == null || file.compareTo(first[0]) < 0) {
                            first[0] = file;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;   // unreadable: not counted, and no reason to stop the comparison
                }
            });
        }
        if (count[0] == 0) {
            return NONE;
        }
        Path root0 = root.toAbsolutePath().normalize();
        Path example = first[0].startsWith(root0) ? root0.relativize(first[0]) : first[0];
        return new StaleOutputs(count[0], example.toString().replace('\\', '/'));
    }

    /** Maven 4's temporary consumer POM, {@code <build folder>/consumer-<number>.pom}, which has the POM's time. */
    private static boolean isMavenConsumerPom(Path folder, Path file) {
        String name = file.getFileName().toString();
        return folder.equals(file.getParent()) && name.matches(ConsumerPom.CLASSIFIER + "-[0-9]+\\.pom");
    }

    /** Whether the build folders held files from an earlier build. */
    public boolean found() {
        return files > 0;
    }

    /** The warning for the log: how many, one example, and what to do. */
    public String warning() {
        return "This build did not start from a clean target/: " + files + " file(s) in the build folders are older than this build, "
                + "such as " + Printable.of(example) + ". Outputs left by an earlier build make differences whose cause is then "
                + "guessed wrong: run mvn clean verify";
    }

    /** The note for the reports, beside the differences. */
    public String note() {
        return "This build did not start from a clean target/: " + files + " file(s) in the build folders predate it, such as "
                + Printable.of(example) + ". A difference may come from those leftovers rather than from the cause named; run mvn "
                + "clean verify to be sure.";
    }
}
