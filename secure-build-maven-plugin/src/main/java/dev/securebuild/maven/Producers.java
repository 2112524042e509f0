package dev.securebuild.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.lifecycle.MavenExecutionPlan;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import dev.securebuild.reproducible.BuildPlan;
import dev.securebuild.reproducible.PlannedExecution;

/**
 * This build's plan for a module, as {@link BuildPlan} takes it: the mojo executions Maven planned for the goals of
 * this session (the executions that ran before this goal, and their effective configuration), with the parameters
 * that name an output evaluated as the execution saw them. Maven does not record who attached what; the plan and each
 * archiver's configuration tell it, and where they do not, {@link BuildPlan} says "unknown".
 */
final class Producers {

    /** The parameters of the known archivers that decide an output's path. */
    private static final List<String> PARAMETERS = List.of("finalName", "classifier", "outputDirectory", "jarOutputDirectory",
            "warName", "appendAssemblyId", "formats", "descriptors", "descriptor", "descriptorRefs", "descriptorId",
            "shadedArtifactAttached", "shadedClassifierName", "outputFile", "skip", "skipAssembly", "skipSource", "outputTimestamp");

    private Producers() {}

    /** The module's plan; one that knows no execution when Maven cannot give it (then every producer is unknown). */
    static BuildPlan planOf(MavenSession session, LifecycleExecutor lifecycle, MavenProject project) {
        List<PlannedExecution> executions = session == null || lifecycle == null ? null : executions(session, lifecycle, project);
        return new BuildPlan(executions, project.getBasedir() == null ? null : project.getBasedir().toPath(),
                Path.of(project.getBuild().getDirectory()), project.getBuild().getFinalName(), project.getArtifactId(),
                project.getVersion(), project.getFile() == null ? null : project.getFile().toPath(),
                project.getProperties().getProperty("project.build.outputTimestamp"));
    }

    private static List<PlannedExecution> executions(MavenSession session, LifecycleExecutor lifecycle, MavenProject project) {
        try {
            MavenSession forProject = session.clone();
            forProject.setCurrentProject(project);
            MavenExecutionPlan plan = lifecycle.calculateExecutionPlan(forProject, session.getGoals().toArray(new String[0]));
            List<PlannedExecution> executions = new ArrayList<>();
            for (MojoExecution execution : plan.getMojoExecutions()) {
                add(forProject, execution, executions);
            }
            return executions;
        } catch (Exception | LinkageError e) {
            // Another Maven, a goal that cannot be planned again: the producers are unknown, not guessed.
            return null;
        }
    }

    private static void add(MavenSession session, MojoExecution execution, List<PlannedExecution> executions) {
        for (List<MojoExecution> forked : execution.getForkedExecutions().values()) {
            for (MojoExecution inner : forked) {
                add(session, inner, executions);
            }
        }
        Xpp3Dom configuration = execution.getConfiguration();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (configuration != null) {
            PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, execution);
            for (String name : PARAMETERS) {
                Xpp3Dom parameter = configuration.getChild(name);
                String value = parameter == null ? null : value(evaluator, parameter);
                if (value != null) {
                    parameters.put(name, value);
                }
            }
        }
        executions.add(new PlannedExecution(execution.getGroupId(), execution.getArtifactId(), execution.getVersion(),
                execution.getGoal(), execution.getExecutionId(), parameters, configuration == null ? "" : configuration.toString()));
    }

    /** The parameter's value as the mojo gets it: its expression evaluated, else its default; a list joined with ','. */
    private static String value(PluginParameterExpressionEvaluator evaluator, Xpp3Dom parameter) {
        if (parameter.getChildCount() > 0) {
            List<String> items = new ArrayList<>();
            for (Xpp3Dom child : parameter.getChildren()) {
                String item = value(evaluator, child);
                if (item != null) {
                    items.add(item);
                }
            }
            return String.join(",", items);
        }
        try {
            Object value = parameter.getValue() == null ? null : evaluator.evaluate(parameter.getValue());
            if (value == null && parameter.getAttribute("default-value") != null) {
                value = evaluator.evaluate(parameter.getAttribute("default-value"));
            }
            return text(evaluator, value);
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(PluginParameterExpressionEvaluator evaluator, Object value) {
        if (value instanceof File file) {
            return evaluator.alignToBaseDirectory(file).getPath();
        }
        if (value instanceof Collection<?> items) {
            return String.join(",", items.stream().map(String::valueOf).toList());
        }
        if (value instanceof Object[] items) {
            return String.join(",", java.util.Arrays.stream(items).map(String::valueOf).toList());
        }
        return value == null ? null : value.toString();
    }
}
