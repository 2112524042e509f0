package dev.securebuild.shared.io;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * The one glob syntax of the configuration (report files of check-findings, includes of banSecretsInBuild): the JDK's
 * {@code glob:} syntax on paths relative to a base folder, written with {@code /} (a {@code \} is read as {@code /}),
 * where a leading {@code **}{@code /} also matches at its own level, as users expect from Ant-style globs
 * ({@code **}{@code /x.json} finds {@code x.json} itself too). A walk starts at the glob's last folder without a
 * wildcard ({@link #root}), so that a glob under {@code target/} does not walk the whole tree; how links and outputs
 * are treated on the way stays with the caller.
 */
public final class Globs {

    private static final char[] WILDCARDS = {'*', '?', '[', '{'};

    private final Path root;
    private final PathMatcher matcher;
    private final PathMatcher ownLevel;

    private Globs(Path root, PathMatcher matcher, PathMatcher ownLevel) {
        this.root = root;
        this.matcher = matcher;
        this.ownLevel = ownLevel;
    }

    /** Whether the text has a wildcard: otherwise it names one file. */
    public static boolean isGlob(String pattern) {
        return firstWildcard(pattern) < pattern.length();
    }

    /**
     * @param base    the folder the glob is relative to
     * @param pattern the glob as configured (trimmed by the caller)
     * @throws IllegalArgumentException (a {@link java.util.regex.PatternSyntaxException}) when it is not a glob
     */
    public static Globs compile(Path base, String pattern) {
        String normalized = pattern.replace('\\', '/');
        int slash = normalized.lastIndexOf('/', firstWildcard(normalized));
        Path root = slash < 0 ? base : base.resolve(normalized.substring(0, slash)).normalize();
        String rest = slash < 0 ? normalized : normalized.substring(slash + 1);
        PathMatcher ownLevel = rest.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + rest.substring(3)) : null;
        return new Globs(root, FileSystems.getDefault().getPathMatcher("glob:" + rest), ownLevel);
    }

    /** Where a walk for the glob's files starts: the base, or its last folder before the first wildcard. */
    public Path root() {
        return root;
    }

    /** Whether a file under {@link #root} matches. */
    public boolean matches(Path file) {
        Path relative = root.relativize(file);
        return matcher.matches(relative) || ownLevel != null && ownLevel.matches(relative);
    }

    private static int firstWildcard(String pattern) {
        int first = pattern.length();
        for (char c : WILDCARDS) {
            int index = pattern.indexOf(c);
            if (index >= 0 && index < first) {
                first = index;
            }
        }
        return first;
    }
}
