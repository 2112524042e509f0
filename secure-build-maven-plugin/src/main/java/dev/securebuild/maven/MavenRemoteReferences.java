package dev.securebuild.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.reproducible.ReactorModule;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.reproducible.RemoteReferences;
import dev.securebuild.shared.session.IsolatedSessions;
import dev.securebuild.shared.settings.Setting;

/** compare's reference from a remote repository of the module, through Maven's resolver. */
final class MavenRemoteReferences implements RemoteReferences {

    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession buildSession;
    private final Map<String, MavenProject> projects;
    private DefaultRepositorySystemSession isolated;

    MavenRemoteReferences(RepositorySystem repositorySystem, RepositorySystemSession buildSession, List<ModuleOutputs> modules) {
        this.repositorySystem = repositorySystem;
        this.buildSession = buildSession;
        this.projects = modules.stream().map(ModuleOutputs::project)
                .collect(Collectors.toMap(MavenProject::getId, Function.identity(), (a, b) -> a));
    }

    @Override
    public Path fetch(ReactorModule reactorModule, ReactorModule.Output output, String repositoryId, Path cache) throws InvalidSettingException {
        MavenProject module = projects.get(reactorModule.id());
        List<RemoteRepository> repositories = module.getRemoteProjectRepositories().stream()
                .filter(r -> r.getId().equals(repositoryId)).toList();
        if (repositories.isEmpty()) {
            throw InvalidSettingException.about(Setting.REFERENCE_REPOSITORY, "No repository with id '" + repositoryId + "' in " + module.getId()
                    + "; it has " + module.getRemoteProjectRepositories().stream().map(RemoteRepository::getId).toList()
                    + " (set referenceRepository)", null);
        }
        String classifier = output.classifier() == null ? "" : output.classifier();
        DefaultArtifact artifact = new DefaultArtifact(module.getGroupId(), module.getArtifactId(), classifier, output.extension(),
                module.getVersion());
        try {
            return repositorySystem.resolveArtifact(isolated(cache), new ArtifactRequest(artifact, repositories, null)).getArtifact()
                    .getFile().toPath();
        } catch (ArtifactResolutionException e) {
            return null;   // not published there: MISSING in the reference
        }
    }

    /**
     * A local repository of its own, and no reactor: the reference must come from the remote repository, never from this
     * build's outputs or from what an earlier mvn install put into ~/.m2.
     */
    private DefaultRepositorySystemSession isolated(Path cache) {
        if (isolated == null) {
            isolated = IsolatedSessions.remoteOnly(repositorySystem, buildSession, cache);
        }
        return isolated;
    }
}
