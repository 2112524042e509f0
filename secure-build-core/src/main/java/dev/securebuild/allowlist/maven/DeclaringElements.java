package dev.securebuild.allowlist.maven;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Extension;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputLocationTracker;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.ci.WorkflowCommand;

/**
 * Where in a POM a component came in: the {@code <dependency>}, {@code <plugin>}, {@code <extension>}, {@code <parent>}
 * or imported BOM that is the first step of its path, read from the locations Maven keeps for every element of the
 * model it builds. That is the element a person changes (a transitive offender is brought in by the direct dependency
 * it names), in the POM that declares it: the module's own, or a parent's. Nothing is found for what no POM declares
 * (a plugin bound by the lifecycle) or what a POM outside the build declares: the caller then names the module's POM.
 */
public final class DeclaringElements {

    /** A file and line (1-based). */
    public static final class Place {
        private final Path file;
        private final int line;

        Place(Path file, int line) {
            this.file = file;
            this.line = line;
        }

        public Path file() {
            return file;
        }

        public int line() {
            return line;
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private DeclaringElements() {}

    /** Where the first step of {@code path} (the project first, then {@code g:a:v} strings) is declared. */
    public static Optional<Place> of(MavenProject project, List<String> path) {
        if (path.size() < 2) {
            return Optional.empty();
        }
        String[] step = path.get(1).split(":");
        if (step.length < 2) {
            return Optional.empty();
        }
        String groupId = step[0];
        String artifactId = step[1];
        Model model = project.getModel();
        for (Dependency dependency : project.getDependencies()) {
            if (matches(dependency.getGroupId(), dependency.getArtifactId(), groupId, artifactId)) {
                return place(dependency);
            }
        }
        for (Plugin plugin : project.getBuildPlugins()) {
            if (matches(plugin.getGroupId(), plugin.getArtifactId(), groupId, artifactId)) {
                return place(plugin);
            }
        }
        for (Extension extension : project.getBuildExtensions()) {
            if (matches(extension.getGroupId(), extension.getArtifactId(), groupId, artifactId)) {
                return place(extension);
            }
        }
        if (model.getParent() != null && matches(model.getParent().getGroupId(), model.getParent().getArtifactId(), groupId, artifactId)) {
            return place(model.getParent());
        }
        // An imported BOM is gone from the effective model; the POMs as written still have it, the project's or a parent's.
        for (MavenProject declaring = project; declaring != null; declaring = declaring.getParent()) {
            DependencyManagement management = declaring.getOriginalModel() == null ? null : declaring.getOriginalModel().getDependencyManagement();
            if (management != null) {
                for (Dependency managed : management.getDependencies()) {
                    if ("import".equals(managed.getScope()) && matches(managed.getGroupId(), managed.getArtifactId(), groupId, artifactId)) {
                        return place(managed);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An annotation at the element that declares it, when that is a file of the repository (a parent POM from a
     * repository is not); else at the module's POM.
     */
    public static WorkflowCommand at(WorkflowCommand command, Optional<Place> declared, Path repositoryRoot, Path pom) {
        return declared.isPresent() && WorkflowCommand.repositoryPath(repositoryRoot, declared.get().file()) != null
                ? command.at(repositoryRoot, declared.get().file(), declared.get().line())
                : command.at(repositoryRoot, pom, 0);
    }

    private static boolean matches(String groupId, String artifactId, String wantedGroupId, String wantedArtifactId) {
        return wantedGroupId.equals(groupId) && wantedArtifactId.equals(artifactId);
    }

    private static Optional<Place> place(InputLocationTracker element) {
        InputLocation location = element.getLocation("");
        InputSource source = location == null ? null : location.getSource();
        if (source == null || source.getLocation() == null || location.getLineNumber() < 1) {
            return Optional.empty();
        }
        try {
            // Maven 3 gives the POM's path, Maven 4 its file: URI.
            String named = source.getLocation();
            Path file = named.startsWith("file:") ? Path.of(URI.create(named)) : Path.of(named);
            return file.isAbsolute() ? Optional.of(new Place(file, location.getLineNumber())) : Optional.empty();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) { // InvalidPathException among them
            return Optional.empty();
        }
    }
}
