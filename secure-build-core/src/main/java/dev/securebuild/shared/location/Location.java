package dev.securebuild.shared.location;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a list or policy comes from, in the one syntax of every such parameter (the scanner gate's {@code policy},
 * the {@code <list>}s of approvedDependencies and allowlist-report, the release gate's {@code gatePolicy}; documented
 * in docs/locations.md):
 * <ol>
 * <li>a {@code file:} or {@code https:} URL (any other scheme is refused: what decides what a build may do must not
 * come over plain http);</li>
 * <li>Maven coordinates {@code groupId:artifactId:version[:extension[:classifier]]}, extension {@code yaml} unless
 * given: three to five parts without slashes, backslashes or blanks, so that no Windows path or URL is taken for them
 * - unless a file of that name exists in the base folder, which is then read (a file of the project is never
 * replaced by a download);</li>
 * <li>else a path, relative to the base folder: for a build, the top of the reactor ({@link LocationBase}).</li>
 * </ol>
 */
public final class Location {

    /** The three kinds of source. */
    public enum Kind { PATH, URL, COORDINATES }

    private static final String PART = "([^:/\\\\\\s]+)";
    private static final Pattern COORDINATES = Pattern.compile(PART + ":" + PART + ":" + PART + "(?::" + PART + ")?(?::" + PART + ")?");
    /** What the parameters take, for messages. */
    public static final String SYNTAX = "a path, a file: or https: URL, or groupId:artifactId:version[:extension[:classifier]]";

    private final Kind kind;
    private final String text;
    private final String[] coordinates;

    private Location(Kind kind, String text, String[] coordinates) {
        this.kind = kind;
        this.text = text;
        this.coordinates = coordinates;
    }

    /**
     * Reads one configured value.
     *
     * @param element the parameter's element, which messages quote ({@code list}: {@code <list>...</list>})
     * @param base    the folder a path is relative to, where a file named like coordinates wins; null to read the
     *                syntax only
     * @throws IllegalArgumentException for an empty value, a URL that is not valid or one of another scheme
     */
    public static Location parse(String configured, String element, Path base) {
        String text = configured == null ? "" : configured.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty <" + element + ">: expected " + SYNTAX);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:") || lower.startsWith("https:")) {
            try {
                new URI(text).toURL();
            } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("<" + element + ">" + text + "</" + element + "> is not a valid URL: " + e.getMessage());
            }
            return new Location(Kind.URL, text, null);
        }
        if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("<" + element + ">" + text + "</" + element + ">: only file: and https: URLs are read (a "
                    + element + " decides what a build may use: it must not come over plain http)");
        }
        Matcher coordinates = COORDINATES.matcher(text);
        if (coordinates.matches() && !isFile(base, text)) {
            String[] parts = {coordinates.group(1), coordinates.group(2), coordinates.group(3),
                coordinates.group(4) == null ? "yaml" : coordinates.group(4), coordinates.group(5) == null ? "" : coordinates.group(5)};
            return new Location(Kind.COORDINATES, text, parts);
        }
        return new Location(Kind.PATH, text, null);
    }

    private static boolean isFile(Path base, String text) {
        try {
            return base != null && Files.isRegularFile(base.resolve(text));
        } catch (InvalidPathException e) {
            return false; // "g:a:v" is no path on Windows
        }
    }

    public Kind kind() {
        return kind;
    }

    /** As configured (trimmed). */
    public String text() {
        return text;
    }

    /**
     * The file a path names, absolute.
     *
     * @throws InvalidPathException when the text is no path on this system
     */
    public Path path(Path base) {
        return base.resolve(text).toAbsolutePath().normalize();
    }

    /**
     * How reports and result files name this location: coordinates and a {@code file:} URL as given; an https URL
     * without its user info, query or fragment (which may carry a token); a path relative to the base when it lies inside it, else absolute. Never the
     * local repository's file that coordinates resolved to: a path of the build machine says less, and names its user.
     */
    public String shown(LocationBase base) {
        switch (kind) {
            case COORDINATES:
                return text;
            case URL:
                try {
                    URI uri = new URI(text);
                    if ("file".equalsIgnoreCase(uri.getScheme())) {
                        return text; // a file of this machine, named as the configuration names it
                    }
                    return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
                } catch (URISyntaxException e) {
                    return "a URL that is not valid"; // parse() accepted it, so this does not happen; never show the text whole
                }
            default:
                Path file = path(base.folder());
                Path folder = base.folder().toAbsolutePath().normalize();
                return file.startsWith(folder) && !file.equals(folder) ? folder.relativize(file).toString().replace('\\', '/') : file.toString();
        }
    }

    public String groupId() {
        return part(0);
    }

    public String artifactId() {
        return part(1);
    }

    public String version() {
        return part(2);
    }

    /** The artifact's extension ({@code yaml} unless given); for coordinates only. */
    public String extension() {
        return part(3);
    }

    /** The artifact's classifier, empty unless given; for coordinates only. */
    public String classifier() {
        return part(4);
    }

    private String part(int index) {
        return coordinates == null ? null : coordinates[index];
    }

    /** Coordinates in full ({@code g:a:v:yaml}, with the classifier when there is one); else the text. */
    @Override
    public String toString() {
        if (kind != Kind.COORDINATES) {
            return text;
        }
        String full = groupId() + ":" + artifactId() + ":" + version() + ":" + extension();
        return classifier().isEmpty() ? full : full + ":" + classifier();
    }
}
