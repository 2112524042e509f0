package dev.securebuild.lock.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.lock.LockKey;
import dev.securebuild.lock.LockedArtifact;
import dev.securebuild.lock.RemoteChecksum;
import dev.securebuild.lock.ResolvedFile;

class RemoteChecksumsTest {

    private static final RemoteRepository CENTRAL = new RemoteRepository.Builder("central", "default", "https://repo.example/maven2").build();

    @TempDir
    Path folder;

    /** What the repository publishes, by artifactId and extension ("lib:jar.sha256"): text, or an exception to fail with. */
    private final Map<String, Object> published = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
    private final Map<LockKey, ResolvedFile> files = new LinkedHashMap<>();
    private final Map<LockKey, List<RemoteRepository>> repositories = new LinkedHashMap<>();

    @BeforeEach
    void online() {
        session.setOffline(false);
    }

    private RemoteChecksums checksums() {
        RepositorySystem system = (RepositorySystem) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RepositorySystem.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("resolveArtifacts")) {
                        return null; // newLocalRepositoryManager: the isolated session is not used by this fake
                    }
                    List<ArtifactResult> results = new ArrayList<>();
                    boolean failed = false;
                    for (Object item : (Collection<?>) args[1]) {
                        ArtifactRequest request = (ArtifactRequest) item;
                        Artifact artifact = request.getArtifact();
                        String name = artifact.getArtifactId() + ":" + artifact.getExtension();
                        asked.add(name);
                        ArtifactResult result = new ArtifactResult(request);
                        Object answer = published.get(name);
                        if (answer instanceof String) {
                            Path file = Files.writeString(Files.createTempFile(folder, "published", ""), (String) answer);
                            result.setArtifact(artifact.setFile(file.toFile())).setRepository(CENTRAL);
                        } else {
                            result.addException(answer instanceof Exception ? (Exception) answer
                                    : new ArtifactNotFoundException(artifact, CENTRAL));
                            failed = true;
                        }
                        results.add(result);
                    }
                    if (failed) {
                        throw new ArtifactResolutionException(results);
                    }
                    return results;
                });
        return new RemoteChecksums(system, session, folder.resolve("work"));
    }

    private LockKey file(String artifactId, String version, String content) throws Exception {
        LockKey key = new LockKey("org.example", artifactId, "jar", "", version);
        Path path = Files.writeString(folder.resolve(artifactId + "-" + version + ".jar"), content);
        files.put(key, ResolvedFile.of(new LockedArtifact(key, hex("SHA-256", content), hex("SHA-512", content), "central"), path));
        repositories.put(key, List.of(CENTRAL));
        return key;
    }

    private static String hex(String algorithm, String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSha256IsComparedFirstAndNothingElseIsAskedFor() throws Exception {
        LockKey key = file("lib", "1.0", "the bytes");
        published.put("lib:jar.sha256", hex("SHA-256", "the bytes") + "\n");

        RemoteChecksums.Outcome outcome = checksums().compare(files, repositories);

        assertEquals(Map.of(key, RemoteChecksum.SHA256), outcome.found());
        assertEquals(List.of(), outcome.mismatches());
        assertEquals(List.of(), outcome.warnings());
        assertEquals(List.of("lib:jar.sha256"), asked);
        assertEquals(List.of(), List.of(folder.resolve("work").toFile().list()), "the fetched checksums are deleted");
    }

    @Test
    void theSha512ThenTheSha1AreTakenWhenTheStrongerOnesAreNotPublished() throws Exception {
        LockKey strong = file("strong", "1.0", "a");
        LockKey weak = file("weak", "1.0", "b");
        published.put("strong:jar.sha512", hex("SHA-512", "a"));
        published.put("weak:jar.sha1", hex("SHA-1", "b").toUpperCase() + "  weak-1.0.jar\n"); // sha1sum's format, upper case

        RemoteChecksums.Outcome outcome = checksums().compare(files, repositories);

        assertEquals(Map.of(strong, RemoteChecksum.SHA512, weak, RemoteChecksum.SHA1), outcome.found());
        assertEquals(List.of("strong:jar.sha256", "weak:jar.sha256", "strong:jar.sha512", "weak:jar.sha512", "weak:jar.sha1"), asked);
        assertEquals(List.of("1 artifact(s) were compared with the SHA-1 their repository publishes, as it publishes no SHA-256 or SHA-512 of"
                + " them; SHA-1 is not collision resistant: org.example:weak:jar:1.0"), outcome.warnings());
    }

    @Test
    void aFileThatIsNotWhatTheRepositoryPublishesIsAMismatchNamingBothDigests() throws Exception {
        LockKey key = file("lib", "1.0", "tampered");
        published.put("lib:jar.sha256", hex("SHA-256", "original"));

        RemoteChecksums.Outcome outcome = checksums().compare(files, repositories);

        assertEquals(Map.of(), outcome.found());
        assertEquals(List.of(key + ": the bytes of " + files.get(key).file() + " are not the ones repository central publishes: sha256 "
                + hex("SHA-256", "tampered") + ", published " + hex("SHA-256", "original") + " (org.example:lib:jar:1.0.sha256); the local"
                + " repository (or a cache or mirror in front of it) holds another file than the repository: find out which is right before"
                + " locking"), outcome.mismatches());
    }

    @Test
    void aChecksumFileThatHoldsNoDigestIsAMismatchToo() throws Exception {
        file("lib", "1.0", "x");
        published.put("lib:jar.sha256", "<html>\u001b[31mNot here</html>");

        RemoteChecksums.Outcome outcome = checksums().compare(files, repositories);

        assertEquals(1, outcome.mismatches().size());
        assertTrue(outcome.mismatches().get(0).startsWith("org.example:lib:jar:1.0: repository central publishes a sha256 checksum that is not"
                + " one (\"<html>\\u001b[31mNot here</html>\"), so the file "), outcome.mismatches().get(0));
    }

    @Test
    void anArtifactNoRepositoryPublishesIsRecordedAndWarnedAbout() throws Exception {
        LockKey key = file("private", "2.0", "x");

        RemoteChecksums.Outcome outcome = checksums().compare(files, repositories);

        assertEquals(Map.of(key, RemoteChecksum.NOT_PUBLISHED), outcome.found());
        assertEquals(List.of("private:jar.sha256", "private:jar.sha512", "private:jar.sha1"), asked);
        assertTrue(outcome.warnings().get(0).startsWith("1 artifact(s) have no checksum in any of their repositories"), outcome.warnings().get(0));
    }

    @Test
    void aRepositoryThatCannotBeReachedIsRecordedAndNotAskedAgain() throws Exception {
        LockKey key = file("lib", "1.0", "x");
        published.put("lib:jar.sha256", new ArtifactTransferException(files.get(key).key() == null ? null
                : new org.eclipse.aether.artifact.DefaultArtifact("org.example:lib:jar.sha256:1.0"), CENTRAL, new ConnectException("Connection refused")));

        RemoteChecksums.Outcome outcome = checksums().compare(files, repositories);

        assertEquals(Map.of(key, RemoteChecksum.UNREACHABLE), outcome.found());
        assertEquals(List.of("lib:jar.sha256"), asked);
        assertTrue(outcome.warnings().get(0).startsWith("1 artifact(s) could not be compared with their repository's checksum, which it did"
                + " not serve ("), outcome.warnings().get(0));
        assertTrue(outcome.warnings().get(0).endsWith("recorded as \"unreachable\" in the lock: lock again when the repository answers:"
                + " org.example:lib:jar:1.0"), outcome.warnings().get(0));
    }

    @Test
    void offlineNothingIsAskedAndEverythingIsUnreachable() throws Exception {
        LockKey key = file("lib", "1.0", "x");
        session.setOffline(true);

        RemoteChecksums.Outcome outcome = checksums().compare(files, repositories);

        assertEquals(Map.of(key, RemoteChecksum.UNREACHABLE), outcome.found());
        assertEquals(List.of(), asked);
        assertTrue(outcome.warnings().get(0).contains("(Maven runs offline)"), outcome.warnings().get(0));
    }

    @Test
    void aSnapshotIsNotComparedAndSaysSo() throws Exception {
        LockKey key = file("lib", "1.0-SNAPSHOT", "x");

        RemoteChecksums.Outcome outcome = checksums().compare(files, repositories);

        assertEquals(Map.of(), outcome.found());
        assertEquals(List.of(), asked);
        assertEquals(List.of("1 SNAPSHOT artifact(s) were not compared: a SNAPSHOT's newest file in the repository is not the one this build"
                + " resolved: " + key), outcome.warnings());
    }

    @Test
    void aChecksumDownloadPastOneKibibyteIsCancelledAndTheBuildsListenerStillHearsOfIt() throws Exception {
        List<Long> heard = new ArrayList<>();
        org.eclipse.aether.transfer.TransferListener build = new org.eclipse.aether.transfer.AbstractTransferListener() {
            @Override
            public void transferProgressed(org.eclipse.aether.transfer.TransferEvent event) {
                heard.add(event.getTransferredBytes());
            }
        };
        BoundedTransfers bounded = new BoundedTransfers(build, 1024);
        org.eclipse.aether.transfer.TransferResource resource = new org.eclipse.aether.transfer.TransferResource("central",
                "https://repo.example/maven2/", "org/example/lib/1.0/lib-1.0.jar.sha256", null, null);

        bounded.transferProgressed(new org.eclipse.aether.transfer.TransferEvent.Builder(session, resource).setTransferredBytes(1024).build());
        org.eclipse.aether.transfer.TransferCancelledException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.eclipse.aether.transfer.TransferCancelledException.class, () -> bounded.transferProgressed(
                        new org.eclipse.aether.transfer.TransferEvent.Builder(session, resource).setTransferredBytes(1025).build()));

        assertEquals("a checksum file of more than 1024 bytes", e.getMessage());
        assertEquals(List.of(1024L), heard);
    }
}
