package dev.securebuild.shared.io;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The one glob syntax of the configuration (report files and exception paths of the scanner gate, banSecretsInBuild's
 * includes and allowed secrets, verify-signatures' excludes, verify-reproducible's ignores; docs/globs.md), matched on
 * {@code /}-separated text:
 * <ul>
 * <li>a {@code **} that is a whole name spans any number of folders, none included, as in Ant and Maven's
 * includes: {@code src/**}{@code /A.java} matches {@code src/A.java} and {@code src/x/y/A.java};</li>
 * <li>within one name, the JDK's glob syntax: {@code *} and {@code ?} never cross a {@code /}, {@code [abc]},
 * {@code [a-z]}, {@code [!a]} and {@code {a,b}}; a {@code **} inside a name crosses folders as in the JDK
 * ({@code target/**.sarif} matches {@code target/a/b.sarif});</li>
 * <li>a {@code \} is read as {@code /} (a Windows path written in a POM), in the glob and in the text.</li>
 * </ul>
 * The text is never made a file system path as a whole: a name from a hostile input cannot make matching fail, and a
 * name this system cannot hold simply does not match.
 */
public final class Glob {

    private static final String ANY_FOLDERS = "**";

    private final String pattern;
    private final boolean absolute;
    /** One matcher per name; null for a {@code **} name. */
    private final List<PathMatcher> names;
    /** For the names from the first with a {@code **} inside it on: matched as one, on the rest of the text. */
    private final PathMatcher tail;

    private Glob(String pattern, boolean absolute, List<PathMatcher> names, PathMatcher tail) {
        this.pattern = pattern;
        this.absolute = absolute;
        this.names = names;
        this.tail = tail;
    }

    /**
     * @param pattern the glob as configured
     * @throws IllegalArgumentException (a {@link java.util.regex.PatternSyntaxException} for a broken name) when it is
     *         empty or not a glob, or a {@code {...}} group holds a {@code /}
     */
    public static Glob compile(String pattern) {
        String normalized = pattern == null ? "" : pattern.strip().replace('\\', '/');
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("an empty glob");
        }
        if (slashInGroup(normalized)) {
            throw new IllegalArgumentException("the glob " + normalized + " has a / inside {...}: a group may hold names only");
        }
        List<PathMatcher> names = new ArrayList<>();
        List<String> parts = names(normalized);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the glob " + normalized + " names no file");
        }
        PathMatcher tail = null;
        for (int i = 0; i < parts.size() && tail == null; i++) {
            String name = parts.get(i);
            if (name.equals(ANY_FOLDERS)) {
                names.add(null);
            } else if (name.contains(ANY_FOLDERS)) {
                tail = FileSystems.getDefault().getPathMatcher("glob:" + String.join("/", parts.subList(i, parts.size())));
            } else {
                names.add(FileSystems.getDefault().getPathMatcher("glob:" + name));
            }
        }
        return new Glob(normalized, normalized.startsWith("/"), names, tail);
    }

    /** Whether the text has a wildcard: otherwise it names one file. */
    public static boolean isGlob(String pattern) {
        return firstWildcard(pattern) < pattern.length();
    }

    /** Where the first wildcard is, or the text's length when there is none. */
    static int firstWildcard(String pattern) {
        int first = pattern.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int index = pattern.indexOf(c);
            if (index >= 0 && index < first) {
                first = index;
            }
        }
        return first;
    }

    /** Whether the glob names folders; one without a {@code /} is a pattern on a name. */
    public boolean hasFolders() {
        return pattern.indexOf('/') >= 0;
    }

    /** Whether {@code path} ({@code /}- or {@code \}-separated) matches as a whole. */
    public boolean matches(String path) {
        if (path == null) {
            return false;
        }
        String normalized = path.replace('\\', '/');
        if (normalized.startsWith("/") != absolute) {
            return false;
        }
        List<String> parts = names(normalized);
        return matches(parts, 0, 0, new boolean[names.size() + 1][parts.size() + 1]);
    }

    /** Whether the last name of {@code path} matches. */
    public boolean matchesName(String path) {
        String normalized = path == null ? "" : path.replace('\\', '/');
        return matches(normalized.substring(normalized.lastIndexOf('/') + 1));
    }

    /** {@code failed[g][t]}: glob names from g on were already found not to match text names from t on. */
    private boolean matches(List<String> text, int g, int t, boolean[][] failed) {
        if (failed[g][t]) {
            return false;
        }
        boolean matched;
        if (g == names.size()) {
            matched = tail == null ? t == text.size() : t < text.size() && nameMatches(tail, String.join("/", text.subList(t, text.size())));
        } else if (names.get(g) == null) {
            matched = false;
            for (int skip = t; skip <= text.size() && !matched; skip++) {
                matched = matches(text, g + 1, skip, failed);
            }
        } else {
            matched = t < text.size() && nameMatches(names.get(g), text.get(t)) && matches(text, g + 1, t + 1, failed);
        }
        failed[g][t] = !matched;
        return matched;
    }

    private static boolean nameMatches(PathMatcher matcher, String name) {
        try {
            return matcher.matches(Path.of(name));
        } catch (InvalidPathException e) {
            return false; // a name this system cannot hold
        }
    }

    /** The names between slashes; empty ones and {@code .} are left out. */
    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        for (String name : text.split("/")) {
            if (!name.isEmpty() && !name.equals(".")) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean slashInGroup(String pattern) {
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == '/' && depth > 0) {
                return true;
            }
        }
        return false;
    }

    /** As configured, with {@code /} for {@code \}. */
    @Override
    public String toString() {
        return pattern;
    }
}
