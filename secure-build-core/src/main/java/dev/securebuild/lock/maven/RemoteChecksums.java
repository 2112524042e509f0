package dev.securebuild.lock.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;

import dev.securebuild.lock.LockKey;
import dev.securebuild.lock.RemoteChecksum;
import dev.securebuild.lock.ResolvedFile;
import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.io.BoundedFiles;
import dev.securebuild.shared.session.IsolatedSessions;
import dev.securebuild.shared.text.Printable;

/**
 * Compares each file the lock is about to pin with the checksum its remote repository publishes for it, so that a
 * local repository (or a cache in front of it) poisoned before locking is caught: the {@code .sha256} first, then the
 * {@code .sha512}, then, only when neither is published, the {@code .sha1}. The checksums are fetched through Maven's
 * resolver with the build's mirrors, proxies and credentials into a local repository of their own, so an old checksum
 * file in {@code ~/.m2} is never taken for the repository's.
 */
public final class RemoteChecksums {

    /** A checksum file holds one digest and perhaps a file name; anything longer is not one. */
    private static final int MAX_CHECKSUM_BYTES = 1024;

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int REQUEST_TIMEOUT_MS = 60_000;

    private static final List<DigestAlgorithm> ORDER = List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512, DigestAlgorithm.SHA1);

    /** What the comparison found. */
    public static final class Outcome {
        private final Map<LockKey, RemoteChecksum> found = new TreeMap<>();
        private final List<String> mismatches = new ArrayList<>();
        private final List<LockKey> snapshots = new ArrayList<>();
        private final Map<LockKey, String> unreachable = new TreeMap<>();

        /** Per artifact compared, what was found (an artifact that differs is under {@link #mismatches}). */
        public Map<LockKey, RemoteChecksum> found() {
            return found;
        }

        /** One message per file whose bytes are not the ones its repository publishes: the lock must not be written. */
        public List<String> mismatches() {
            return mismatches;
        }

        /** What the one who locks is to be told: artifacts compared with SHA-1 only, not published, not reachable, not compared. */
        public List<String> warnings() {
            List<String> warnings = new ArrayList<>();
            List<LockKey> sha1 = keys(RemoteChecksum.SHA1);
            if (!sha1.isEmpty()) {
                warnings.add(sha1.size() + " artifact(s) were compared with the SHA-1 their repository publishes, as it publishes no SHA-256 or"
                        + " SHA-512 of them; SHA-1 is not collision resistant: " + list(sha1));
            }
            List<LockKey> notPublished = keys(RemoteChecksum.NOT_PUBLISHED);
            if (!notPublished.isEmpty()) {
                warnings.add(notPublished.size() + " artifact(s) have no checksum in any of their repositories (installed by hand, or a"
                        + " repository that publishes none); locked as found in the local repository, not compared: " + list(notPublished));
            }
            if (!unreachable.isEmpty()) {
                warnings.add(unreachable.size() + " artifact(s) could not be compared with their repository's checksum, which it did not"
                        + " serve (" + Printable.of(unreachable.values().iterator().next()) + "); recorded as \"unreachable\" in the lock: lock"
                        + " again when the repository answers: " + list(new ArrayList<>(unreachable.keySet())));
            }
            if (!snapshots.isEmpty()) {
                warnings.add(snapshots.size() + " SNAPSHOT artifact(s) were not compared: a SNAPSHOT's newest file in the repository is not"
                        + " the one this build resolved: " + list(snapshots));
            }
            return warnings;
        }

        private List<LockKey> keys(RemoteChecksum value) {
            return found.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey).collect(Collectors.toList());
        }

        private static String list(List<LockKey> keys) {
            return keys.stream().limit(10).map(LockKey::toString).collect(Collectors.joining(", ")) + (keys.size() > 10 ? ", ..." : "");
        }
    }

    private final RepositorySystem system;
    private final RepositorySystemSession build;
    private final Path workFolder;

    /** @param workFolder where the checksums are fetched to, in a fresh folder deleted afterwards */
    public RemoteChecksums(RepositorySystem system, RepositorySystemSession build, Path workFolder) {
        this.system = system;
        this.build = build;
        this.workFolder = workFolder;
    }

    /** Compares each file with what the repositories it is resolved from publish. */
    public Outcome compare(Map<LockKey, ResolvedFile> files, Map<LockKey, List<RemoteRepository>> repositories) throws IOException {
        Outcome outcome = new Outcome();
        Map<LockKey, ResolvedFile> pending = new LinkedHashMap<>();
        files.forEach((key, file) -> {
            if (key.version().endsWith("SNAPSHOT")) {
                outcome.snapshots.add(key);
            } else {
                pending.put(key, file);
            }
        });
        if (pending.isEmpty()) {
            return outcome;
        }
        if (build.isOffline()) {
            pending.keySet().forEach(key -> outcome.unreachable.put(key, "Maven runs offline"));
            pending.keySet().forEach(key -> outcome.found.put(key, RemoteChecksum.UNREACHABLE));
            return outcome;
        }
        Files.createDirectories(workFolder);
        Path folder = Files.createTempDirectory(workFolder, "checksums-");
        try {
            DefaultRepositorySystemSession isolated = IsolatedSessions.remoteOnly(system, build, folder);
            isolated.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_IGNORE); // a checksum file has none of its own
            // A repository is not trusted to be small or quick: a "checksum" of more than 1 KiB is not kept (Maven's
            // transport still reads the rest of the response to end it, as for any download of the build), and a
            // request that stalls ends after a minute (Maven's default waits 30).
            isolated.setTransferListener(new BoundedTransfers(build.getTransferListener(), MAX_CHECKSUM_BYTES));
            isolated.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MS);
            isolated.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, REQUEST_TIMEOUT_MS);
            for (DigestAlgorithm algorithm : ORDER) {
                if (!pending.isEmpty()) {
                    round(isolated, algorithm, pending, repositories, outcome);
                }
            }
            pending.keySet().forEach(key -> outcome.found.put(key, RemoteChecksum.NOT_PUBLISHED));
        } finally {
            delete(folder);
        }
        return outcome;
    }

    /** Fetches one kind of checksum of every pending artifact, in one batch (the resolver downloads in parallel). */
    private void round(RepositorySystemSession isolated, DigestAlgorithm algorithm, Map<LockKey, ResolvedFile> pending,
                       Map<LockKey, List<RemoteRepository>> repositories, Outcome outcome) throws IOException {
        List<LockKey> keys = new ArrayList<>(pending.keySet());
        List<ArtifactRequest> requests = new ArrayList<>();
        for (LockKey key : keys) {
            requests.add(new ArtifactRequest(new DefaultArtifact(key.groupId(), key.artifactId(), key.classifier(),
                    key.extension() + "." + algorithm.extension(), key.version()), repositories.getOrDefault(key, List.of()), "lock"));
        }
        List<ArtifactResult> results;
        try {
            results = system.resolveArtifacts(isolated, requests);
        } catch (ArtifactResolutionException e) {
            results = e.getResults();
        }
        for (int i = 0; i < keys.size(); i++) {
            LockKey key = keys.get(i);
            ArtifactResult result = results.get(i);
            if (result.isResolved()) {
                ResolvedFile file = pending.remove(key);
                String mismatch = mismatch(key, file, algorithm, result);
                if (mismatch != null) {
                    outcome.mismatches.add(mismatch);
                } else {
                    outcome.found.put(key, RemoteChecksum.valueOf(algorithm.name()));
                }
            } else if (!notFoundEverywhere(result)) {
                pending.remove(key);
                outcome.unreachable.put(key, reason(result));
                outcome.found.put(key, RemoteChecksum.UNREACHABLE);
            }
        }
    }

    /** Null when the file's digest is the one published; else why not, naming the artifact, the file, both digests and the repository. */
    private static String mismatch(LockKey key, ResolvedFile file, DigestAlgorithm algorithm, ArtifactResult result) throws IOException {
        String repository = repository(result.getRepository());
        String name = key + "." + algorithm.extension();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(result.getArtifact().getFile().toPath())) {
            bytes = BoundedFiles.readAtMost(in, MAX_CHECKSUM_BYTES);
        }
        String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8).trim();
        // The digest is the first word: some repositories add the file's name after it (sha256sum's format).
        String published = text.isEmpty() ? "" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        Pattern hex = Pattern.compile("[0-9a-f]{" + algorithm.newMessageDigest().getDigestLength() * 2 + "}");
        if (!hex.matcher(published).matches()) {
            return key + ": repository " + repository + " publishes a " + algorithm.extension() + " checksum that is not one ("
                    + (bytes == null ? "more than " + MAX_CHECKSUM_BYTES + " bytes" : "\"" + Printable.abbreviated(text) + "\"") + "), so the file "
                    + file.file() + " cannot be compared with it; find out why before locking";
        }
        String actual;
        if (algorithm == DigestAlgorithm.SHA256) {
            actual = file.sha256();
        } else if (algorithm == DigestAlgorithm.SHA512) {
            actual = file.sha512();
        } else {
            actual = OnePassReader.read(file.file(), List.of(algorithm)).hex(algorithm);
        }
        if (actual.equals(published)) {
            return null;
        }
        return key + ": the bytes of " + file.file() + " are not the ones repository " + repository + " publishes: " + algorithm.extension()
                + " " + actual + ", published " + published + " (" + Printable.of(name) + "); the local repository (or a cache or mirror in"
                + " front of it) holds another file than the repository: find out which is right before locking";
    }

    private static String repository(ArtifactRepository repository) {
        return repository == null ? "(unknown)" : Printable.of(repository.getId());
    }

    /** Whether every repository asked answered that it has no such file (rather than not answering). */
    private static boolean notFoundEverywhere(ArtifactResult result) {
        return result.getExceptions().stream().allMatch(e -> e instanceof ArtifactNotFoundException);
    }

    private static String reason(ArtifactResult result) {
        return result.getExceptions().stream().filter(e -> !(e instanceof ArtifactNotFoundException)).findFirst()
                .map(e -> e.getMessage() == null ? e.getClass().getSimpleName() : Printable.shortened(e.getMessage())).orElse("no repository");
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        }
    }
}
