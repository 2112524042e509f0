package dev.securebuild.findings.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.securebuild.shared.text.Printable;

/**
 * Whether a module has code a scanner could have read: a module without any (a {@code pom} parent, a module whose jar
 * is made of classes copied from elsewhere) gets no report from a code scanner (SpotBugs: "No files found"), and a
 * missing report there means nothing to scan, not a scanner that did not run.
 *
 * A module without code may still ship dependencies (an assembly, a war of jars): a dependency scanner reads those, so
 * there a missing report is excused only beside one that was written ({@link #dependencies}).
 *
 * @param packaging    the module's packaging; null when there is no project (a plain folder): it may have code
 * @param classes      its build output directory ({@code target/classes})
 * @param sourceRoots  its compile source roots ({@code src/main/java}, generated sources)
 * @param dependencies how many dependencies it declares outside the test scope
 */
public record ModuleCode(String packaging, Path classes, List<Path> sourceRoots, int dependencies) {

    /** No project: whatever is missing was meant to be there. */
    public static final ModuleCode UNKNOWN = new ModuleCode(null, null, List.of(), 0);

    public ModuleCode {
        sourceRoots = List.copyOf(sourceRoots);
    }

    /**
     * Why the module has nothing to scan: packaging {@code pom}, or no {@code .class} file in its build output and no
     * file in its compile source roots; empty when it has code, or may have.
     *
     * @param base the module's folder, which the words name paths relative to
     */
    public Optional<String> nothingToScan(Path base) throws IOException {
        if (packaging == null) {
            return Optional.empty();
        }
        if ("pom".equals(packaging)) {
            return Optional.of("packaging pom");
        }
        if (holds(classes, file -> file.getFileName().toString().endsWith(".class"))) {
            return Optional.empty();
        }
        for (Path root : sourceRoots) {
            if (holds(root, file -> true)) {
                return Optional.empty();
            }
        }
        return Optional.of("no compiled class in " + ReportsRead.shown(base, classes) + " and no source file in "
                + (sourceRoots.isEmpty() ? "a source folder" : String.join(", ", sourceRoots.stream().map(root -> ReportsRead.shown(base, root)).toList())));
    }

    /** Whether the folder (not following links) holds a file that passes; stops at the first. */
    private static boolean holds(Path folder, Predicate<Path> wanted) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(file -> Files.isRegularFile(file) && wanted.test(file));
        } catch (UncheckedIOException e) {
            throw new IOException("cannot list " + Printable.of(folder.toString()) + ": " + Printable.of(String.valueOf(e.getCause().getMessage())), e);
        }
    }
}
