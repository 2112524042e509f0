package dev.securebuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.location.LocationBase;

/** Where the policy comes from: a file of the project, or Maven coordinates resolved like a dependency. */
class PolicySourceTest {

    private static final String POLICY = """
            version: 1
            failOn:
              severity: medium
            """;

    @TempDir
    Path dir;

    private final List<Artifact> requested = new ArrayList<>();

    private MavenProject project() {
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        return project;
    }

    /** A single-module build: the project is the top of its reactor. */
    private LocationBase base() {
        return LocationBase.reactorTop(null, dir, null);
    }

    /** Resolves every request to {@code published}, and remembers what was asked for. */
    private RepositorySystem repositoryWith(Path published) {
        return (RepositorySystem) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RepositorySystem.class}, (proxy, method, args) -> {
            if (!method.getName().equals("resolveArtifact")) {
                throw new UnsupportedOperationException(method.getName());
            }
            ArtifactRequest request = (ArtifactRequest) args[1];
            requested.add(request.getArtifact());
            return new ArtifactResult(request).setArtifact(request.getArtifact().setFile(published.toFile()));
        });
    }

    @Test
    void aFileOfTheProjectIsReadAndNamedRelativeToIt() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/security-policy.yaml"), POLICY);

        PolicySource.Loaded loaded = PolicySource.load("config/security-policy.yaml", project(), base(), repositoryWith(dir), null);

        assertEquals("config/security-policy.yaml", loaded.description());
        assertTrue(requested.isEmpty());
    }

    @Test
    void coordinatesAreResolvedAsAYamlArtifact() throws Exception {
        Path published = Files.writeString(dir.resolve("security-policy-1.4.yaml"), POLICY);

        PolicySource.Loaded loaded = PolicySource.load("com.example.security:security-policy:1.4", project(), base(), repositoryWith(published), null);

        assertEquals("com.example.security:security-policy:yaml:1.4", requested.get(0).toString());
        assertEquals("com.example.security:security-policy:1.4", loaded.description(), "never the local repository's file");
    }

    @Test
    void fiveCoordinatesNameTheClassifier() throws Exception {
        Path published = Files.writeString(dir.resolve("security-policy-1.4-strict.yaml"), POLICY);

        PolicySource.load("com.example.security:security-policy:1.4:yaml:strict", project(), base(), repositoryWith(published), null);

        assertEquals("com.example.security:security-policy:yaml:strict:1.4", requested.get(0).toString());
    }

    @Test
    void aFileOfTheProjectNamedLikeCoordinatesIsThatFile() throws Exception {
        Files.writeString(dir.resolve("com.example:policy:1"), POLICY);

        assertEquals("com.example:policy:1", PolicySource.load("com.example:policy:1", project(), base(), repositoryWith(dir), null).description());
        assertTrue(requested.isEmpty());
    }

    @Test
    void aFileUrlIsReadAndNamedAsGiven() throws Exception {
        String url = Files.writeString(dir.resolve("remote-policy.yaml"), POLICY).toUri().toString();

        assertEquals(url, PolicySource.load(url, project(), base(), repositoryWith(dir), null).description());
    }

    @Test
    void plainHttpIsRefused() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> PolicySource.load("http://example.com/policy.yaml", project(), base(), repositoryWith(dir), null));

        assertTrue(e.getMessage().startsWith("<policy>http://example.com/policy.yaml</policy>: only file: and https: URLs are read"), e.getMessage());
    }

    @Test
    void aValueThatIsNeitherAPathNorCoordinatesIsAClearError() throws IOException {
        // A NUL is no path anywhere, as "g:a:v" is none on Windows: the value is taken for coordinates or refused, never
        // left to fail as an IllegalArgumentException of the file system.
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> PolicySource.load("policy\0.yaml", project(), base(), repositoryWith(dir), null));

        assertTrue(e.getMessage().contains("policy takes a file of the project, a file: or https: URL, or Maven coordinates"), e.getMessage());
    }

    @Test
    void aModuleReadsARelativePolicyFromTheTopOfTheReactorAndItsOwnByItsAbsolutePath() throws Exception {
        // As a parent POM's <policy>security-policy.yaml</policy> reaches module-a, and ${project.basedir}/own.yaml.
        Files.writeString(dir.resolve("security-policy.yaml"), POLICY);
        Path module = Files.createDirectories(dir.resolve("module-a"));
        Files.writeString(module.resolve("own.yaml"), POLICY);
        MavenProject moduleA = new MavenProject();
        moduleA.setFile(module.resolve("pom.xml").toFile());

        assertEquals("security-policy.yaml", PolicySource.load("security-policy.yaml", moduleA, base(), repositoryWith(dir), null).description());
        assertEquals("module-a/own.yaml", PolicySource.load(module.resolve("own.yaml").toString(), moduleA, base(), repositoryWith(dir), null).description());
    }

    @Test
    void aMissingPolicyNamesWhereItWasLookedForAndWhyThere() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> PolicySource.load("security-policy.yaml", project(), base(), repositoryWith(dir), null));

        assertEquals("The policy " + dir.resolve("security-policy.yaml") + " does not exist: a relative path is read from the top of the reactor "
                + dir + " (the top-level project, as no .mvn/ marks the top); for this module's own file write ${project.basedir}/security-policy.yaml; policy takes a file"
                + " of the project, a file: or https: URL, or Maven coordinates groupId:artifactId:version[:extension[:classifier]] of a published policy",
                e.getMessage());
        assertTrue(requested.isEmpty(), "a missing file is never taken for something to download");
    }
}
