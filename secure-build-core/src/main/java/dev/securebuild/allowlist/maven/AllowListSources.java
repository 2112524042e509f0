package dev.securebuild.allowlist.maven;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.AllowListLoader;
import dev.securebuild.allowlist.InvalidAllowListException;
import dev.securebuild.shared.io.BoundedDownload;
import dev.securebuild.shared.session.SessionCache;

/**
 * Loads the configured {@code <list>}s (paths, file:/https: URLs or Maven coordinates) in layer order, each once per
 * build: loaded lists are kept in the resolver session's data, shared by every module and by the
 * {@code allowlist-report} goal. A list that names its {@code layer} is called by that name, else "list N".
 */
public final class AllowListSources {

    private static final String CACHE_KEY = AllowListSources.class.getName() + ".lists@" + System.identityHashCode(AllowList.class);

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final Path basedir;

    /**
     * @param repositories where lists given as coordinates are resolved
     * @param basedir      the folder paths are relative to
     */
    public AllowListSources(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                            Path basedir) {
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
        this.basedir = basedir;
    }

    /**
     * The lists, in the configured order. A list that cannot be had is a BuildInputException, one that is malformed an
     * InvalidAllowListException; both name the list and its position.
     */
    public List<AllowList> load(List<String> lists) throws BuildInputException, InvalidAllowListException {
        if (lists == null || lists.isEmpty()) {
            throw new BuildInputException("no <lists><list>...</list></lists> configured: expected at least one allow-list"
                    + " (a path, a file: or https: URL, or groupId:artifactId:version[:extension])");
        }
        Map<String, AllowList> cache = cache(session);
        List<AllowList> loaded = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            ListLocation location;
            try {
                location = ListLocation.parse(lists.get(i));
            } catch (IllegalArgumentException e) {
                throw new BuildInputException(e.getMessage(), e);
            }
            String position = "list " + (i + 1);
            String key = position + "\n" + (location.kind() == ListLocation.Kind.PATH ? path(location).toString() : location.toString());
            AllowList list = cache.get(key);
            if (list == null) {
                list = read(location, position);
                cache.putIfAbsent(key, list);
            }
            loaded.add(list);
        }
        return loaded;
    }

    private AllowList read(ListLocation location, String position) throws BuildInputException, InvalidAllowListException {
        try {
            switch (location.kind()) {
                case URL:
                    byte[] list = BoundedDownload.fetch(URI.create(location.text()), location.text());
                    return AllowListLoader.load(new ByteArrayInputStream(list), location.text(), position);
                case COORDINATES:
                    return AllowListLoader.load(resolve(location), position);
                default:
                    Path file = path(location);
                    if (!Files.isRegularFile(file)) {
                        throw new BuildInputException("the allow-list " + file + " (" + position + ") does not exist");
                    }
                    return AllowListLoader.load(file, position);
            }
        } catch (IOException e) {
            throw new BuildInputException("cannot read the allow-list " + location + " (" + position + "): " + e, e);
        }
    }

    private Path resolve(ListLocation location) throws BuildInputException {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(location.groupId(), location.artifactId(), "", location.extension(),
                location.version()), repositories, "allow-list");
        try {
            return system.resolveArtifact(session, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new BuildInputException("cannot resolve the allow-list " + location + ": " + e.getMessage(), e);
        }
    }

    private Path path(ListLocation location) {
        return basedir.resolve(location.text()).toAbsolutePath().normalize();
    }

    private static Map<String, AllowList> cache(RepositorySystemSession session) {
        return SessionCache.map(session.getData(), CACHE_KEY);
    }
}
