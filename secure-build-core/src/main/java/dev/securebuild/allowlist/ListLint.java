package dev.securebuild.allowlist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.maven.artifact.versioning.VersionRange;

/**
 * Finds the approvals of the allow-lists that need a person's attention, given the decisions made for every component
 * of the reactor:
 * <ul>
 * <li>UNUSED: an approval that decided no component. Denied entries are guards against what is not used yet, so they
 * are never unused. An approval that is SHADOWED is reported as that, not also as unused.</li>
 * <li>SHADOWED: an approval that can never decide, because a denial of any layer, or an approval earlier in layer
 * and file order that lasts at least as long, covers everything it covers.</li>
 * <li>EXPIRED, EXPIRING: an approval whose {@code expires} has passed, or comes within its list's
 * {@code expiringWithinDays}.</li>
 * <li>TOO_BROAD: an approval whose groupId is {@code *}, or names fewer than two whole segments before its first
 * {@code *} ({@code org.*}, {@code com.ex*}): it approves what a whole organization, or everyone, publishes.</li>
 * </ul>
 * Findings come in layer and file order, an entry's findings together.
 */
public final class ListLint {

    private ListLint() {}

    public static List<LintFinding> lint(List<AllowList> lists, Collection<Decision> decisions, LocalDate today) {
        Set<Entry> deciding = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Decision decision : decisions) {
            if (decision.entry() != null) {
                deciding.add(decision.entry());
            }
        }
        List<LintFinding> findings = new ArrayList<>();
        for (int layer = 0; layer < lists.size(); layer++) {
            AllowList list = lists.get(layer);
            for (int index = 0; index < list.approved().size(); index++) {
                Entry entry = list.approved().get(index);
                String shadow = shadowedBy(lists, layer, index);
                if (shadow != null) {
                    findings.add(new LintFinding(LintFinding.Kind.SHADOWED, list, entry, coordinates(entry) + " " + shadow));
                } else if (!deciding.contains(entry)) {
                    findings.add(new LintFinding(LintFinding.Kind.UNUSED, list, entry, coordinates(entry)
                            + " decided no component of the reactor: remove it, or check that it names what it should"));
                }
                LintFinding expiry = expiry(list, entry, today);
                if (expiry != null) {
                    findings.add(expiry);
                }
                String broad = tooBroad(entry.groupId());
                if (broad != null) {
                    findings.add(new LintFinding(LintFinding.Kind.TOO_BROAD, list, entry, broad));
                }
            }
        }
        return findings;
    }

    /** Why approval {@code index} of list {@code layer} can never decide, naming the entry that takes its place; null when it can. */
    private static String shadowedBy(List<AllowList> lists, int layer, int index) {
        AllowList list = lists.get(layer);
        Entry entry = list.approved().get(index);
        for (AllowList other : lists) {
            for (Entry denied : other.denied()) {
                if (covers(denied, entry)) {
                    return "can never allow: denied by entry " + denied.location() + " (" + other.layer() + ") " + coordinates(denied);
                }
            }
        }
        for (int earlierLayer = 0; earlierLayer <= layer; earlierLayer++) {
            AllowList earlierList = lists.get(earlierLayer);
            int end = earlierLayer == layer ? index : earlierList.approved().size();
            for (int i = 0; i < end; i++) {
                Entry earlier = earlierList.approved().get(i);
                if (covers(earlier, entry) && outlasts(earlier, earlierList, entry, list)) {
                    return "can never decide: entry " + earlier.location() + " (" + earlierList.layer() + ") " + coordinates(earlier)
                            + " comes first and covers everything it covers";
                }
            }
        }
        return null;
    }

    /** Whether every component that {@code later} covers, {@code earlier} covers too (expiry aside). */
    static boolean covers(Entry earlier, Entry later) {
        return patternCovers(earlier.groupIdPattern(), later.groupId()) && patternCovers(earlier.artifactIdPattern(), later.artifactId())
                && versionsCover(earlier.range(), later.range()) && listCovers(earlier.scopes(), later.scopes())
                && listCovers(earlier.licenses(), later.licenses());
    }

    /**
     * Whether pattern {@code earlier} matches everything pattern {@code later} matches: the same text; a literal prefix
     * and one final {@code *} ({@code org.apache.*}, {@code *}) that starts {@code later}; or any pattern that matches
     * a {@code later} without wildcards. Other pairs of wildcard patterns count as not covered: the lint stays silent
     * rather than claim too much.
     */
    private static boolean patternCovers(CoordinatePattern earlier, String later) {
        String text = earlier.toString();
        if (text.equals(later)) {
            return true;
        }
        int star = text.indexOf('*');
        if (star == text.length() - 1 && later.startsWith(text.substring(0, star))) {
            return true;
        }
        return later.indexOf('*') < 0 && earlier.matches(later);
    }

    /** Whether every version of {@code later} is in {@code earlier}; null is any version. */
    private static boolean versionsCover(VersionRange earlier, VersionRange later) {
        if (earlier == null) {
            return true;
        }
        if (later == null) {
            return false;
        }
        // The intersection of the two is the later range itself when the later range lies within the earlier one.
        return later.restrict(earlier).getRestrictions().equals(later.getRestrictions());
    }

    /** For scopes and licenses: empty is any; else the earlier must hold every one the later holds (licenses ignore case). */
    private static boolean listCovers(List<String> earlier, List<String> later) {
        if (earlier.isEmpty()) {
            return true;
        }
        if (later.isEmpty()) {
            return false;
        }
        for (String value : later) {
            if (earlier.stream().noneMatch(candidate -> candidate.equalsIgnoreCase(value))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code earlier} decides whenever {@code later} would: it does not expire, or it ends no sooner and starts
     * to warn no sooner (each list has its own expiringWithinDays), so the decider always prefers it.
     */
    private static boolean outlasts(Entry earlier, AllowList earlierList, Entry later, AllowList laterList) {
        if (earlier.expires() == null) {
            return true;
        }
        if (later.expires() == null) {
            return false;
        }
        return !earlier.expires().isBefore(later.expires()) && !earlier.expires().minusDays(earlierList.expiringWithinDays())
                .isBefore(later.expires().minusDays(laterList.expiringWithinDays()));
    }

    private static LintFinding expiry(AllowList list, Entry entry, LocalDate today) {
        if (entry.expires() == null) {
            return null;
        }
        long days = Expiry.daysLeft(today, entry.expires());
        String owner = " (owner " + entry.owner() + ")";
        Expiry.State state = Expiry.state(entry.expires(), today, list.expiringWithinDays());
        if (state == Expiry.State.EXPIRED) {
            return new LintFinding(LintFinding.Kind.EXPIRED, list, entry, coordinates(entry) + " expired on " + entry.expires() + ", "
                    + Expiry.ago(-days) + ": renew it" + owner + " or remove it");
        }
        if (state == Expiry.State.EXPIRING) {
            return new LintFinding(LintFinding.Kind.EXPIRING, list, entry, coordinates(entry) + " expires on " + entry.expires() + " ("
                    + (days == 0 ? "today is its last day" : Expiry.plural(days, "day") + " left") + "): renew it" + owner
                    + " or plan the replacement");
        }
        return null;
    }

    /** Why a groupId pattern is too broad, or null: fewer than two whole dot-separated segments before its first {@code *}. */
    static String tooBroad(String groupId) {
        int star = groupId.indexOf('*');
        if (star < 0) {
            return null;
        }
        String prefix = groupId.substring(0, star);
        int lastDot = prefix.lastIndexOf('.');
        int whole = 0;
        for (String segment : (lastDot < 0 ? "" : prefix.substring(0, lastDot)).split("\\.")) {
            whole += segment.isEmpty() ? 0 : 1;
        }
        if (whole >= 2) {
            return null;
        }
        String what;
        if (prefix.isEmpty()) {
            what = "every group";
        } else if (lastDot == prefix.length() - 1) {
            what = "every group under " + prefix.substring(0, lastDot);
        } else {
            what = "every group whose name starts with " + prefix;
        }
        return "groupId " + groupId + " approves " + what + ": name the groups, with at least two whole segments (such as"
                + " org.example.*)";
    }

    private static String coordinates(Entry entry) {
        return entry.kind().name().toLowerCase(Locale.ROOT) + " " + entry.groupId() + ":" + entry.artifactId()
                + (entry.versions() == null ? "" : ":" + entry.versions());
    }
}
