package dev.securebuild.allowlist;

import java.util.regex.Pattern;

/**
 * A groupId or artifactId pattern where {@code *} stands for any run of characters (dots included) and every other
 * character stands for itself. Compiled once; the user's text never becomes a regular expression: each literal piece
 * is quoted. The one matcher of coordinate patterns: the allow-lists' entries and the exemptions of
 * {@code requireReproducibleBuild} use it.
 */
public final class CoordinatePattern {

    /** What a pattern may hold: the characters of Maven coordinates, and {@code *}. */
    public static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._\\-*]+");

    private final String text;
    /** Null when the pattern has no wildcard: then it is compared as a plain string. */
    private final Pattern compiled;

    /** @throws IllegalArgumentException when {@code text} holds other characters than those of coordinates and {@code *} */
    public CoordinatePattern(String text) {
        if (text == null || !ALLOWED.matcher(text).matches()) {
            throw new IllegalArgumentException("not a coordinate pattern: " + text + " (expected letters, digits, '.', '_', '-' and '*' wildcards)");
        }
        this.text = text;
        this.compiled = text.indexOf('*') < 0 ? null : Pattern.compile(toRegex(text));
    }

    private static String toRegex(String text) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', start)) {
            if (star > start) {
                regex.append(Pattern.quote(text.substring(start, star)));
            }
            regex.append(".*");
            start = star + 1;
        }
        if (start < text.length()) {
            regex.append(Pattern.quote(text.substring(start)));
        }
        return regex.toString();
    }

    public boolean matches(String value) {
        if (value == null) {
            return false;
        }
        return compiled == null ? text.equals(value) : compiled.matcher(value).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
