package dev.securebuild.findings.output;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.securebuild.findings.Finding;
import dev.securebuild.shared.io.Links;

/**
 * Which file of the repository a code finding is about, so that CI can show it there. Tools write paths relative to
 * where they ran: SpotBugs and Maven plugins to the module, a scanner run at the checkout (Trivy, Semgrep) to the
 * repository root, SpotBugs without full paths to the source folder. A relative path is therefore tried against the
 * module of its report (the nearest folder above the report with a {@code pom.xml}), the checked project, its
 * conventional source folders and the repository root, and the first existing file wins. A path of a file that does not
 * exist, lies outside the repository or is reached through a symbolic link has no place: the finding is then shown at
 * the POM, and the path it named stays in its message.
 */
public final class FindingPlaces {

    private static final List<String> SOURCE_FOLDERS = List.of("", "src/main/java", "src/test/java");

    private final Path repositoryRoot;
    private final Path base;
    private final Map<String, Optional<Path>> known = new ConcurrentHashMap<>();

    /**
     * @param repositoryRoot the repository's root
     * @param base           the checked project's folder, which the findings' paths and report names are relative to
     */
    public FindingPlaces(Path repositoryRoot, Path base) {
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.base = base.toAbsolutePath().normalize();
    }

    /** The existing file of the repository the finding is in; empty when it has no path or none found. */
    public Optional<Path> fileOf(Finding finding) {
        if (finding.path() == null || finding.path().isBlank()) {
            return Optional.empty();
        }
        return known.computeIfAbsent(finding.report() + "\n" + finding.path(), key -> find(finding.path(), finding.report()));
    }

    /** As {@link #fileOf}, relative to the repository root with {@code /}: what GitHub and GitLab place by; else null. */
    public String repositoryPath(Finding finding) {
        return fileOf(finding).map(file -> repositoryRoot.relativize(file).toString().replace('\\', '/')).orElse(null);
    }

    private Optional<Path> find(String path, String report) {
        Path named;
        try {
            named = Path.of(path);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (named.isAbsolute()) {
            return existing(named);
        }
        for (Path folder : List.of(moduleOf(report), base, repositoryRoot)) {
            for (String sources : SOURCE_FOLDERS) {
                Optional<Path> file = existing(folder.resolve(sources).resolve(named));
                if (file.isPresent()) {
                    return file;
                }
            }
        }
        return Optional.empty();
    }

    /** The nearest folder above the report with a POM, within the repository; the checked project's without one. */
    private Path moduleOf(String report) {
        if (report == null) {
            return base;
        }
        try {
            for (Path folder = base.resolve(report).normalize().getParent(); folder != null && folder.startsWith(repositoryRoot);
                 folder = folder.getParent()) {
                if (Links.isRegularFile(folder.resolve("pom.xml"))) {
                    return folder;
                }
            }
        } catch (InvalidPathException e) {
            // a report name that is no path: the checked project
        }
        return base;
    }

    private Optional<Path> existing(Path candidate) {
        Path file = candidate.toAbsolutePath().normalize();
        if (!file.startsWith(repositoryRoot) || !Links.isInside(repositoryRoot, file) || !Links.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }
}
