package dev.securebuild.lock.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.maven.RepositoryUtils;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.repository.LocalArtifactResult;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

import dev.securebuild.allowlist.Component;
import dev.securebuild.allowlist.maven.BuildInputException;
import dev.securebuild.allowlist.maven.BuildPoms;
import dev.securebuild.allowlist.maven.DependencyGraph;
import dev.securebuild.allowlist.maven.MavenResolvedGraph;
import dev.securebuild.allowlist.maven.PluginGraph;
import dev.securebuild.lock.LockFile;
import dev.securebuild.lock.LockKey;
import dev.securebuild.lock.LockedUse;
import dev.securebuild.lock.ModuleLock;
import dev.securebuild.lock.ResolvedFile;
import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.FileDigest;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.session.SessionCache;

/**
 * What one module of a Maven build uses, as the lock records it, and the files it resolves them to: the dependency
 * graph of every scope (the same collection approvedDependencies makes, shared through the session), build plugins and
 * their dependencies, extensions, parents from repositories and imported BOMs. The reactor's own modules are named by
 * coordinates only. Each file is hashed once per build, whichever module or rule asks first.
 */
public final class LockCollector {

    private static final String DIGESTS_KEY = LockCollector.class.getName() + ".digests";
    private static final String RESOLVED_KEY = LockCollector.class.getName() + ".resolved";
    private static final String STAMPS_KEY = LockCollector.class.getName() + ".stamps";
    // Objects of this class realm's own classes, for the build: the goals' and the rules' realms each keep theirs.
    private static final String PLUGIN_USES_KEY = SessionCache.realmKey(LockCollector.class, "pluginUses");
    private static final String FILES_KEY = SessionCache.realmKey(LockCollector.class, "files");
    private static final String HASHING_KEY = SessionCache.realmKey(LockCollector.class, "hashing");
    private static final String AHEAD_KEY = SessionCache.realmKey(LockCollector.class, "hashAhead");
    private static final String DEPENDENCY_USES_KEY = SessionCache.realmKey(LockCollector.class, "dependencyUses");
    private static final List<DigestAlgorithm> DIGESTS = List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);

    /** One module's uses and their files. */
    public static final class Collected {
        private final ModuleLock module;
        private final Map<LockKey, ResolvedFile> files;
        private final Map<LockKey, List<RemoteRepository>> repositories;
        private final Set<LockKey> pluginsNotRun;

        Collected(ModuleLock module, Map<LockKey, ResolvedFile> files, Map<LockKey, List<RemoteRepository>> repositories,
                  Set<LockKey> pluginsNotRun) {
            this.module = module;
            this.files = Collections.unmodifiableMap(files);
            this.repositories = Collections.unmodifiableMap(repositories);
            this.pluginsNotRun = Collections.unmodifiableSet(pluginsNotRun);
        }

        public ModuleLock module() {
            return module;
        }

        public Map<LockKey, ResolvedFile> files() {
            return files;
        }

        /** The repositories each artifact is resolved from, in the order they are asked. */
        public Map<LockKey, List<RemoteRepository>> repositories() {
            return repositories;
        }

        /**
         * The build plugins this build does not run in the module: each is among the uses, its dependencies are not
         * (nothing loads them in this build; the build that runs the plugin collects them).
         */
        public Set<LockKey> pluginsNotRun() {
            return pluginsNotRun;
        }
    }

    private final RepositorySystem system;
    private final MavenSession session;
    private final boolean sha512;
    private final boolean mavenGraph;
    private final PluginsRun pluginsRun;

    private LockCollector(RepositorySystem system, MavenSession session, boolean sha512, boolean mavenGraph, PluginsRun pluginsRun) {
        this.system = system;
        this.session = session;
        this.sha512 = sha512;
        this.mavenGraph = mavenGraph;
        this.pluginsRun = pluginsRun;
    }

    /** For writing a lock: each file's SHA-256 and SHA-512, every plugin with its dependencies. */
    public static LockCollector forLocking(RepositorySystem system, MavenSession session) {
        return new LockCollector(system, session, true, false, PluginsRun.ALL);
    }

    /**
     * For checking a build against its lock: each file's SHA-256 only, which proves the bytes at a third of the cost;
     * the dependencies as Maven collected them for the running goal when it did (the Enforcer's {@code enforce} does),
     * which is the graph the lock was written from, without a second collection; the dependencies of the plugins
     * {@code pluginsRun} says the build runs.
     */
    public static LockCollector forChecking(RepositorySystem system, MavenSession session, PluginsRun pluginsRun) {
        return new LockCollector(system, session, false, true, pluginsRun);
    }

    public Collected collect(MavenProject project) throws BuildInputException {
        RepositorySystemSession repositorySession = session.getRepositorySession();
        Set<String> reactor = new HashSet<>();
        for (MavenProject module : session.getAllProjects() != null ? session.getAllProjects() : session.getProjects()) {
            reactor.add(module.getGroupId() + ":" + module.getArtifactId() + ":" + module.getVersion());
        }
        Uses uses = new Uses(reactor);
        try {
            Optional<List<MavenResolvedGraph.Resolved>> resolved = mavenGraph ? MavenResolvedGraph.dependencies(project) : Optional.empty();
            if (resolved.isPresent()) {
                dependencyUses(resolved.get(), project.getRemoteProjectRepositories(), uses);
            } else {
                DependencyNode root = DependencyGraph.of(system, repositorySession, project);
                walk(root, null, LockedUse.Kind.DEPENDENCY, project.getRemoteProjectRepositories(), uses,
                        Collections.newSetFromMap(new IdentityHashMap<>()));
            }
            uses.addAll(pluginUses(project, reactor));
        } catch (DependencyCollectionException e) {
            throw new BuildInputException("cannot collect the dependencies of " + project.getId() + ": " + e.getMessage(), e);
        }
        LockKey nearer = null;
        for (MavenProject parent = project.getParent(); parent != null; parent = parent.getParent()) {
            LockKey key = new LockKey(parent.getGroupId(), parent.getArtifactId(), "pom", "", parent.getVersion());
            uses.add(LockedUse.Kind.PARENT, key, null, nearer, artifact(key), project.getRemoteProjectRepositories());
            nearer = key;
        }
        String root = project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
        for (Component bom : BuildPoms.importedBoms(project, root)) {
            LockKey key = new LockKey(bom.groupId(), bom.artifactId(), "pom", "", bom.version());
            uses.add(LockedUse.Kind.BOM, key, null, null, artifact(key), project.getRemoteProjectRepositories());
        }
        Map<LockKey, ResolvedFile> files = resolve(uses.toResolve);
        Map<LockKey, List<RemoteRepository>> repositories = new LinkedHashMap<>();
        uses.toResolve.forEach((key, request) -> repositories.put(key, request.repositories));
        return new Collected(new ModuleLock(project.getGroupId() + ":" + project.getArtifactId(), uses.uses, uses.reactorUsed), files,
                repositories, uses.pluginsNotRun);
    }

    /**
     * The uses a module's build plugins and extensions make, with their dependencies: the same for every module with
     * the same plugins, extensions, plugin repositories and plugins run, so made once per build and shared. A plugin
     * the build does not run is used by its artifact alone.
     */
    private Uses pluginUses(MavenProject project, Set<String> reactor) throws DependencyCollectionException {
        List<RemoteRepository> repositories = project.getRemotePluginRepositories();
        Optional<Set<String>> run = pluginsRun.in(project);
        StringBuilder cacheKey = new StringBuilder(run.map(keys -> "run " + new TreeSet<>(keys) + ";").orElse(""));
        for (Plugin plugin : project.getBuildPlugins()) {
            cacheKey.append(plugin.getKey()).append(':').append(plugin.getVersion());
            for (org.apache.maven.model.Dependency declared : plugin.getDependencies()) {
                cacheKey.append('|').append(declared.getManagementKey()).append(':').append(declared.getVersion());
            }
            cacheKey.append(';');
        }
        for (Extension extension : project.getBuildExtensions()) {
            cacheKey.append("extension ").append(extension.getGroupId()).append(':').append(extension.getArtifactId()).append(':').append(extension.getVersion()).append(';');
        }
        for (RemoteRepository repository : repositories) {
            cacheKey.append("repository ").append(repository.getId()).append(' ').append(repository.getUrl()).append(';');
        }
        Map<String, Uses> made = SessionCache.map(session.getRepositorySession().getData(), PLUGIN_USES_KEY);
        Uses uses = made.get(cacheKey.toString());
        if (uses != null) {
            return uses;
        }
        uses = new Uses(reactor);
        RepositorySystemSession repositorySession = session.getRepositorySession();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (plugin.getVersion() == null) {
                continue; // no version, nothing to lock: requirePluginVersions is the rule for that
            }
            LockKey key = new LockKey(plugin.getGroupId(), plugin.getArtifactId(), "jar", "", plugin.getVersion());
            uses.add(LockedUse.Kind.PLUGIN, key, null, null, artifact(key), repositories);
            if (run.isPresent() && !run.get().contains(plugin.getKey())) {
                uses.pluginsNotRun.add(key);
                continue;
            }
            DependencyNode graph = PluginGraph.of(system, repositorySession, repositories, plugin);
            walk(graph, key, LockedUse.Kind.PLUGIN_DEPENDENCY, repositories, uses, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        for (Extension extension : project.getBuildExtensions()) {
            if (extension.getVersion() == null) {
                continue;
            }
            LockKey key = new LockKey(extension.getGroupId(), extension.getArtifactId(), "jar", "", extension.getVersion());
            uses.add(LockedUse.Kind.EXTENSION, key, null, null, artifact(key), repositories);
            // What Maven loads with the extension: its dependencies, collected as a plugin's are.
            Plugin asPlugin = new Plugin();
            asPlugin.setGroupId(extension.getGroupId());
            asPlugin.setArtifactId(extension.getArtifactId());
            asPlugin.setVersion(extension.getVersion());
            DependencyNode graph = PluginGraph.of(system, repositorySession, repositories, asPlugin);
            walk(graph, key, LockedUse.Kind.EXTENSION_DEPENDENCY, repositories, uses, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        Uses earlier = made.putIfAbsent(cacheKey.toString(), uses);
        return earlier != null ? earlier : uses;
    }

    /**
     * The uses of the dependencies Maven resolved. Most modules of a reactor share most of them: each (artifact,
     * scope, what brought it in, repositories) is made into a use and a request once per build.
     */
    private void dependencyUses(List<MavenResolvedGraph.Resolved> dependencies, List<RemoteRepository> repositories, Uses uses) {
        Map<String, SeenDependency> seen = SessionCache.map(session.getRepositorySession().getData(), DEPENDENCY_USES_KEY);
        StringBuilder ids = new StringBuilder();
        for (RemoteRepository repository : repositories) {
            ids.append('|').append(repository.getId()).append(' ').append(repository.getUrl());
        }
        String from = ids.toString();
        for (MavenResolvedGraph.Resolved dependency : dependencies) {
            String cacheKey = dependency.key() + from;
            SeenDependency known = seen.get(cacheKey);
            if (known == null) {
                Artifact artifact = RepositoryUtils.toArtifact(dependency.artifact());
                LockKey key = key(artifact);
                LockKey by = dependency.by() == null ? null : key(RepositoryUtils.toArtifact(dependency.by()));
                known = new SeenDependency(new LockedUse(LockedUse.Kind.DEPENDENCY, key, dependency.scope(), by), new Request(artifact, repositories),
                        key.groupId() + ":" + key.artifactId() + ":" + key.version());
                SeenDependency earlier = seen.putIfAbsent(cacheKey, known);
                known = earlier != null ? earlier : known;
            }
            uses.add(known);
        }
    }

    /** A dependency's use and request, made once per build. */
    private static final class SeenDependency {
        final LockedUse use;
        final Request request;
        final String coordinates;

        SeenDependency(LockedUse use, Request request, String coordinates) {
            this.use = use;
            this.request = request;
            this.coordinates = coordinates;
        }
    }

    private static Artifact artifact(LockKey key) {
        return new DefaultArtifact(key.groupId(), key.artifactId(), key.classifier(), key.extension(), key.version());
    }

    /** What a module uses, as it is found; a reactor module goes by coordinates. */
    private static final class Uses {
        final Set<String> reactor;
        final List<LockedUse> uses = new ArrayList<>();
        final Set<String> reactorUsed = new HashSet<>();
        final Map<LockKey, Request> toResolve = new LinkedHashMap<>();
        final Set<LockKey> pluginsNotRun = new TreeSet<>();

        Uses(Set<String> reactor) {
            this.reactor = reactor;
        }

        /** @return whether the artifact is one of the reactor's modules */
        boolean add(LockedUse.Kind kind, LockKey key, String scope, LockKey by, Artifact artifact, List<RemoteRepository> repositories) {
            String coordinates = key.groupId() + ":" + key.artifactId() + ":" + key.version();
            if (reactor.contains(coordinates)) {
                reactorUsed.add(coordinates);
                return true;
            }
            uses.add(new LockedUse(kind, key, scope, by));
            toResolve.putIfAbsent(key, new Request(artifact, repositories));
            return false;
        }

        /** A dependency seen before in the build. */
        void add(SeenDependency dependency) {
            if (reactor.contains(dependency.coordinates)) {
                reactorUsed.add(dependency.coordinates);
                return;
            }
            uses.add(dependency.use);
            toResolve.putIfAbsent(dependency.use.artifact(), dependency.request);
        }

        /** Another's uses after these (each artifact resolved as first asked). */
        void addAll(Uses other) {
            uses.addAll(other.uses);
            reactorUsed.addAll(other.reactorUsed);
            pluginsNotRun.addAll(other.pluginsNotRun);
            other.toResolve.forEach(toResolve::putIfAbsent);
        }
    }

    private static final class Request {
        final Artifact artifact;
        final List<RemoteRepository> repositories;
        // Requests of plugins are shared by the modules with the same plugins: their key is made once.
        private String cacheKey;

        Request(Artifact artifact, List<RemoteRepository> repositories) {
            this.artifact = artifact;
            this.repositories = repositories;
        }

        /**
         * What the resolution depends on: the artifact, the repositories asked (the local repository records the
         * origin per repository) and a system-scoped file's path.
         */
        String cacheKey(LockKey key) {
            if (cacheKey == null) {
                StringBuilder text = new StringBuilder(key.toString()).append('|').append(artifact.getProperty("localPath", ""));
                for (RemoteRepository repository : repositories) {
                    text.append('|').append(repository.getId());
                }
                cacheKey = text.toString();
            }
            return cacheKey;
        }
    }

    private static LockKey key(Artifact artifact) {
        return new LockKey(artifact.getGroupId(), artifact.getArtifactId(), artifact.getExtension(), artifact.getClassifier(), artifact.getBaseVersion());
    }

    /**
     * The nodes Maven keeps under {@code node} (in the verbose graph, those that lost mediation, and the same
     * artifact reached by a longer path, stay as leaves: they are left out), each with the artifact that brought it in
     * ({@code by}; null under the module): the graph Maven gives the build, one path per artifact.
     */
    private static void walk(DependencyNode node, LockKey by, LockedUse.Kind kind, List<RemoteRepository> repositories, Uses uses,
                             Set<DependencyNode> onPath) {
        for (DependencyNode child : node.getChildren()) {
            if (child.getDependency() == null || !DependencyGraph.kept(child) || notLoaded(child, kind) || !onPath.add(child)) {
                continue;
            }
            Artifact artifact = child.getArtifact();
            LockKey key = key(artifact);
            // A system-scoped file comes from its systemPath: no repository is asked for it, nor for its checksum.
            List<RemoteRepository> from = "system".equals(child.getDependency().getScope()) ? List.of() : repositories;
            uses.add(kind, key, kind == LockedUse.Kind.DEPENDENCY ? DependencyGraph.resolvedScope(child) : null, by, artifact, from);
            walk(child, key, kind, repositories, uses, onPath);
            onPath.remove(child);
        }
    }

    /** A plugin's or extension's provided and test dependencies: Maven does not load them (it provides its own API). */
    private static boolean notLoaded(DependencyNode node, LockedUse.Kind kind) {
        String scope = node.getDependency().getScope();
        return kind != LockedUse.Kind.DEPENDENCY && ("provided".equals(scope) || "test".equals(scope));
    }

    /**
     * The files, resolved (downloaded when missing, as the build would), with their digests and where they came from.
     * Both are kept for the build: the modules of a reactor resolve mostly the same artifacts, and each is resolved and
     * hashed once, whichever module or rule asks first; the files not hashed yet are hashed in parallel.
     */
    private Map<LockKey, ResolvedFile> resolve(Map<LockKey, Request> requests) throws BuildInputException {
        RepositorySystemSession repositorySession = session.getRepositorySession();
        // Each artifact's file with its digests, once per build: most of a reactor's modules ask for the same ones.
        Map<String, ResolvedFile> made = SessionCache.map(repositorySession.getData(), FILES_KEY);
        String digestsMade = sha512 ? "|sha256 sha512" : "|sha256";
        Map<LockKey, ResolvedFile> files = new LinkedHashMap<>();
        Map<LockKey, Request> toMake = new LinkedHashMap<>();
        requests.forEach((key, request) -> {
            ResolvedFile file = made.get(request.cacheKey(key) + digestsMade);
            files.put(key, file);
            if (file == null) {
                toMake.put(key, request);
            }
        });
        if (toMake.isEmpty()) {
            return files;
        }
        Map<String, String[]> resolved = SessionCache.map(repositorySession.getData(), RESOLVED_KEY);
        Map<LockKey, String[]> located = new LinkedHashMap<>();
        List<ArtifactRequest> batch = new ArrayList<>();
        List<LockKey> keys = new ArrayList<>();
        toMake.forEach((key, request) -> {
            String[] known = resolved.get(request.cacheKey(key));
            if (known != null) {
                located.put(key, known);
            } else {
                batch.add(new ArtifactRequest(request.artifact, request.repositories, "lock"));
                keys.add(key);
            }
        });
        if (!batch.isEmpty()) {
            List<ArtifactResult> results;
            try {
                results = system.resolveArtifacts(repositorySession, batch);
            } catch (ArtifactResolutionException e) {
                throw new BuildInputException("cannot resolve the artifacts to lock: " + e.getMessage(), e);
            }
            for (int i = 0; i < results.size(); i++) {
                // {file, repository id}; the id is looked up (a read of _remote.repositories) when first asked for.
                String[] where = {results.get(i).getArtifact().getFile().toPath().toAbsolutePath().toString(), null};
                String[] earlier = resolved.putIfAbsent(requests.get(keys.get(i)).cacheKey(keys.get(i)), where);
                located.put(keys.get(i), earlier != null ? earlier : where);
            }
        }
        Map<String, String[]> digests = SessionCache.map(repositorySession.getData(), DIGESTS_KEY);
        // A file is looked at once per build: its stamp (path, size, time) then names its digests for every module.
        Map<String, String> stamped = SessionCache.map(repositorySession.getData(), STAMPS_KEY);
        Map<Path, String> stamps = new LinkedHashMap<>();
        for (String[] where : located.values()) {
            Path file = Path.of(where[0]);
            if (!stamps.containsKey(file)) {
                String stamp = stamped.get(where[0]);
                if (stamp == null) {
                    stamp = stamp(file);
                    stamped.putIfAbsent(where[0], stamp);
                }
                stamps.put(file, stamp);
            }
        }
        hashMissing(stamps, digests, sha512);
        toMake.forEach((key, request) -> {
            String[] where = located.get(key);
            Path file = Path.of(where[0]);
            String[] hex = digests.get(stamps.get(file));
            ResolvedFile resolvedFile = new ResolvedFile(key, hex[0], sha512 ? hex[1] : null, () -> repository(where, request), file);
            ResolvedFile earlier = made.putIfAbsent(request.cacheKey(key) + digestsMade, resolvedFile);
            files.put(key, earlier != null ? earlier : resolvedFile);
        });
        return files;
    }

    /** The id of the repository the local repository says the file came from (empty when it does not say), once per build. */
    private String repository(String[] where, Request request) {
        String id = where[1];
        if (id == null) {
            RepositorySystemSession repositorySession = session.getRepositorySession();
            Artifact artifact = request.artifact.setFile(new java.io.File(where[0]));
            LocalArtifactResult local = repositorySession.getLocalRepositoryManager().find(repositorySession,
                    new LocalArtifactRequest(artifact, request.repositories, "lock"));
            id = local.getRepository() != null ? local.getRepository().getId() : "";
            where[1] = id;
        }
        return id;
    }

    /** The file's path, size and time: its digests are taken from the build's cache while these are the same. */
    private static String stamp(Path file) throws BuildInputException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return file + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new BuildInputException("cannot read " + file + " to lock its digests: " + e.getMessage(), e);
        }
    }

    /**
     * SHA-256 and SHA-512 of the files the build's cache does not have yet, in parallel. Plain strings in the session:
     * the goals' and the rules' class realms both use it.
     */
    private void hashMissing(Map<Path, String> stamps, Map<String, String[]> digests, boolean sha512) throws BuildInputException {
        // Files another thread of this build is hashing (hashAhead, or a module built alongside) are waited for.
        Map<String, CompletableFuture<Void>> hashing = SessionCache.map(session.getRepositorySession().getData(), HASHING_KEY);
        List<Path> missing = new ArrayList<>();
        Map<Path, CompletableFuture<Void>> waitFor = new LinkedHashMap<>();
        Map<Path, CompletableFuture<Void>> mine = new LinkedHashMap<>();
        stamps.forEach((file, stamp) -> {
            String[] known = digests.get(stamp);
            if (known == null || sha512 && known[1] == null) {
                if (sha512) {
                    missing.add(file);
                    return;
                }
                CompletableFuture<Void> own = new CompletableFuture<>();
                CompletableFuture<Void> other = hashing.putIfAbsent(stamp, own);
                if (other != null) {
                    waitFor.put(file, other);
                } else {
                    missing.add(file);
                    mine.put(file, own);
                }
            }
        });
        List<DigestAlgorithm> algorithms = sha512 ? DIGESTS : List.of(DigestAlgorithm.SHA256);
        try {
            missing.parallelStream().forEach(file -> {
                try {
                    FileDigest digest = OnePassReader.read(file, algorithms);
                    digests.put(stamps.get(file), new String[] {digest.hex(DigestAlgorithm.SHA256), sha512 ? digest.hex(DigestAlgorithm.SHA512) : null});
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": " + e.getMessage(), e);
                } finally {
                    if (mine.containsKey(file)) {
                        mine.get(file).complete(null);
                    }
                }
            });
            for (Map.Entry<Path, CompletableFuture<Void>> other : waitFor.entrySet()) {
                other.getValue().exceptionally(failed -> null).join();
                if (digests.get(stamps.get(other.getKey())) == null) {
                    // What the other thread could not hash is hashed here, and its error reported.
                    FileDigest digest = OnePassReader.read(other.getKey(), algorithms);
                    digests.put(stamps.get(other.getKey()), new String[] {digest.hex(DigestAlgorithm.SHA256), null});
                }
            }
        } catch (UncheckedIOException e) {
            throw new BuildInputException("cannot read " + e.getMessage() + " to lock its digests", e.getCause());
        } catch (IOException e) {
            throw new BuildInputException("cannot read " + e.getMessage() + " to lock its digests", e);
        }
    }

    /**
     * Starts hashing, on one background thread, the files the lock names for the modules of this build (all, or those
     * {@code -pl} selects) as they lie in the local repository, once per build: the modules then find most SHA-256
     * digests made, while the build's thread reads POMs and collects plugins' graphs. Only regular files inside the
     * local repository are read; a file that is not there, or not the one a module resolves, is hashed when the module
     * resolves it.
     */
    public void hashAhead(LockFile lock) {
        Set<LockKey> keys = lock.artifacts().keySet();
        if (session.getProjects().size() < lock.modules().size()) {
            // Some modules only: what they use (a whole reactor uses every artifact the lock names, and its uses are many).
            keys = new LinkedHashSet<>();
            for (MavenProject project : session.getProjects()) {
                ModuleLock module = lock.modules().get(project.getGroupId() + ":" + project.getArtifactId());
                if (module != null) {
                    for (LockedUse use : module.uses()) {
                        keys.add(use.artifact());
                    }
                }
            }
        }
        RepositorySystemSession repositorySession = session.getRepositorySession();
        if (sha512 || !SessionCache.map(repositorySession.getData(), HASHING_KEY).isEmpty()
                || SessionCache.get(repositorySession.getData(), AHEAD_KEY, () -> new AtomicBoolean()).getAndSet(true)) {
            return;
        }
        Path base = repositorySession.getLocalRepository().getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (LockKey key : keys) {
            Path file = base.resolve(repositorySession.getLocalRepositoryManager().getPathForLocalArtifact(artifact(key))).normalize();
            if (file.startsWith(base)) {
                files.add(file);
            }
        }
        Map<String, String[]> digests = SessionCache.map(repositorySession.getData(), DIGESTS_KEY);
        Map<String, CompletableFuture<Void>> hashing = SessionCache.map(repositorySession.getData(), HASHING_KEY);
        Thread ahead = new Thread(() -> {
            for (Path file : files) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String stamp;
                try {
                    stamp = stamp(file);
                } catch (BuildInputException e) {
                    continue;
                }
                CompletableFuture<Void> own = new CompletableFuture<>();
                if (digests.containsKey(stamp) || hashing.putIfAbsent(stamp, own) != null) {
                    continue;
                }
                try {
                    digests.putIfAbsent(stamp, new String[] {OnePassReader.read(file, List.of(DigestAlgorithm.SHA256)).hex(DigestAlgorithm.SHA256), null});
                } catch (IOException | RuntimeException e) {
                    // the module that resolves it hashes it again, and reports what fails
                } finally {
                    own.complete(null);
                }
            }
        }, "secure-build-lock-hash-ahead");
        ahead.setDaemon(true);
        ahead.start();
    }
}
