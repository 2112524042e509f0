package dev.securebuild.maven;

import java.util.Map;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.outputs.ProducedFile;

/**
 * Which plugin execution most likely wrote an output, from the project's build: the packaging's plugin for the main
 * artifact, the plugin of the usual classifiers, else the plugins that attach artifacts. Maven does not record who
 * attached what, so this reads the build plan as a person would.
 */
final class Producers {

    private static final Map<String, String> PACKAGING = Map.of("jar", "maven-jar-plugin", "war", "maven-war-plugin",
            "ear", "maven-ear-plugin", "maven-plugin", "maven-jar-plugin", "ejb", "maven-ejb-plugin", "rar", "maven-rar-plugin",
            "bundle", "maven-bundle-plugin");
    private static final Map<String, String> CLASSIFIERS = Map.of("sources", "maven-source-plugin", "test-sources", "maven-source-plugin",
            "javadoc", "maven-javadoc-plugin", "test-javadoc", "maven-javadoc-plugin", "tests", "maven-jar-plugin");
    private static final String[] ATTACHING = {"maven-assembly-plugin", "maven-shade-plugin", "spring-boot-maven-plugin",
            "cyclonedx-maven-plugin", "build-helper-maven-plugin", "maven-war-plugin"};

    private Producers() {}

    static String of(MavenProject project, ProducedFile file) {
        if ("pom".equals(file.extension()) && file.classifier() == null) {
            Plugin flatten = plugin(project, "flatten-maven-plugin");
            return flatten != null ? describe(flatten) + " (the flattened POM)" : "the project's POM file (no plugin writes it)";
        }
        if (file.classifier() == null) {
            String name = PACKAGING.getOrDefault(project.getPackaging(), "the plugin of packaging " + project.getPackaging());
            Plugin plugin = plugin(project, name);
            return plugin != null ? describe(plugin) + " (packaging " + project.getPackaging() + ")" : name;
        }
        String known = CLASSIFIERS.get(file.classifier());
        if (known != null) {
            Plugin plugin = plugin(project, known);
            return plugin != null ? describe(plugin) : known;
        }
        for (String name : ATTACHING) {
            Plugin plugin = plugin(project, name);
            if (plugin != null && !plugin.getExecutions().isEmpty()) {
                return describe(plugin) + " (attaches classifier " + file.classifier() + ", most likely)";
            }
        }
        return "a plugin that attached classifier " + file.classifier();
    }

    private static Plugin plugin(MavenProject project, String artifactId) {
        return project.getBuildPlugins().stream().filter(p -> artifactId.equals(p.getArtifactId())).findFirst().orElse(null);
    }

    private static String describe(Plugin plugin) {
        StringBuilder text = new StringBuilder(plugin.getArtifactId()).append(' ').append(plugin.getVersion());
        if (!plugin.getExecutions().isEmpty()) {
            text.append(", execution ");
            text.append(String.join(", ", plugin.getExecutions().stream().map(PluginExecution::getId).toList()));
        }
        return text.toString();
    }
}
