package dev.securebuild.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;

import dev.securebuild.provenance.Components;
import dev.securebuild.provenance.ProvenanceBuilder;

/** What the provenance goal reads of Maven's model, as the plain values {@link ProvenanceBuilder} takes. */
final class ProvenanceInputs {

    private ProvenanceInputs() {}

    static ProvenanceBuilder.Request request(MavenProject project, MavenSession session, PluginDescriptor plugin, RuntimeInformation runtime,
                                             String publicProperties, Path output) throws MojoExecutionException {
        Map<String, String> userProperties = RebuildInvocations.userProperties(session);
        return new ProvenanceBuilder.Request(ProducedFiles.of(project), components(project, session), project.getBasedir().toPath(), System.getenv(),
                session.getRequest().getStartTime() != null ? session.getRequest().getStartTime().toInstant() : null, session.getGoals(),
                profiles(project, session), userProperties, publicProperties, plugin.getArtifactId(), plugin.getVersion(), runtime.getMavenVersion(),
                System.getProperties(), output);
    }

    /** The profiles active for the project (the POM's and its parents'), then those asked for. */
    private static Set<String> profiles(MavenProject project, MavenSession session) {
        Set<String> profiles = new LinkedHashSet<>();
        if (project.getInjectedProfileIds() != null) {
            project.getInjectedProfileIds().values().forEach(profiles::addAll);
        }
        profiles.addAll(session.getRequest().getActiveProfiles());
        return profiles;
    }

    /** Every resolved dependency (test scope included: tests ran in this build), then every build plugin. */
    private static List<Components.Component> components(MavenProject project, MavenSession session) {
        List<Components.Component> components = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put("kind", "dependency");
            if (artifact.getScope() != null) {
                annotations.put("scope", artifact.getScope());
            }
            components.add(new Components.Component(artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion(),
                    artifact.getArtifactHandler() != null ? artifact.getArtifactHandler().getExtension() : artifact.getType(),
                    artifact.hasClassifier() ? artifact.getClassifier() : null,
                    artifact.getFile() == null ? null : artifact.getFile().toPath(), annotations));
        }
        RepositorySystemSession repositories = session.getRepositorySession();
        Path localRepository = repositories.getLocalRepository().getBasedir().toPath();
        for (Plugin buildPlugin : project.getBuildPlugins()) {
            Path jar = null;
            if (buildPlugin.getVersion() != null) {
                jar = localRepository.resolve(repositories.getLocalRepositoryManager().getPathForLocalArtifact(
                        new DefaultArtifact(buildPlugin.getGroupId(), buildPlugin.getArtifactId(), "", "jar", buildPlugin.getVersion())));
            }
            components.add(new Components.Component(buildPlugin.getGroupId(), buildPlugin.getArtifactId(), buildPlugin.getVersion(),
                    "jar", null, jar, Map.of("kind", "plugin")));
        }
        return components;
    }
}
