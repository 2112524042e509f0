package dev.securebuild.findings;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.securebuild.shared.io.Globs;
import dev.securebuild.shared.text.Printable;

/**
 * The report files a user named: paths, or globs ({@code target/*.sarif}, {@code **}{@code /dependency-check-report.json})
 * relative to a base folder. A path that does not exist, or a glob that matches nothing, is an error: a scanner that
 * did not run must not pass as a scanner that found nothing.
 *
 * <p>Only the project's own reports are read. Nothing under a {@code target/secure-build} folder (secure-build's own
 * outputs, which check-findings deletes before it reads) nor under the folders the caller names as its outputs is ever
 * a report. A glob does not follow symbolic links: a link that leads out of the project is passed over with a warning
 * naming it; a named report that is a link leading out of the project is refused.
 */
public final class ReportFiles {

    /** The folder of secure-build's outputs under a module's build folder. */
    public static final String OUTPUT_FOLDER = "secure-build";

    private ReportFiles() {}

    /**
     * @param outputs  folders secure-build writes to (the findings folder...), besides every {@code target/secure-build}
     * @param warnings told of each symbolic link a glob passed over
     */
    public static List<Path> expand(Path base, List<String> patterns, List<Path> outputs, Consumer<String> warnings) throws ReportParseException {
        return expand(base, patterns, outputs, warnings, null);
    }

    /**
     * The same, for a caller that decides what a missing report means (a module with nothing to scan has none).
     *
     * @param missing told of each path that does not exist and each glob that matches nothing, with the error it would
     *                be, instead of failing; null: such a pattern fails
     */
    public static List<Path> expand(Path base, List<String> patterns, List<Path> outputs, Consumer<String> warnings,
                                    Consumer<ReportParseException> missing) throws ReportParseException {
        Scope scope = new Scope(base, outputs);
        Set<Path> files = new LinkedHashSet<>();
        for (String raw : patterns) {
            String pattern = raw.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            if (!Globs.isGlob(pattern)) {
                Path file = scope.base.resolve(pattern).normalize();
                if (missing != null && !Files.exists(file) && !scope.isOutput(file)) {
                    missing.accept(notFound(file, pattern));
                } else {
                    files.add(named(scope, pattern));
                }
                continue;
            }
            List<Path> matched = glob(scope, pattern, warnings);
            if (matched.isEmpty()) {
                ReportParseException none = new ReportParseException("no report file matches \"" + Printable.of(pattern) + "\" under " + Printable.of(base.toString())
                        + " (secure-build's own outputs under target/" + OUTPUT_FOLDER + " are never reports); a scanner that did not run is "
                        + "not a scanner that found nothing: run it before this goal");
                if (missing == null) {
                    throw none;
                }
                missing.accept(none);
            }
            files.addAll(matched);
        }
        return new ArrayList<>(files);
    }

    private static Path named(Scope scope, String pattern) throws ReportParseException {
        Path file = scope.base.resolve(pattern).normalize();
        String shown = Printable.of(file.toString()) + " (configured as \"" + Printable.of(pattern) + "\")";
        if (scope.isOutput(file)) {
            throw new ReportParseException(shown + " is one of secure-build's own outputs, which check-findings deletes before it reads: "
                    + "name the scanner's report instead");
        }
        if (!Files.isRegularFile(file)) {
            throw notFound(file, pattern);
        }
        Path real = scope.real(file);
        if (file.startsWith(scope.base) && !real.startsWith(scope.realBase)) {
            throw new ReportParseException(shown + " is a symbolic link, or lies in a linked folder, that leads out of the project to "
                    + Printable.of(real.toString()) + ": secure-build reads only the project's own reports; name the file itself "
                    + "(an absolute path) or copy it into the project");
        }
        return file;
    }

    private static ReportParseException notFound(Path file, String pattern) {
        return new ReportParseException(Printable.of(file.toString()) + ": no such report file (configured as \"" + Printable.of(pattern)
                + "\"); a scanner that did not run is not a scanner that found nothing: run it before this goal, or remove the report "
                + "from the configuration");
    }

    /** Walks from the glob's root ({@link Globs#root}), never into secure-build's outputs. */
    private static List<Path> glob(Scope scope, String pattern, Consumer<String> warnings) throws ReportParseException {
        Globs glob = Globs.compile(scope.base, pattern);
        Path root = glob.root();
        if (!Files.isDirectory(root) || scope.isOutput(root)) {
            return List.of();
        }
        List<Path> matched = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return scope.isOutput(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    boolean matches = glob.matches(file);
                    if (attributes.isSymbolicLink()) {
                        linked(scope, file, matches, warnings).ifPresent(matched::add);
                    } else if (attributes.isRegularFile() && matches) {
                        matched.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new ReportParseException("cannot list the reports matching \"" + Printable.of(pattern) + "\" under " + Printable.of(root.toString())
                    + ": " + Printable.of(String.valueOf(e.getMessage())), e);
        }
        matched.sort(null);
        return matched;
    }

    /**
     * A link the walk met (it never enters one): a matching link to a report inside the project is read as that
     * report; a link that leads out of the project is not read, and said so.
     */
    private static Optional<Path> linked(Scope scope, Path link, boolean matches, Consumer<String> warnings) throws IOException {
        Path real = scope.realOrNull(link);
        if (real == null || !real.startsWith(scope.realBase)) {
            warnings.accept("Not read: " + Printable.of(link.toString()) + " is a symbolic link that leads "
                    + (real == null ? "nowhere" : "out of the project, to " + Printable.of(real.toString()))
                    + "; secure-build reads only the project's own reports and does not follow links out of it");
            return Optional.empty();
        }
        return matches && Files.isRegularFile(real) && !scope.isOutput(real) ? Optional.of(link) : Optional.empty();
    }

    /** The project folder, as written and as it really is, and secure-build's output folders. */
    private static final class Scope {
        final Path base;
        final Path realBase;
        final List<Path> outputs = new ArrayList<>();

        Scope(Path base, List<Path> outputs) throws ReportParseException {
            this.base = base.toAbsolutePath().normalize();
            try {
                this.realBase = this.base.toRealPath();
            } catch (IOException e) {
                throw new ReportParseException("cannot read the project folder " + Printable.of(this.base.toString()) + ": "
                        + Printable.of(String.valueOf(e.getMessage())), e);
            }
            outputs.forEach(output -> this.outputs.add(this.base.resolve(output).normalize()));
        }

        /** Under a {@code target/secure-build} folder, or under one of the outputs. */
        boolean isOutput(Path path) {
            Path absolute = base.resolve(path).normalize();
            for (Path output : outputs) {
                if (absolute.startsWith(output)) {
                    return true;
                }
            }
            Path previous = null;
            for (Path name : absolute) {
                if (previous != null && previous.toString().equals("target") && name.toString().equals(OUTPUT_FOLDER)) {
                    return true;
                }
                previous = name;
            }
            return false;
        }

        Path real(Path file) throws ReportParseException {
            try {
                return file.toRealPath();
            } catch (IOException e) {
                throw new ReportParseException("cannot read " + Printable.of(file.toString()) + ": " + Printable.of(String.valueOf(e.getMessage())), e);
            }
        }

        Path realOrNull(Path link) {
            try {
                return link.toRealPath();
            } catch (IOException e) {
                return null;
            }
        }
    }
}
