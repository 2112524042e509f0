package dev.securebuild.allowlist;

import java.util.Locale;
import java.util.Objects;

/** One thing {@link ListLint} found wrong with an entry of an allow-list: what kind, where (layer, file:line), and why. */
public final class LintFinding {

    /** What is wrong with the entry. */
    public enum Kind {
        /** An approval that decided no component of the reactor. */
        UNUSED,
        /** An approval that can never decide: an earlier approval, or a denial, covers everything it covers. */
        SHADOWED,
        /** An approval whose last day has passed. */
        EXPIRED,
        /** An approval that ends within its list's expiringWithinDays. */
        EXPIRING,
        /** An approval whose groupId pattern names every group of a whole organization or more. */
        TOO_BROAD;

        /** The name in the JSON report and in {@code failOn}: {@code unused}, {@code too-broad}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;
    private final String layer;
    private final String location;
    private final String coordinates;
    private final String message;

    LintFinding(Kind kind, AllowList list, Entry entry, String message) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.layer = list.layer();
        this.location = entry.location();
        this.coordinates = entry.groupId() + ":" + entry.artifactId() + (entry.versions() == null ? "" : ":" + entry.versions());
        this.message = message;
    }

    public Kind kind() {
        return kind;
    }

    /** The layer of the list that holds the entry. */
    public String layer() {
        return layer;
    }

    /** The entry's {@code file:line}. */
    public String location() {
        return location;
    }

    /** The entry's patterns as written: {@code groupId:artifactId[:versions]}. */
    public String coordinates() {
        return coordinates;
    }

    /** One sentence that says what is wrong and what to do. */
    public String message() {
        return message;
    }

    /** How the log shows it: {@code SHADOWED  file:line (layer): message}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-9s %s (%s): %s", kind, location, layer, message);
    }
}
