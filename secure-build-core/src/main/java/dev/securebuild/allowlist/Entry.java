package dev.securebuild.allowlist;

import java.time.LocalDate;
import java.util.List;

import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.VersionRange;

/**
 * One entry of an allow-list, approved or denied, with the place it was written for messages. Its patterns and
 * version range are compiled once, when the list is loaded.
 */
public final class Entry {

    /** Which part of the list the entry is in. */
    public enum Kind { APPROVED, DENIED }

    private final Kind kind;
    private final CoordinatePattern groupId;
    private final CoordinatePattern artifactId;
    private final String versions;
    private final VersionRange range;
    private final List<String> scopes;
    private final List<String> licenses;
    private final String reason;
    private final String owner;
    private final String ticket;
    private final LocalDate approvedOn;
    private final LocalDate expires;
    private final String replacement;
    private final String file;
    private final int line;

    @SuppressWarnings("checkstyle:ParameterNumber")
    Entry(Kind kind, CoordinatePattern groupId, CoordinatePattern artifactId, String versions, VersionRange range, List<String> scopes,
          List<String> licenses, String reason, String owner, String ticket, LocalDate approvedOn, LocalDate expires, String replacement,
          String file, int line) {
        this.kind = kind;
        this.groupId = groupId;
        this.artifactId = artifactId;
        this.versions = versions;
        this.range = range;
        this.scopes = List.copyOf(scopes);
        this.licenses = List.copyOf(licenses);
        this.reason = reason;
        this.owner = owner;
        this.ticket = ticket;
        this.approvedOn = approvedOn;
        this.expires = expires;
        this.replacement = replacement;
        this.file = file;
        this.line = line;
    }

    public Kind kind() {
        return kind;
    }

    /** The groupId pattern as written. */
    public String groupId() {
        return groupId.toString();
    }

    /** The artifactId pattern as written. */
    public String artifactId() {
        return artifactId.toString();
    }

    /** The version range as written ({@code "1.2"} for exactly 1.2), or null for any version. */
    public String versions() {
        return versions;
    }

    /** The scopes the entry covers; empty for any scope. */
    public List<String> scopes() {
        return scopes;
    }

    /** SPDX ids or expressions; empty when the entry does not look at licenses. */
    public List<String> licenses() {
        return licenses;
    }

    public String reason() {
        return reason;
    }

    /** Null when not given (only a denied entry may leave it out). */
    public String owner() {
        return owner;
    }

    public String ticket() {
        return ticket;
    }

    public LocalDate approvedOn() {
        return approvedOn;
    }

    /** The last day an approval is in force; null when it does not expire (always null for a denied entry). */
    public LocalDate expires() {
        return expires;
    }

    /** What to use instead, for a denied entry; null when not given. */
    public String replacement() {
        return replacement;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** {@code file:line}, how messages name the entry. */
    public String location() {
        return file + ":" + line;
    }

    /** The compiled groupId pattern, for the list's lint. */
    CoordinatePattern groupIdPattern() {
        return groupId;
    }

    /** The compiled artifactId pattern, for the list's lint. */
    CoordinatePattern artifactIdPattern() {
        return artifactId;
    }

    /** The version range, or null for any version; for the list's lint. */
    VersionRange range() {
        return range;
    }

    /** Whether the groupId and artifactId patterns name the component, whatever its version, scope and licenses. */
    boolean names(Component component) {
        return groupId.matches(component.groupId()) && artifactId.matches(component.artifactId());
    }

    /**
     * For a component the entry names: null when the version, scope and licenses are covered too, else why not
     * (the first that is not), for a near-miss message.
     */
    String mismatch(Component component) {
        if (range != null && !range.containsVersion(new DefaultArtifactVersion(component.version()))) {
            return "version " + component.version() + " is outside " + rangeText();
        }
        if (!scopes.isEmpty() && (component.scope() == null || !scopes.contains(component.scope()))) {
            return (component.scope() == null ? "it has no scope" : "scope " + component.scope() + " is not") + " among " + scopes;
        }
        if (!licenses.isEmpty()) {
            if (component.licenses().isEmpty()) {
                return "its license is unknown, and the entry covers only " + licenses;
            }
            if (!Licenses.anyAccepted(component.licenses(), licenses)) {
                return "licenses " + component.licenses() + " are not among " + licenses;
            }
        }
        return null;
    }

    /** The range the way Maven writes it: a bare version shows as {@code [1.2]}, meaning exactly that version. */
    String rangeText() {
        if (range == null) {
            return "any version";
        }
        return versions.startsWith("[") || versions.startsWith("(") ? versions : "[" + versions + "]";
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + groupId + ":" + artifactId + (versions == null ? "" : ":" + versions)
                + " (" + location() + ")";
    }
}
