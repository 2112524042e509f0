package dev.securebuild.shared.io;

import java.nio.file.Path;

/**
 * The files a glob names under a base folder (report files of check-findings, includes of banSecretsInBuild), in the
 * one glob syntax ({@link Glob}). A walk starts at the glob's last folder without a wildcard ({@link #root}), so that
 * a glob under {@code target/} does not walk the whole tree; how links and outputs are treated on the way stays with
 * the caller.
 */
public final class Globs {

    private final Path root;
    private final Glob glob;

    private Globs(Path root, Glob glob) {
        this.root = root;
        this.glob = glob;
    }

    /** Whether the text has a wildcard: otherwise it names one file. */
    public static boolean isGlob(String pattern) {
        return Glob.isGlob(pattern);
    }

    /**
     * @param base    the folder the glob is relative to
     * @param pattern the glob as configured (trimmed by the caller)
     * @throws IllegalArgumentException (a {@link java.util.regex.PatternSyntaxException}) when it is not a glob
     */
    public static Globs compile(Path base, String pattern) {
        String normalized = pattern.replace('\\', '/');
        int slash = normalized.lastIndexOf('/', Glob.firstWildcard(normalized));
        Path root = slash < 0 ? base : base.resolve(normalized.substring(0, slash)).normalize();
        String rest = slash < 0 ? normalized : normalized.substring(slash + 1);
        return new Globs(root, Glob.compile(rest));
    }

    /** Where a walk for the glob's files starts: the base, or its last folder before the first wildcard. */
    public Path root() {
        return root;
    }

    /** Whether a file under {@link #root} matches. */
    public boolean matches(Path file) {
        return glob.matches(root.relativize(file).toString());
    }
}
