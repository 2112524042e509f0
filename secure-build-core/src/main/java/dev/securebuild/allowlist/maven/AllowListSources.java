package dev.securebuild.allowlist.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.AllowListLoader;
import dev.securebuild.allowlist.InvalidAllowListException;
import dev.securebuild.shared.location.Location;
import dev.securebuild.shared.location.LocationBase;
import dev.securebuild.shared.location.LocationReader;
import dev.securebuild.shared.session.SessionCache;

/**
 * Loads the configured {@code <list>}s ({@link Location}s: paths, file:/https: URLs or Maven coordinates) in layer order, each once per
 * build: loaded lists are kept in the resolver session's data, shared by every module and by the
 * {@code allowlist-report} goal. A list that names its {@code layer} is called by that name, else "list N".
 */
public final class AllowListSources {

    private static final String CACHE_KEY = SessionCache.realmKey(AllowListSources.class, "lists");

    private final RepositorySystemSession session;
    private final LocationReader reader;

    /**
     * The lists of a build: a relative path is read from the top of the reactor ({@link LocationBase#reactorTop}), the
     * same file for every module that inherits the configuration.
     *
     * @param repositories where lists given as coordinates are resolved
     */
    public AllowListSources(RepositorySystem system, MavenSession session, List<RemoteRepository> repositories) {
        this(system, session.getRepositorySession(), repositories, LocationBase.reactorTop(session));
    }

    /**
     * @param repositories where lists given as coordinates are resolved
     * @param base         where relative paths are read from: the top of the reactor, {@link LocationBase#reactorTop},
     *                     the same for every module
     */
    public AllowListSources(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                            LocationBase base) {
        this.session = session;
        this.reader = new LocationReader(system, session, repositories, base);
    }

    /**
     * The lists, in the configured order. A list that cannot be had is a BuildInputException, one that is malformed an
     * InvalidAllowListException; both name the list and its position.
     */
    public List<AllowList> load(List<String> lists) throws BuildInputException, InvalidAllowListException {
        if (lists == null || lists.isEmpty()) {
            throw new BuildInputException("no <lists><list>...</list></lists> configured: expected at least one allow-list"
                    + " (" + Location.SYNTAX + ")");
        }
        Map<String, AllowList> cache = cache(session);
        List<AllowList> loaded = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            Location location;
            try {
                location = reader.locate(lists.get(i), "list");
            } catch (IllegalArgumentException e) {
                throw new BuildInputException(e.getMessage(), e);
            }
            String position = "list " + (i + 1);
            String key = position + "\n" + (location.kind() == Location.Kind.PATH ? reader.path(location).toString() : location.toString());
            AllowList list = cache.get(key);
            if (list == null) {
                list = read(location, position);
                cache.putIfAbsent(key, list);
            }
            loaded.add(list);
        }
        return loaded;
    }

    private AllowList read(Location location, String position) throws BuildInputException, InvalidAllowListException {
        if (location.kind() == Location.Kind.PATH && !Files.isRegularFile(reader.path(location))) {
            throw new BuildInputException(reader.base().missing("the allow-list", reader.path(location), "(" + position + ")", location.text()));
        }
        try {
            return reader.read(location, "allow-list", (in, name) -> AllowListLoader.load(in, name, position));
        } catch (ArtifactResolutionException e) {
            throw new BuildInputException("cannot resolve the allow-list " + location + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BuildInputException("cannot read the allow-list " + location + " (" + position + "): " + e, e);
        }
    }

    private static Map<String, AllowList> cache(RepositorySystemSession session) {
        return SessionCache.map(session.getData(), CACHE_KEY);
    }
}
