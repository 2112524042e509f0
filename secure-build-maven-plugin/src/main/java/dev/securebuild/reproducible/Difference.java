package dev.securebuild.reproducible;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One difference between the two sides, explained.
 *
 * @param location where: the output's name, then {@code !/} and the entry for each archive level
 *                 ({@code app.zip!/lib/core.jar!/a/B.class})
 * @param kind     what differs
 * @param summary  one line a person reads: what the two sides hold
 * @param count    how many entries this stands for (per-archive kinds group many entries into one difference)
 * @param details  examples or a unified diff, a few dozen lines at most
 * @param facts    what the cause rules and machines read: the attribute name, the time offset, the modes...
 * @param explanation why it differs and what to do (null until {@link CauseRules} explained it)
 */
public record Difference(String location, DifferenceKind kind, String summary, int count, List<String> details,
                         Map<String, String> facts, Explanation explanation) {

    public Difference {
        details = List.copyOf(details);
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    static Difference of(String location, DifferenceKind kind, String summary, List<String> details, Map<String, String> facts) {
        return new Difference(location, kind, summary, 1, details, facts, null);
    }

    Difference counted(int entries) {
        return new Difference(location, kind, summary, entries, details, facts, explanation);
    }

    Difference explained(Explanation why) {
        return new Difference(location, kind, summary, count, details, facts, why);
    }

    public String fact(String name) {
        return facts.get(name);
    }
}
