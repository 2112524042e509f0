package dev.securebuild.allowlist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;

/**
 * What makes the {@code allowlist-report} goal fail: decision statuses ({@code denied}, {@code expired},
 * {@code expiring}, {@code unlisted}) and lint kinds ({@code unused}, {@code shadowed}, {@code expired},
 * {@code expiring}, {@code too-broad}), given as a comma-separated list. {@code expired} and {@code expiring} name both
 * the components so decided and the entries so dated. Empty: the report never fails.
 */
public final class ReportFailOn {

    /** The names failOn accepts, in the order messages list them. */
    public static final List<String> NAMES = List.of("denied", "expired", "expiring", "unlisted", "unused", "shadowed", "too-broad");
    /** Components or entries named in a failure message; the others are counted. */
    static final int NAMED = 5;

    private final Set<String> names;

    private ReportFailOn(Set<String> names) {
        this.names = names;
    }

    /** Reads {@code denied,unlisted}; blanks are ignored, case is not significant, {@code too_broad} is {@code too-broad}. */
    public static ReportFailOn parse(String text) throws InvalidSettingException {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            for (String part : text.split(",")) {
                String name = part.strip().toLowerCase(Locale.ROOT).replace('_', '-');
                if (name.isEmpty()) {
                    continue;
                }
                if (!NAMES.contains(name)) {
                    throw InvalidSettingException.about(Setting.ALLOWLIST_FAIL_ON, "failOn: unknown '" + part.strip() + "'; expected a comma-separated list of "
                            + String.join(", ", NAMES), null);
                }
                names.add(name);
            }
        }
        return new ReportFailOn(names);
    }

    public Set<String> names() {
        return names;
    }

    /** One sentence per failOn name that the report matches, naming the components or entries; empty when it passes. */
    public List<String> reasons(AllowListReport report) {
        List<String> reasons = new ArrayList<>();
        for (String name : names) {
            List<String> matched = new ArrayList<>();
            for (AllowListReport.Row row : report.rows()) {
                if (AllowListReport.id(row.decision().status()).equals(name)) {
                    matched.add(row.decision().component().toString());
                }
            }
            if (!matched.isEmpty()) {
                reasons.add(sentence(matched.size() + " component(s) " + name, matched));
            }
            List<String> entries = new ArrayList<>();
            for (LintFinding finding : report.lint()) {
                if (finding.kind().id().equals(name)) {
                    entries.add(finding.coordinates() + " (" + finding.location() + ")");
                }
            }
            if (!entries.isEmpty()) {
                reasons.add(sentence(entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies") + " " + name, entries));
            }
        }
        return reasons;
    }

    private static String sentence(String head, List<String> named) {
        String text = head + ": " + String.join(", ", named.subList(0, Math.min(NAMED, named.size())));
        return named.size() > NAMED ? text + " and " + (named.size() - NAMED) + " more" : text;
    }
}
