package dev.securebuild.allowlist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import dev.securebuild.allowlist.Component;

class MavenResolvedGraphTest {

    private static Artifact artifact(String coordinates, String scope, String... trail) {
        String[] parts = coordinates.split(":");
        Artifact artifact = new DefaultArtifact(parts[0], parts[1], parts[2], scope, "jar", null, new DefaultArtifactHandler("jar"));
        artifact.setDependencyTrail(List.of(trail));
        return artifact;
    }

    private static MavenProject project(Set<Artifact> artifacts, boolean declaresDependencies) {
        MavenProject project = new MavenProject();
        project.setArtifacts(artifacts);
        if (declaresDependencies) {
            Dependency dependency = new Dependency();
            dependency.setGroupId("org.apache.commons");
            dependency.setArtifactId("commons-text");
            dependency.setVersion("1.12.0");
            project.getModel().addDependency(dependency);
        }
        return project;
    }

    @Test
    void eachResolvedArtifactWithItsTrailFromTheProject() {
        Set<Artifact> artifacts = new LinkedHashSet<>();
        // As Maven writes trails: the project's id, then each artifact's id down to and with the artifact itself.
        artifacts.add(artifact("org.apache.commons:commons-text:1.12.0", "compile", "com.example:app:jar:1.0",
                "org.apache.commons:commons-text:jar:1.12.0"));
        artifacts.add(artifact("org.apache.commons:commons-lang3:3.14.0", "compile", "com.example:app:jar:1.0",
                "org.apache.commons:commons-text:jar:1.12.0", "org.apache.commons:commons-lang3:jar:3.14.0"));
        artifacts.add(artifact("org.junit:junit-bom:5.11.4", "test", "com.example:app:jar:1.0", "org.example:tests:jar:tests:2.0"));   // a trail without the artifact still leads to it

        Optional<List<Component>> components = MavenResolvedGraph.components(project(artifacts, true), "com.example:app:1.0");

        assertTrue(components.isPresent());
        assertEquals(List.of("org.apache.commons:commons-text:1.12.0 (compile) via com.example:app:1.0 -> org.apache.commons:commons-text:1.12.0",
                "org.apache.commons:commons-lang3:3.14.0 (compile) via com.example:app:1.0 -> org.apache.commons:commons-text:1.12.0"
                        + " -> org.apache.commons:commons-lang3:3.14.0",
                "org.junit:junit-bom:5.11.4 (test) via com.example:app:1.0 -> org.example:tests:2.0 -> org.junit:junit-bom:5.11.4"),
                components.get().stream().map(c -> c + " via " + String.join(" -> ", c.path())).collect(Collectors.toList()));
    }

    @Test
    void eachResolvedArtifactWithTheOneThatBroughtItIn() {
        Set<Artifact> artifacts = new LinkedHashSet<>();
        artifacts.add(artifact("org.apache.commons:commons-text:1.12.0", "compile", "com.example:app:jar:1.0",
                "org.apache.commons:commons-text:jar:1.12.0"));
        artifacts.add(artifact("org.apache.commons:commons-lang3:3.14.0", null, "com.example:app:jar:1.0",
                "org.apache.commons:commons-text:jar:1.12.0", "org.apache.commons:commons-lang3:jar:3.14.0"));
        Artifact tests = new DefaultArtifact("org.example", "lib", "2.0", "test", "test-jar", "tests", new DefaultArtifactHandler("test-jar") {
            @Override
            public String getExtension() {
                return "jar";
            }
        });
        tests.setDependencyTrail(List.of("com.example:app:jar:1.0", "org.example:lib:test-jar:tests:2.0"));
        artifacts.add(tests);
        artifacts.add(artifact("org.junit:junit-bom:5.11.4", "test", "com.example:app:jar:1.0", "org.example:lib:test-jar:tests:2.0"));

        List<String> found = MavenResolvedGraph.dependencies(project(artifacts, true)).orElseThrow().stream()
                .map(d -> RepositoryUtils.toArtifact(d.artifact()) + " (" + d.scope() + ") by " + (d.by() == null ? null : RepositoryUtils.toArtifact(d.by())))
                .collect(Collectors.toList());

        assertEquals(List.of("org.apache.commons:commons-text:jar:1.12.0 (compile) by null",
                "org.apache.commons:commons-lang3:jar:3.14.0 (compile) by org.apache.commons:commons-text:jar:1.12.0",
                "org.example:lib:jar:tests:2.0 (test) by null",
                // a trail that does not end with the artifact: its last step brought it in
                "org.junit:junit-bom:jar:5.11.4 (test) by org.example:lib:jar:tests:2.0"), found);
    }

    @Test
    void aTrailThroughAnArtifactMavenDidNotResolveOrASystemFileIsCollectedByTheCaller() {
        Set<Artifact> unknownStep = new LinkedHashSet<>(Set.of(artifact("g:a:1", "compile", "com.example:app:jar:1.0", "g:gone:jar:1", "g:a:jar:1")));
        assertEquals(Optional.empty(), MavenResolvedGraph.dependencies(project(unknownStep, true)));
        Set<Artifact> system = new LinkedHashSet<>(Set.of(artifact("g:tools:1", "system", "com.example:app:jar:1.0", "g:tools:jar:1")));
        assertEquals(Optional.empty(), MavenResolvedGraph.dependencies(project(system, true)));
        assertEquals(Optional.empty(), MavenResolvedGraph.dependencies(project(new LinkedHashSet<>(), true)));
        assertEquals(Optional.of(List.of()), MavenResolvedGraph.dependencies(project(new LinkedHashSet<>(), false)));
    }

    @Test
    void dependenciesMavenDidNotResolveForThisGoalAreCollectedByTheCaller() {
        assertEquals(Optional.empty(), MavenResolvedGraph.components(project(new LinkedHashSet<>(), true), "com.example:app:1.0"));
        assertEquals(Optional.of(List.of()), MavenResolvedGraph.components(project(new LinkedHashSet<>(), false), "com.example:app:1.0"));
        Set<Artifact> withoutTrail = new LinkedHashSet<>(Set.of(artifact("g:a:1", "compile")));
        assertEquals(Optional.empty(), MavenResolvedGraph.components(project(withoutTrail, true), "com.example:app:1.0"));
    }
}
