package dev.securebuild.allowlist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides components against layered allow-lists, given in order (organization, then team, then project). The
 * layering is what a security team expects: a layer can add approvals but never lift a denial.
 * <ol>
 * <li><b>Deny wins across layers.</b> A denied entry of any layer that covers the component (its patterns name it,
 * and its versions, scopes and licenses, when given, cover it) decides DENIED, whatever any layer approves. The first
 * such entry in layer order, then file order, is named.</li>
 * <li><b>Approvals are the union of all layers.</b> Among the approved entries of every layer that cover the
 * component: the first one in force and not about to end decides ALLOWED; failing that, the one in force that ends
 * last decides EXPIRING (allowed, with a warning); failing that, the one that ended last decides EXPIRED. An approval's
 * {@code expires} is its last day in force; it is EXPIRING from {@code expiringWithinDays} (of its own list) days before.</li>
 * <li><b>Licenses only for what no entry names.</b> When no approved entry's groupId and artifactId patterns name the
 * component, it is ALLOWED when one of its licenses is in the {@code allowLicenses} of any layer (the first such
 * list is named). A component that an approval names but does not cover (a version outside its range, another scope)
 * is not rescued by its license: the range was written on purpose.</li>
 * <li>Otherwise it is UNLISTED. It fails unless every layer says {@code failOnUnlisted: false}: a layer can make the
 * check stricter, not looser.</li>
 * </ol>
 * Every decision that is not ALLOWED lists the approved entries that nearly matched (named the component but not its
 * version, scope or licenses). UNLISTED and EXPIRED decisions carry an entry ready to paste into an approval request.
 */
public final class AllowListDecider {

    private final List<AllowList> layers;
    private final boolean failOnUnlisted;
    private final String layerNames;

    public AllowListDecider(List<AllowList> layers) {
        this.layers = List.copyOf(layers);
        boolean fail = layers.isEmpty();
        Set<String> names = new LinkedHashSet<>();
        for (AllowList list : layers) {
            fail |= list.failOnUnlisted();
            names.add(list.layer());
        }
        this.failOnUnlisted = fail;
        this.layerNames = String.join(", ", names);
    }

    public List<AllowList> layers() {
        return layers;
    }

    public Decision decide(Component component, LocalDate today) {
        for (AllowList list : layers) {
            for (Entry entry : list.denied()) {
                if (entry.names(component) && entry.mismatch(component) == null) {
                    return denied(component, list, entry);
                }
            }
        }
        List<String> nearMisses = new ArrayList<>();
        boolean named = false;
        AllowList expiringList = null;
        Entry expiring = null;
        AllowList expiredList = null;
        Entry expired = null;
        for (AllowList list : layers) {
            for (Entry entry : list.approved()) {
                if (!entry.names(component)) {
                    continue;
                }
                named = true;
                String mismatch = entry.mismatch(component);
                if (mismatch != null) {
                    nearMisses.add(mismatch + " of entry " + entry.location() + " (" + list.layer() + ")");
                    continue;
                }
                Expiry.State state = Expiry.state(entry.expires(), today, list.expiringWithinDays());
                if (state == Expiry.State.IN_FORCE) {
                    return new Decision(Decision.Status.ALLOWED, component, list, entry, component + " is approved by " + list.title()
                            + ", entry " + entry.location() + ": " + entry.reason() + " (owner " + entry.owner() + ")", List.of(), false, null);
                } else if (state == Expiry.State.EXPIRING) {
                    if (expiring == null || entry.expires().isAfter(expiring.expires())) {
                        expiringList = list;
                        expiring = entry;
                    }
                } else if (expired == null || entry.expires().isAfter(expired.expires())) {
                    expiredList = list;
                    expired = entry;
                }
            }
        }
        if (expiring != null) {
            return new Decision(Decision.Status.EXPIRING, component, expiringList, expiring, component + " is approved by "
                    + expiringList.title() + ", entry " + expiring.location() + ", only until " + expiring.expires() + " ("
                    + Expiry.left(Expiry.daysLeft(today, expiring.expires())) + "): renew the approval (owner "
                    + expiring.owner() + ") or replace the dependency", nearMisses, false, null);
        }
        if (expired != null) {
            return new Decision(Decision.Status.EXPIRED, component, expiredList, expired, component + " was approved by "
                    + expiredList.title() + ", entry " + expired.location() + ", until " + expired.expires()
                    + ": the approval has expired; renew it (owner " + expired.owner() + ") or remove the dependency", nearMisses, true,
                    pasteReadyEntry(component));
        }
        if (!named) {
            for (AllowList list : layers) {
                if (Licenses.anyAccepted(component.licenses(), list.allowLicenses())) {
                    return new Decision(Decision.Status.ALLOWED, component, list, null, component + " is named by no entry, and its license "
                            + String.join(" / ", component.licenses()) + " is allowed by settings.allowLicenses of " + list.title() + " "
                            + list.source(), List.of(), false, null);
                }
            }
        }
        return new Decision(Decision.Status.UNLISTED, component, null, null, unlisted(component, named), nearMisses, failOnUnlisted,
                pasteReadyEntry(component));
    }

    private static Decision denied(Component component, AllowList list, Entry entry) {
        StringBuilder text = new StringBuilder(component + " is denied by " + list.title() + ", entry " + entry.location() + ": "
                + entry.reason());
        if (entry.replacement() != null) {
            text.append("; use ").append(entry.replacement()).append(" instead");
        }
        if (entry.ticket() != null) {
            text.append(" (").append(entry.ticket()).append(')');
        }
        return new Decision(Decision.Status.DENIED, component, list, entry, text.toString(), List.of(), true, null);
    }

    private String unlisted(Component component, boolean named) {
        String text = component + (named ? " is not covered by any approval" : " is named by no entry") + " of the allow-lists ("
                + layerNames + ")";
        if (named) {
            return text;
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (AllowList list : layers) {
            allowed.addAll(list.allowLicenses());
        }
        if (allowed.isEmpty()) {
            return text;
        }
        if (component.licenses().isEmpty()) {
            return text + ", and its license is unknown, so settings.allowLicenses cannot allow it";
        }
        return text + ", and its licenses " + component.licenses() + " are not among settings.allowLicenses " + allowed;
    }

    /** An approved entry for exactly this version and scope, with the fields a person must fill in marked TODO. */
    static String pasteReadyEntry(Component component) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("- groupId: ").append(quoted(component.groupId())).append('\n');
        yaml.append("  artifactId: ").append(quoted(component.artifactId())).append('\n');
        yaml.append("  versions: ").append(quoted(component.version())).append('\n');
        if (component.scope() != null) {
            yaml.append("  scopes: [").append(component.scope()).append("]\n");
        }
        yaml.append("  reason: \"TODO\"\n");
        yaml.append("  owner: \"TODO\"");
        return yaml.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
