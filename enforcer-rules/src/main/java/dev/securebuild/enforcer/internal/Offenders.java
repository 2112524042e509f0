package dev.securebuild.enforcer.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.securebuild.allowlist.Decision;
import dev.securebuild.allowlist.maven.DeclaringElements;
import dev.securebuild.shared.ci.WorkflowCommand;

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
        Group group = groups.computeIfAbsent(key, k -> new Group(key, decision, path));
        group.paths.add(String.join(" -> ", path));
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

    /**
     * One annotation per component, at the POM element that brought it in through its first path ({@code place}: that
     * element's file and line, or empty for none, when the annotation goes to {@code pom}).
     */
    public List<WorkflowCommand> annotations(WorkflowCommand.Level level, Function<List<String>, Optional<DeclaringElements.Place>> place,
                                             Path repositoryRoot, Path pom) {
        List<WorkflowCommand> commands = new ArrayList<>();
        for (Group group : groups.values()) {
            // Without the module's paths: an offender declared in a parent is then one annotation for the whole build.
            String brought = group.firstPath.size() > 2 ? " (brought in by " + group.firstPath.get(1) + ")" : "";
            WorkflowCommand command = WorkflowCommand.of(level, group.decision.explanation() + brought)
                    .titled("secure-build approvedDependencies: " + group.decision.component());
            commands.add(DeclaringElements.at(command, place.apply(group.firstPath), repositoryRoot, pom));
        }
        return commands;
    }

    private static final class Group {

        private final String key;
        private final Decision decision;
        private final List<String> firstPath;
        private final Set<String> paths = new LinkedHashSet<>();

        Group(String key, Decision decision, List<String> firstPath) {
            this.key = key;
            this.decision = decision;
            this.firstPath = List.copyOf(firstPath);
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
