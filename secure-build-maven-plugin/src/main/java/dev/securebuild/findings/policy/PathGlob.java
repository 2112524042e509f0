package dev.securebuild.findings.policy;

import java.util.regex.Pattern;

/**
 * The {@code path} selector of an exception: a glob where {@code **} spans folders, {@code *} and {@code ?} stay
 * within one name. Paths are compared with forward slashes, without {@code file:} and a leading {@code ./}. A relative
 * glob also matches an absolute path from any of its folders on, since tools write the absolute path of wherever the
 * project was checked out ({@code src/main/generated/**} matches {@code /home/ci/app/src/main/generated/A.java}).
 */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    public static PathGlob compile(String glob) {
        String normalized = normalize(glob);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("expected a path glob such as src/main/generated/**");
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            char c = normalized.charAt(i);
            if (normalized.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (normalized.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new PathGlob(glob, Pattern.compile(regex.toString()));
    }

    /** Forward slashes, no {@code file:} scheme, no leading {@code ./}, no doubled slashes. */
    static String normalize(String path) {
        String p = path.strip().replace('\\', '/');
        if (p.startsWith("file://")) {
            p = p.substring("file://".length());
        } else if (p.startsWith("file:")) {
            p = p.substring("file:".length());
        }
        while (p.contains("//")) {
            p = p.replace("//", "/");
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    public boolean matches(String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        String normalized = normalize(path);
        if (pattern.matcher(normalized).matches()) {
            return true;
        }
        boolean absolute = normalized.startsWith("/") || normalized.matches("^[A-Za-z]:/.*");
        boolean relativeGlob = !normalize(glob).startsWith("/");
        if (absolute && relativeGlob) {
            for (int slash = normalized.indexOf('/'); slash >= 0; slash = normalized.indexOf('/', slash + 1)) {
                if (pattern.matcher(normalized.substring(slash + 1)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return glob;
    }
}
