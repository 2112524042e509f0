package dev.securebuild.findings;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The report files a user named: paths, or globs ({@code target/*.sarif}, {@code **}{@code /dependency-check-report.json})
 * relative to a base folder. A path that does not exist, or a glob that matches nothing, is an error: a scanner that
 * did not run must not pass as a scanner that found nothing.
 */
public final class ReportFiles {

    private ReportFiles() {}

    public static List<Path> expand(Path base, List<String> patterns) throws ReportParseException {
        Set<Path> files = new LinkedHashSet<>();
        for (String raw : patterns) {
            String pattern = raw.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            if (!isGlob(pattern)) {
                Path file = base.resolve(pattern).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new ReportParseException(file + ": no such report file (configured as \"" + pattern + "\"); a scanner that did not run is not "
                            + "a scanner that found nothing: run it before this goal, or remove the report from the configuration");
                }
                files.add(file);
                continue;
            }
            List<Path> matched = glob(base, pattern);
            if (matched.isEmpty()) {
                throw new ReportParseException("no report file matches \"" + pattern + "\" under " + base
                        + "; a scanner that did not run is not a scanner that found nothing: run it before this goal");
            }
            files.addAll(matched);
        }
        return new ArrayList<>(files);
    }

    private static boolean isGlob(String pattern) {
        return pattern.contains("*") || pattern.contains("?") || pattern.contains("[") || pattern.contains("{");
    }

    /** Walks from the longest folder prefix without wildcards, so that a glob under target/ does not walk the whole tree. */
    private static List<Path> glob(Path base, String pattern) throws ReportParseException {
        String normalized = pattern.replace('\\', '/');
        int wildcard = firstWildcard(normalized);
        int slash = normalized.lastIndexOf('/', wildcard);
        Path root = slash < 0 ? base : base.resolve(normalized.substring(0, slash)).normalize();
        String rest = slash < 0 ? normalized : normalized.substring(slash + 1);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        // "**/x" also matches x in the root itself, as users expect from Ant-style globs.
        PathMatcher rootLevel = rest.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + rest.substring(3)) : null;
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> {
                        Path relative = root.relativize(file);
                        return matcher.matches(relative) || rootLevel != null && rootLevel.matches(relative);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ReportParseException("cannot list the reports matching \"" + pattern + "\" under " + root + ": " + e.getMessage(), e);
        }
    }

    private static int firstWildcard(String pattern) {
        int first = pattern.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int index = pattern.indexOf(c);
            if (index >= 0 && index < first) {
                first = index;
            }
        }
        return first;
    }
}
