package dev.securebuild.allowlist;

import java.util.List;

/**
 * One loaded allow-list: where it came from, the layer it is used in (organization, team, project...), its approved
 * and denied entries in file order, and its settings. The schema is documented in docs/allowlist.md.
 */
public final class AllowList {

    /** Days before an approval's expiry from which it warns, when the list does not say. */
    public static final int DEFAULT_EXPIRING_WITHIN_DAYS = 30;

    private final String source;
    private final String layer;
    private final boolean named;
    private final List<Entry> approved;
    private final List<Entry> denied;
    private final int expiringWithinDays;
    private final List<String> allowLicenses;
    private final boolean failOnUnlisted;

    AllowList(String source, String layer, boolean named, List<Entry> approved, List<Entry> denied, int expiringWithinDays, List<String> allowLicenses,
              boolean failOnUnlisted) {
        this.source = source;
        this.layer = layer;
        this.named = named;
        this.approved = List.copyOf(approved);
        this.denied = List.copyOf(denied);
        this.expiringWithinDays = expiringWithinDays;
        this.allowLicenses = List.copyOf(allowLicenses);
        this.failOnUnlisted = failOnUnlisted;
    }

    /** The file or URL the list was read from, as messages name it. */
    public String source() {
        return source;
    }

    /** The name of the layer: the list's own {@code layer} key ("organization", "team"...), else its position ("list 2"). */
    public String layer() {
        return layer;
    }

    /** How messages name the list: "the organization list" for a named layer, "list 2" for an unnamed one. */
    public String title() {
        return named ? "the " + layer + " list" : layer;
    }

    public List<Entry> approved() {
        return approved;
    }

    public List<Entry> denied() {
        return denied;
    }

    /** An approval of this list warns from this many days before its expiry on. */
    public int expiringWithinDays() {
        return expiringWithinDays;
    }

    /** SPDX ids: a component that no entry names is allowed when one of its licenses is among them. */
    public List<String> allowLicenses() {
        return allowLicenses;
    }

    /** Whether a component no entry names (and no allowed license covers) fails the build, or only warns. */
    public boolean failOnUnlisted() {
        return failOnUnlisted;
    }

    @Override
    public String toString() {
        return layer + " list " + source;
    }
}
