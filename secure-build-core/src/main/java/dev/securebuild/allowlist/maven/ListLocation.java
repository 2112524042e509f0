package dev.securebuild.allowlist.maven;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an allow-list of {@code approvedDependencies} comes from, as configured in one {@code <list>}: a URL
 * ({@code file:} or {@code https:}), Maven coordinates {@code groupId:artifactId:version[:extension]} (extension
 * {@code yaml} by default), or else a path relative to the project's folder.
 */
public final class ListLocation {

    /** The three kinds of source. */
    public enum Kind { PATH, URL, COORDINATES }

    /** Three or four parts without slashes, backslashes or blanks: a Windows path (C:\...) or a URL never matches. */
    private static final Pattern COORDINATES = Pattern.compile("([^:/\\\\\\s]+):([^:/\\\\\\s]+):([^:/\\\\\\s]+)(?::([^:/\\\\\\s]+))?");

    private final Kind kind;
    private final String text;
    private final String groupId;
    private final String artifactId;
    private final String version;
    private final String extension;

    private ListLocation(Kind kind, String text, String groupId, String artifactId, String version, String extension) {
        this.kind = kind;
        this.text = text;
        this.groupId = groupId;
        this.artifactId = artifactId;
        this.version = version;
        this.extension = extension;
    }

    /** Reads one configured {@code <list>}; an empty one or a URL of another scheme is an IllegalArgumentException. */
    public static ListLocation parse(String configured) {
        String text = configured == null ? "" : configured.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty <list>: expected a path, a file: or https: URL, or groupId:artifactId:version[:extension]");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:") || lower.startsWith("https:")) {
            try {
                new URI(text).toURL();
            } catch (URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("<list>" + text + "</list> is not a valid URL: " + e.getMessage());
            }
            return new ListLocation(Kind.URL, text, null, null, null, null);
        }
        if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("<list>" + text + "</list>: only file: and https: URLs are read (a list decides what a build"
                    + " may use: it must not come over plain http)");
        }
        Matcher coordinates = COORDINATES.matcher(text);
        if (coordinates.matches()) {
            String extension = coordinates.group(4) == null ? "yaml" : coordinates.group(4);
            return new ListLocation(Kind.COORDINATES, text, coordinates.group(1), coordinates.group(2), coordinates.group(3), extension);
        }
        return new ListLocation(Kind.PATH, text, null, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** As configured (trimmed). */
    public String text() {
        return text;
    }

    public String groupId() {
        return groupId;
    }

    public String artifactId() {
        return artifactId;
    }

    public String version() {
        return version;
    }

    /** The artifact's extension ({@code yaml} unless given); for coordinates only. */
    public String extension() {
        return extension;
    }

    @Override
    public String toString() {
        return kind == Kind.COORDINATES ? groupId + ":" + artifactId + ":" + version + ":" + extension : text;
    }
}
