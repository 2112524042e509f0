package dev.securebuild.allowlist;

import java.util.List;

/**
 * What the allow-lists say about one component, with the layer and the entry (file:line) that decided it, the entries
 * that nearly matched, and for a component that needs an approval a list entry ready to paste into a request.
 */
public final class Decision {

    /** The outcome. */
    public enum Status {
        /** An approval in force names it, or (for a component no entry names) one of its licenses is allowed. */
        ALLOWED,
        /** Allowed, by an approval that ends within its list's expiringWithinDays: a warning. */
        EXPIRING,
        /** Denied by an entry of any layer. */
        DENIED,
        /** Only approvals that have ended name it. */
        EXPIRED,
        /** No entry names it and no allowed license covers it. */
        UNLISTED
    }

    private final Status status;
    private final Component component;
    private final AllowList list;
    private final Entry entry;
    private final String explanation;
    private final List<String> nearMisses;
    private final boolean fails;
    private final String pasteReadyEntry;

    Decision(Status status, Component component, AllowList list, Entry entry, String explanation, List<String> nearMisses, boolean fails,
             String pasteReadyEntry) {
        this.status = status;
        this.component = component;
        this.list = list;
        this.entry = entry;
        this.explanation = explanation;
        this.nearMisses = List.copyOf(nearMisses);
        this.fails = fails;
        this.pasteReadyEntry = pasteReadyEntry;
    }

    public Status status() {
        return status;
    }

    public Component component() {
        return component;
    }

    /** The list that decided; null for an UNLISTED component (no list named it). */
    public AllowList list() {
        return list;
    }

    /** The layer that decided, or null for an UNLISTED component. */
    public String layer() {
        return list == null ? null : list.layer();
    }

    /** The entry that decided; null when no entry did (UNLISTED, or allowed by a license of allowLicenses). */
    public Entry entry() {
        return entry;
    }

    /** One sentence: what was decided, by which layer and entry, and why. */
    public String explanation() {
        return explanation;
    }

    /** Entries whose groupId and artifactId name the component but whose version, scope or licenses do not cover it. */
    public List<String> nearMisses() {
        return nearMisses;
    }

    /** Whether the decision fails the build (at the rule's level): DENIED, EXPIRED, and UNLISTED unless all lists say failOnUnlisted: false. */
    public boolean fails() {
        return fails;
    }

    /** Whether the decision is a warning: EXPIRING, or UNLISTED when no list fails on unlisted components. */
    public boolean warns() {
        return !fails && status != Status.ALLOWED;
    }

    /** A YAML entry for the approved list that would allow the component, for an approval request; null when none would help. */
    public String pasteReadyEntry() {
        return pasteReadyEntry;
    }

    /** The explanation, the path from the project, the near misses and the paste-ready entry, one per line. */
    public String message() {
        StringBuilder message = new StringBuilder(explanation);
        if (component.path().size() > 1) {
            message.append("\n  path: ").append(String.join(" -> ", component.path()));
        }
        for (String nearMiss : nearMisses) {
            message.append("\n  nearly matched: ").append(nearMiss);
        }
        if (pasteReadyEntry != null) {
            message.append("\n  to request an approval, add to the approved list:\n");
            for (String line : pasteReadyEntry.split("\n")) {
                message.append("    ").append(line).append('\n');
            }
            message.setLength(message.length() - 1);
        }
        return message.toString();
    }

    @Override
    public String toString() {
        return status + " " + component;
    }
}
