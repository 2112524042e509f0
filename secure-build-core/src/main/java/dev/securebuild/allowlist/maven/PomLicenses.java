package dev.securebuild.allowlist.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.maven.model.License;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.allowlist.SpdxNames;
import dev.securebuild.shared.session.SessionCache;

/**
 * The licenses an artifact's POM declares, as SPDX ids ({@link SpdxNames}; unknown ones as written). The resolver's
 * artifact descriptor does not carry licenses, so the {@code pom} artifact itself is resolved (it is normally in the
 * local repository already: collecting the graph read it) and read with Maven's model reader. A POM that declares no
 * license inherits its parent's: up to {@link #MAX_PARENTS} parents are followed. Results are cached per
 * {@code g:a:v} in the resolver session's data, shared by all modules and threads of the build.
 *
 * <p>Never fails: a POM that cannot be resolved or read leaves the license unknown (an empty list) with a debug line.
 */
public final class PomLicenses {

    /** How many {@code <parent>} POMs are followed, at most, to find a license. */
    public static final int MAX_PARENTS = 5;
    static final String CACHE_KEY = PomLicenses.class.getName() + ".licenses";

    /** Finds the POM file of {@code groupId:artifactId:version}. */
    @FunctionalInterface
    public interface PomFiles {
        /** The POM's file; an exception (or null) when it cannot be found. */
        Path pom(String groupId, String artifactId, String version) throws Exception;
    }

    private final PomFiles pomFiles;
    private final Map<String, List<String>> cache;
    private final Consumer<String> debug;

    public PomLicenses(PomFiles pomFiles, Map<String, List<String>> cache, Consumer<String> debug) {
        this.pomFiles = pomFiles;
        this.cache = cache;
        this.debug = debug;
    }

    /** Resolves POMs through the resolver from {@code repositories}, cached in the session's data. */
    public static PomLicenses resolving(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                                        Consumer<String> debug) {
        PomFiles files = (groupId, artifactId, version) -> {
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(groupId, artifactId, "", "pom", version), repositories,
                    "approvedDependencies");
            try {
                return system.resolveArtifact(session, request).getArtifact().getFile().toPath();
            } catch (ArtifactResolutionException e) {
                throw new IOException("cannot resolve its POM: " + e.getMessage(), e);
            }
        };
        return new PomLicenses(files, cache(session), debug);
    }

    static Map<String, List<String>> cache(RepositorySystemSession session) {
        return SessionCache.map(session.getData(), CACHE_KEY);
    }

    /** The SPDX ids (or names as written) of the licenses of {@code groupId:artifactId:version}; empty when unknown. */
    public List<String> licenses(String groupId, String artifactId, String version) {
        List<String> licenses = licenses(groupId, artifactId, version, 0);
        return licenses == null ? List.of() : licenses;
    }

    /** Null when the parents to follow were more than {@link #MAX_PARENTS}: not cached, as a shallower start may succeed. */

    private List<String> licenses(String groupId, String artifactId, String version, int depth) {
        String key = groupId + ":" + artifactId + ":" + version;
        List<String> known = cache.get(key);
        if (known != null) {
            return known;
        }
        List<String> found = read(key, groupId, artifactId, version, depth);
        if (found == null) {
            return null;
        }
        List<String> earlier = cache.putIfAbsent(key, found);
        return earlier != null ? earlier : found;
    }

    private List<String> read(String key, String groupId, String artifactId, String version, int depth) {
        Model model;
        try {
            Path pom = pomFiles.pom(groupId, artifactId, version);
            if (pom == null || !Files.isRegularFile(pom)) {
                debug.accept("approvedDependencies: no POM found for " + key + ": its license is unknown");
                return List.of();
            }
            try (InputStream in = Files.newInputStream(pom)) {
                model = new MavenXpp3Reader().read(in, false);
            }
        } catch (Exception e) { // not found, unreadable or not a POM (MavenXpp3Reader's XmlPullParserException)
            debug.accept("approvedDependencies: cannot read the POM of " + key + " (" + e.getMessage() + "): its license is unknown");
            return List.of();
        }
        Set<String> licenses = new LinkedHashSet<>();
        for (License license : model.getLicenses()) {
            String spdx = SpdxNames.toSpdx(license.getName(), license.getUrl());
            if (spdx != null) {
                licenses.add(spdx);
            }
        }
        if (!licenses.isEmpty()) {
            return List.copyOf(new ArrayList<>(licenses));
        }
        Parent parent = model.getParent();
        if (parent == null || parent.getGroupId() == null || parent.getArtifactId() == null || parent.getVersion() == null) {
            return List.of();
        }
        if (depth >= MAX_PARENTS) {
            debug.accept("approvedDependencies: no license found in " + key + " and its first " + MAX_PARENTS + " parents: its license is unknown");
            return null;
        }
        return licenses(parent.getGroupId(), parent.getArtifactId(), parent.getVersion(), depth + 1);
    }
}
