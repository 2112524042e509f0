package dev.securebuild.findings.policy;

import dev.securebuild.shared.io.Glob;

/**
 * The {@code path} selector of an exception: a glob in the one glob syntax ({@link Glob}: {@code **} spans folders,
 * none included; {@code *} and {@code ?} stay within one name) on the path a tool reported. Paths are compared with
 * forward slashes, without {@code file:} and a leading {@code ./}. A relative glob also matches an absolute path from
 * any of its folders on, since tools write the absolute path of wherever the project was checked out
 * ({@code src/main/generated/**} matches {@code /home/ci/app/src/main/generated/A.java}).
 */
public final class PathGlob {

    private final String text;
    private final Glob glob;
    /** For a relative glob: the same from any folder on ({@code **}{@code /glob}); null for an absolute one. */
    private final Glob fromAnyFolder;

    private PathGlob(String text, Glob glob, Glob fromAnyFolder) {
        this.text = text;
        this.glob = glob;
        this.fromAnyFolder = fromAnyFolder;
    }

    /** @throws IllegalArgumentException when it is empty or not a glob */
    public static PathGlob compile(String glob) {
        String normalized = normalize(glob);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("expected a path glob such as src/main/generated/**");
        }
        try {
            boolean absolute = normalized.startsWith("/");
            return new PathGlob(glob, Glob.compile(normalized), absolute ? null : Glob.compile("**/" + normalized));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a path glob such as src/main/generated/** (" + e.getMessage() + ")", e);
        }
    }

    /** Forward slashes, no {@code file:} scheme, no leading {@code ./}. */
    static String normalize(String path) {
        String p = path.strip().replace('\\', '/');
        if (p.startsWith("file://")) {
            p = p.substring("file://".length());
        } else if (p.startsWith("file:")) {
            p = p.substring("file:".length());
        }
        return p;
    }

    public boolean matches(String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        String normalized = normalize(path);
        if (glob.matches(normalized)) {
            return true;
        }
        boolean absolute = normalized.startsWith("/") || normalized.matches("^[A-Za-z]:/.*");
        // A drive letter is one more folder name to skip.
        return absolute && fromAnyFolder != null && fromAnyFolder.matches(normalized.startsWith("/") ? normalized.substring(1) : normalized);
    }

    @Override
    public String toString() {
        return text;
    }
}
