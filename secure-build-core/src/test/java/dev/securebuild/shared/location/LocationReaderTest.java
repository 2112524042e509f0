package dev.securebuild.shared.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationReaderTest {

    @TempDir
    Path base;

    private final List<Artifact> requested = new ArrayList<>();

    /** Resolves every request to {@code published}, and remembers what was asked for. */
    private LocationReader readerResolvingTo(Path published) {
        RepositorySystem system = (RepositorySystem) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RepositorySystem.class},
                (proxy, method, args) -> {
                    ArtifactRequest request = (ArtifactRequest) args[1];
                    requested.add(request.getArtifact());
                    return new ArtifactResult(request).setArtifact(request.getArtifact().setFile(published.toFile()));
                });
        RemoteRepository central = new RemoteRepository.Builder("central", "default", "https://repo.example/maven2").build();
        return new LocationReader(system, null, List.of(central), base);
    }

    private static String text(java.io.InputStream in, String name) throws IOException {
        return name + "=" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aPathIsReadFromTheBaseFolder() throws Exception {
        Path file = Files.writeString(base.resolve("list.yaml"), "version: 1");
        LocationReader reader = readerResolvingTo(base);

        assertEquals(file + "=version: 1", reader.read(reader.locate("list.yaml", "list"), "test", LocationReaderTest::text));
        assertEquals(List.of(), requested);
    }

    @Test
    void aMissingPathSaysWhereItWasLookedForAndWhyThere() {
        LocationReader reader = new LocationReader(null, null, List.of(), LocationBase.reactorTop(null, base, null));

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> reader.read(reader.locate("gate.yaml", "gatePolicy"), "test", LocationReaderTest::text));

        assertEquals(base.resolve("gate.yaml") + " does not exist: a relative path is read from the top of the reactor " + base
                + " (the top-level project, as no .mvn/ marks the top); for this module's own file write ${project.basedir}/gate.yaml", e.getMessage());
        assertEquals(base.resolve("gate.yaml").toString(), e.getFile());
    }

    @Test
    void aFileUrlIsDownloadedWithinTheBoundsAndNamedByItsUrl() throws Exception {
        Path file = Files.writeString(base.resolve("remote.yaml"), "version: 2");
        LocationReader reader = readerResolvingTo(base);
        String url = file.toUri().toString();

        assertEquals(url + "=version: 2", reader.read(reader.locate(url, "list"), "test", LocationReaderTest::text));
    }

    @Test
    void coordinatesAreResolvedFromTheRepositories() throws Exception {
        Path published = Files.writeString(base.resolve("policy-1.4.yaml"), "version: 3");
        LocationReader reader = readerResolvingTo(published);

        assertEquals(published + "=version: 3", reader.read(reader.locate("com.example:policy:1.4", "policy"), "test", LocationReaderTest::text));
        assertEquals("com.example:policy:yaml:1.4", requested.get(0).toString());
        assertEquals(List.of("central"), reader.repositoryIds());
    }

    @Test
    void aMissingPathIsNoSuchFile() {
        LocationReader reader = readerResolvingTo(base);

        assertThrows(NoSuchFileException.class, () -> reader.read(reader.locate("gone.yaml", "list"), "test", LocationReaderTest::text));
    }
}
