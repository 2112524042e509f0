package dev.securebuild.shared.location;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.shared.io.BoundedDownload;

/**
 * Reads what a {@link Location} names, the one way for every list and policy: a path from the base folder, a URL
 * through {@link BoundedDownload} (size and time bounded), coordinates resolved from the
 * project's repositories like a dependency. The parsers bound what they read of a file themselves.
 */
public final class LocationReader {

    /** Reads a document from a stream; {@code name} (a path, or the URL) names it in messages and chooses JSON by its ending. */
    public interface Parser<T, E extends Exception> {
        T parse(InputStream in, String name) throws IOException, E;
    }

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final LocationBase base;

    /**
     * @param repositories where coordinates are resolved (none when null)
     * @param base         where relative paths are read from, and why there: for a shared file of a build,
     *                     {@link LocationBase#reactorTop}
     */
    public LocationReader(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories, LocationBase base) {
        this.system = system;
        this.session = session;
        this.repositories = repositories == null ? List.of() : List.copyOf(repositories);
        this.base = base;
    }

    /**
     * A reader outside a build's rule for shared files (a test, a tool).
     *
     * @param base the folder paths are relative to
     */
    public LocationReader(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories, Path base) {
        this(system, session, repositories, LocationBase.folder(base));
    }

    /** Reads a configured value ({@link Location#parse}) against this reader's base folder. */
    public Location locate(String configured, String element) {
        return Location.parse(configured, element, base.folder());
    }

    /** The file a path names, absolute. */
    public Path path(Location location) {
        return location.path(base.folder());
    }

    /** Where relative paths are read from, and why there, for messages. */
    public LocationBase base() {
        return base;
    }

    /**
     * The artifact that coordinates name, resolved.
     *
     * @param context the resolver's request context ({@code allow-list})
     */
    public Path resolve(Location location, String context) throws ArtifactResolutionException {
        ArtifactRequest request = new ArtifactRequest(artifact(location), repositories, context);
        return system.resolveArtifact(session, request).getArtifact().getFile().toPath();
    }

    /** What coordinates ask the resolver for. */
    public static DefaultArtifact artifact(Location location) {
        return new DefaultArtifact(location.groupId(), location.artifactId(), location.classifier(), location.extension(), location.version());
    }

    /** The repositories coordinates are resolved from, by id, for messages. */
    public List<String> repositoryIds() {
        return repositories.stream().map(RemoteRepository::getId).collect(Collectors.toList());
    }

    /**
     * Reads and parses the document a location names. A path that names nothing is a {@link MissingFileException}
     * (a {@link java.nio.file.NoSuchFileException}) whose message says where it was looked for and why there; a caller
     * that words it otherwise checks {@link #path} first.
     */
    public <T, E extends Exception> T read(Location location, String context, Parser<T, E> parser)
            throws IOException, ArtifactResolutionException, E {
        switch (location.kind()) {
            case URL:
                byte[] bytes = BoundedDownload.fetch(URI.create(location.text()), location.text());
                return parser.parse(new ByteArrayInputStream(bytes), location.text());
            case COORDINATES:
                return readFile(resolve(location, context), parser);
            default:
                Path file = path(location);
                if (Files.notExists(file)) {
                    throw new MissingFileException(file, base.whyThere(location.text()));
                }
                return readFile(file, parser);
        }
    }

    private static <T, E extends Exception> T readFile(Path file, Parser<T, E> parser) throws IOException, E {
        try (InputStream in = Files.newInputStream(file)) {
            return parser.parse(in, file.toString());
        }
    }
}
