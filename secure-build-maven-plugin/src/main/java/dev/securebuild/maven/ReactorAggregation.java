package dev.securebuild.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.session.SessionCache;

/**
 * Collects one goal's per-module results within one Maven session, so that the module that completes the set acts
 * for the whole reactor. Under {@code -T} modules finish in any order: the last to arrive, whichever it is, gets all
 * results, in reactor order. Kept in the session's data, so a JVM that outlives the build (mvnd) starts afresh.
 */
final class ReactorAggregation<T> {

    static final String PLUGIN_KEY = "dev.securebuild:secure-build-maven-plugin";

    private final List<String> expected;
    private final Map<String, T> arrived = new HashMap<>();
    private final Map<String, MavenProject> projects = new HashMap<>();
    private boolean completed;

    private ReactorAggregation(List<String> expected) {
        this.expected = expected;
    }

    /** The aggregation of this goal in this session: the modules that run it, as the session's build plan says. */
    static <T> ReactorAggregation<T> of(MavenSession session, MojoExecution execution) {
        String key = ReactorAggregation.class.getName() + "/" + execution.getGoal() + "/" + execution.getExecutionId();
        return SessionCache.get(session.getRepositorySession().getData(), key,
                () -> new ReactorAggregation<T>(modulesRunning(session, execution)));
    }

    /**
     * From the command line every module runs the goal; bound in a POM, those whose build has that execution do, unless
     * it is switched off with phase {@code none} (Maven's way to disable an inherited execution): waiting for a module
     * that never runs the goal would leave the set incomplete, and the reactor without its check.
     */
    private static List<String> modulesRunning(MavenSession session, MojoExecution execution) {
        List<String> ids = new ArrayList<>();
        for (MavenProject project : session.getProjects()) {
            if (execution.getSource() == MojoExecution.Source.CLI || hasExecution(project, execution)) {
                ids.add(project.getId());
            }
        }
        return ids;
    }

    private static boolean hasExecution(MavenProject project, MojoExecution execution) {
        for (Plugin plugin : project.getBuildPlugins()) {
            if (PLUGIN_KEY.equals(plugin.getKey())) {
                for (PluginExecution candidate : plugin.getExecutions()) {
                    if (candidate.getId().equals(execution.getExecutionId()) && candidate.getGoals().contains(execution.getGoal())
                            && !"none".equals(candidate.getPhase())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * What one module learns when it adds its result, decided under one lock: under {@code -T} two modules that ask
     * for the count after adding could both see the other's result and log the same count.
     *
     * @param all         every module's result in reactor order, to the module that completed the set (once); empty to the others
     * @param stillToCome how many modules had not arrived when this one did
     */
    record Arrival<T>(Optional<List<T>> all, int stillToCome) {}

    /** Records this module's result. */
    synchronized Arrival<T> add(MavenProject project, T result) {
        arrived.put(project.getId(), result);
        projects.put(project.getId(), project);
        int stillToCome = (int) expected.stream().filter(id -> !arrived.containsKey(id)).count();
        if (completed || stillToCome > 0) {
            return new Arrival<>(Optional.empty(), stillToCome);
        }
        completed = true;
        Set<String> order = new LinkedHashSet<>(expected);
        order.addAll(arrived.keySet());
        List<T> all = new ArrayList<>();
        for (String id : order) {
            if (arrived.containsKey(id)) {
                all.add(arrived.get(id));
            }
        }
        return new Arrival<>(Optional.of(all), 0);
    }

    /** The modules that arrived so far, in reactor order. */
    synchronized List<MavenProject> projects() {
        List<MavenProject> all = new ArrayList<>();
        expected.stream().filter(projects::containsKey).forEach(id -> all.add(projects.get(id)));
        projects.keySet().stream().filter(id -> !expected.contains(id)).sorted().forEach(id -> all.add(projects.get(id)));
        return all;
    }

}
