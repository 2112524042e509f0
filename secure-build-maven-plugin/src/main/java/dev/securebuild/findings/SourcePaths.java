package dev.securebuild.findings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File paths of findings as tools write them ({@code file:///w/repo/src/A.java}, {@code .\src\A.java},
 * {@code src/My%20File.java}), made comparable; and the absolute and relative spellings of one file brought together.
 */
final class SourcePaths {

    private static final Pattern SLASHED_DRIVE = Pattern.compile("^/[A-Za-z]:/.*");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:/.*");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private final String baseDirectory;

    /** @param baseDirectory the project's directory, whose absolute paths become relative; null when unknown */
    SourcePaths(String baseDirectory) {
        String base = baseDirectory == null ? "" : normalizeAlone(baseDirectory);
        this.baseDirectory = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Without scheme, percent escapes, backslashes, "./" and repeated slashes; relative to the base directory when under it. */
    String normalize(String path) {
        String normalized = normalizeAlone(path);
        if (!baseDirectory.isEmpty() && normalized.startsWith(baseDirectory + "/")) {
            return normalized.substring(baseDirectory.length() + 1);
        }
        return normalized;
    }

    private static String normalizeAlone(String path) {
        if (path == null) {
            return "";
        }
        String text = path.strip();
        if (text.regionMatches(true, 0, "file:", 0, 5)) {
            text = text.substring(5);
            if (text.startsWith("//")) {
                text = text.substring(2); // file:///abs -> /abs; file://C:/x -> C:/x
            }
        }
        text = percentDecoded(text).replace('\\', '/');
        if (SLASHED_DRIVE.matcher(text).matches()) {
            text = text.substring(1);
        }
        if (DRIVE.matcher(text).matches()) {
            text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        }
        text = REPEATED_SLASHES.matcher(text).replaceAll("/");
        while (text.contains("/./")) {
            text = text.replace("/./", "/");
        }
        while (text.startsWith("./")) {
            text = text.substring(2);
        }
        return text;
    }

    /** %XX escapes as UTF-8; a "%" that starts no escape stays, and "+" stays a plus (this is a URI path, not a form). */
    private static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static boolean isAbsolute(String normalized) {
        return normalized.startsWith("/") || DRIVE.matcher(normalized).matches();
    }

    /**
     * For each normalized path, the one spelling of its file. A relative path is the file of an absolute one that ends
     * with it on a segment boundary ({@code src/A.java} and {@code /w/repo/src/A.java}) when exactly one absolute path
     * does; when several do, it is left alone rather than guessed. The spelling of a file is its longest relative path,
     * which does not change with the checkout directory; a file known only by an absolute path keeps it.
     */
    static Map<String, String> canonical(Collection<String> normalizedPaths) {
        Set<String> relative = new HashSet<>();
        Set<String> absolute = new HashSet<>();
        for (String path : normalizedPaths) {
            (isAbsolute(path) ? absolute : relative).add(path);
        }
        Map<String, String> ownerOfRelative = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String path : absolute) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                String suffix = path.substring(slash + 1);
                if (!suffix.isEmpty() && relative.contains(suffix) && ownerOfRelative.putIfAbsent(suffix, path) != null) {
                    ambiguous.add(suffix);
                }
            }
        }
        ambiguous.forEach(ownerOfRelative::remove);
        Map<String, String> longestRelative = new HashMap<>();
        ownerOfRelative.forEach((suffix, owner) -> longestRelative.merge(owner, suffix, SourcePaths::longer));
        Map<String, String> canonical = new HashMap<>();
        for (String path : relative) {
            String owner = ownerOfRelative.get(path);
            canonical.put(path, owner == null ? path : longestRelative.get(owner));
        }
        for (String path : absolute) {
            canonical.put(path, longestRelative.getOrDefault(path, path));
        }
        return canonical;
    }

    private static String longer(String a, String b) {
        if (a.length() != b.length()) {
            return a.length() > b.length() ? a : b;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
