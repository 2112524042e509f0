package dev.securebuild.enforcer.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.securebuild.allowlist.Decision;

/**
 * The decisions of {@code approvedDependencies} that fail or warn, grouped: one entry per component (g:a:v and scope)
 * and decision, with every path that brings it in, so that a component reached through many paths is reported once.
 * Given the session's {@link ReportedOffenders}, a component that another module already reported gets one line.
 */
public final class Offenders {

    /** Paths shown per component; the others are counted. */
    public static final int PATHS_SHOWN = 3;

    private final Map<String, Group> groups = new LinkedHashMap<>();

    /** Records the decision about a component reached through {@code path} (project first, the component last). */
    public void add(Decision decision, List<String> path) {
        String key = decision.component() + "\n" + decision.explanation();
        groups.computeIfAbsent(key, k -> new Group(key, decision)).paths.add(String.join(" -> ", path));
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The first {@code max} offending components (g:a:v and scope), and how many more, for a one-line summary. */
    public List<String> components(int max) {
        List<String> components = new ArrayList<>();
        for (Group group : groups.values()) {
            if (components.size() == max) {
                components.add("and " + (groups.size() - max) + " more");
                break;
            }
            components.add(group.decision.component().toString());
        }
        return components;
    }

    /** Components (g:a:v and scope, per decision), not paths. */
    public int size() {
        return groups.size();
    }

    /** The messages, one per component, each of several lines, separated by a newline. */
    public String describe() {
        return String.join("\n", messages());
    }

    /** As {@link #describe()}, but an offender that another module of the session reported before gets one line. */
    public String describe(ReportedOffenders reported, String module) {
        return String.join("\n", messages(reported, module));
    }

    /** One message per component, for warnings logged one by one. */
    public List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (Group group : groups.values()) {
            messages.add(group.message());
        }
        return messages;
    }

    /** As {@link #messages()}, but an offender that another module of the session reported before gets one line. */
    public List<String> messages(ReportedOffenders reported, String module) {
        List<String> messages = new ArrayList<>();
        for (Group group : groups.values()) {
            String first = reported.alreadyReportedFor(group.key, module);
            messages.add(first == null ? group.message() : group.decision.component() + ": already reported for " + first);
        }
        return messages;
    }

    private static final class Group {

        private final String key;
        private final Decision decision;
        private final Set<String> paths = new LinkedHashSet<>();

        Group(String key, Decision decision) {
            this.key = key;
            this.decision = decision;
        }

        String message() {
            StringBuilder message = new StringBuilder(decision.explanation());
            int shown = 0;
            for (String path : paths) {
                if (shown++ == PATHS_SHOWN) {
                    break;
                }
                message.append("\n  path: ").append(path);
            }
            int more = paths.size() - PATHS_SHOWN;
            if (more > 0) {
                message.append("\n  and ").append(more).append(more == 1 ? " more path" : " more paths");
            }
            for (String nearMiss : decision.nearMisses()) {
                message.append("\n  nearly matched: ").append(nearMiss);
            }
            if (decision.pasteReadyEntry() != null) {
                message.append("\n  to request an approval, add to the approved list:");
                for (String line : decision.pasteReadyEntry().split("\n")) {
                    message.append("\n    ").append(line);
                }
            }
            return message.toString();
        }
    }
}
