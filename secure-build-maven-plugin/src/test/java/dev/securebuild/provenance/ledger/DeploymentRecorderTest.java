package dev.securebuild.provenance.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.provenance.ProvenanceException;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.pgp.TestKeys;
import dev.securebuild.shared.outputs.ProducedFile;

class DeploymentRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final Properties user = new Properties();
    private final Properties system = new Properties();
    private final Properties module = new Properties();
    private final List<String> told = new ArrayList<>();
    private Signer signer;
    private Path ledger;

    @BeforeEach
    void setUp() throws Exception {
        signer = LedgerTest.signer(TestKeys.ed25519());
        ledger = folder.resolve("deployments.jsonl");
    }

    private DeploymentRecorder recorder(String newKey, String endpoint) {
        return new DeploymentRecorder(new DeploymentRecorder.Settings(ledger, newKey, endpoint, 1, List.of("DEPLOY_TOKEN,NOTE", " "),
                PublicProperties.DEFAULT, user, system, List.of("release", "it-repo"),
                Map.of("DEPLOY_TOKEN", "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "NOTE", "plain", "GITHUB_ACTOR", "alice")::get, "bob", CLOCK,
                KnownSecrets.NONE));
    }

    private DeploymentRecorder recorder() {
        return recorder(null, null);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private ProducedFile produced(Path file) {
        return new ProducedFile(file, file.getFileName().toString(), "jar", null);
    }

    /** demo-1.0.jar and its POM, the jar signed by the record's key, deployed to distributionManagement's releases. */
    private DeploymentRecorder.ModuleRequest demo(Deployment.Where distribution) throws Exception {
        Path jar = file("demo-1.0.jar", "the jar");
        Path pom = file("demo-1.0.pom", "<project/>");
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        sha512.update(Files.readAllBytes(jar));
        Path asc = Files.write(folder.resolve("demo-1.0.jar.asc"), signer.sign(sha512));
        Path sha256 = file("demo-1.0.jar.sha256", "0".repeat(64));
        return new DeploymentRecorder.ModuleRequest("org.example:demo:jar:1.0", "org.example", "demo", "1.0", "jar",
                List.of(produced(pom), produced(jar), produced(asc), produced(sha256)), folder.resolve("demo-1.0.intoto.jsonl"), false, module,
                distribution);
    }

    private static final Deployment.Where RELEASES = new Deployment.Where("releases", "https://deployer:s3cret@repo.example.org/releases");

    @Test
    void aModuleIsItsDeployedFilesWithTheirDigestsAndWhatTheRecordsKeySigned() throws Exception {
        DeploymentRecorder.ModuleRecord record = recorder().module(signer, demo(RELEASES), told::add);

        assertEquals(2, record.files(), "the jar and the POM; their signatures and checksums are not counted");
        assertEquals(1, record.signed());
        assertEquals(List.of("demo-1.0.pom", "demo-1.0.jar", "demo-1.0.jar.asc", "demo-1.0.jar.sha256"),
                record.module().files().stream().map(Deployment.DeployedFile::name).toList());
        Deployment.DeployedFile jar = record.module().files().get(1);
        assertEquals(7, jar.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("the jar".getBytes(StandardCharsets.UTF_8))), jar.sha256());
        assertEquals(signer.fingerprint(), record.module().signingKey());
        assertNull(record.module().provenance(), "no provenance file was written");
        assertEquals(new Deployment.Where("releases", "https://[redacted]@repo.example.org/releases"), record.where());
        assertEquals(List.of(), told);
    }

    @Test
    void aSignatureByAnotherKeyIsNamedAndNotCounted() throws Exception {
        DeploymentRecorder.ModuleRequest demo = demo(RELEASES);
        Files.writeString(folder.resolve("demo-1.0.jar"), "changed after signing", StandardCharsets.UTF_8);

        DeploymentRecorder.ModuleRecord record = recorder().module(signer, demo, told::add);

        assertEquals(0, record.signed());
        assertNull(record.module().signingKey());
        assertEquals(1, told.size(), told.toString());
        assertTrue(told.get(0).startsWith("Not counted as signed in the ledger (org.example:demo:jar:1.0): demo-1.0.jar.asc: "), told.get(0));
    }

    @Test
    void theProvenanceIsRecordedByItsDigest() throws Exception {
        file("demo-1.0.intoto.jsonl", "{}\n");
        DeploymentRecorder.ModuleRecord record = recorder().module(signer, demo(RELEASES), told::add);
        assertEquals("demo-1.0.intoto.jsonl", record.module().provenance().name());
        assertEquals(64, record.module().provenance().sha256().length());
    }

    @Test
    void aFileThatCannotBeReadFailsNamingItAndTheModule() throws Exception {
        DeploymentRecorder.ModuleRequest demo = demo(RELEASES);
        Files.delete(folder.resolve("demo-1.0.pom"));
        ProvenanceException e = assertThrows(ProvenanceException.class, () -> recorder().module(signer, demo, told::add));
        assertTrue(e.getMessage().startsWith("Cannot read " + folder.resolve("demo-1.0.pom") + " (demo-1.0.pom of org.example:demo:jar:1.0): "),
                e.getMessage());
        assertTrue(e.getCause() != null, "the cause is kept");
    }

    @Test
    void whereComesFromTheAlternativeRepositoryPropertiesUserFirstThenSystemThenTheModule() throws Exception {
        DeploymentRecorder.ModuleRequest demo = demo(RELEASES);
        module.setProperty("altDeploymentRepository", "module::file:module");
        assertEquals(new Deployment.Where("module", "file:module"), recorder().where(demo));
        system.setProperty("altDeploymentRepository", "system::file:system");
        assertEquals(new Deployment.Where("system", "file:system"), recorder().where(demo));
        user.setProperty("altDeploymentRepository", "user::default::file:user");
        assertEquals(new Deployment.Where("user", "file:user"), recorder().where(demo));
        // The release-specific property comes before the general one, wherever it is set.
        module.setProperty("altReleaseDeploymentRepository", "release::file:release");
        assertEquals(new Deployment.Where("release", "file:release"), recorder().where(demo));
    }

    @Test
    void aSnapshotTakesTheSnapshotRepositoryProperty() throws Exception {
        DeploymentRecorder.ModuleRequest release = demo(RELEASES);
        DeploymentRecorder.ModuleRequest snapshot = new DeploymentRecorder.ModuleRequest(release.id(), release.groupId(), release.artifactId(),
                "1.1-SNAPSHOT", release.packaging(), release.files(), release.provenance(), true, module, RELEASES);
        module.setProperty("altReleaseDeploymentRepository", "release::file:release");
        module.setProperty("altSnapshotDeploymentRepository", "snapshots::file:snapshots");
        assertEquals(new Deployment.Where("snapshots", "file:snapshots"), recorder().where(snapshot));
    }

    @Test
    void withoutAnyRepositoryTheModuleFailsAsMavenDeployPluginWould() throws Exception {
        DeploymentRecorder.ModuleRequest demo = demo(null);
        ProvenanceException e = assertThrows(ProvenanceException.class, () -> recorder().module(signer, demo, told::add));
        assertEquals("org.example:demo:jar:1.0 names no repository to deploy to: set <distributionManagement> or "
                + "-DaltDeploymentRepository=id::url, as maven-deploy-plugin needs", e.getMessage());

        module.setProperty("altDeploymentRepository", "no-url");
        e = assertThrows(ProvenanceException.class, () -> recorder().where(demo));
        assertTrue(e.getMessage().startsWith("altDeploymentRepository is not id::url"), e.getMessage());
    }

    @Test
    void skipAndMavenDeploySkipAddNothingAndSaySo() {
        assertFalse(recorder().deploys(true, module, "demo", told::add));
        assertTrue(recorder().deploys(false, module, "demo", told::add));
        module.setProperty("maven.deploy.skip", "true");
        assertFalse(recorder().deploys(false, module, "demo", told::add));
        user.setProperty("maven.deploy.skip", "false");
        assertTrue(recorder().deploys(false, module, "demo", told::add), "a user property wins over the module's");
        assertEquals(List.of("Skipping: secure-build.skip is set; this module adds nothing to the ledger record",
                "maven.deploy.skip is set: demo deploys nothing, so it adds nothing to the ledger record"), told);
    }

    @Test
    void aModuleThatDoesNotCompleteTheReactorSaysWhatItAdds() throws Exception {
        DeploymentRecorder.ModuleRecord record = recorder().module(signer, demo(RELEASES), told::add);
        assertEquals("2 deployed file(s) of demo for the reactor's ledger record (3 module(s) still to come)",
                DeploymentRecorder.waiting(record, "demo", 3));
        assertEquals("Nothing for the reactor's ledger record (1 module(s) still to come)", DeploymentRecorder.waiting(null, "demo", 1));
    }

    @Test
    void theReactorsRecordIsAppendedChainedAndAnnounced() throws Exception {
        EventLog events = new EventLog(folder.resolve("events.jsonl"), CLOCK);
        DeploymentRecorder.ModuleRecord demo = recorder().module(signer, demo(RELEASES), told::add);
        Deployment.Module otherEntry = new Deployment.Module("org.example", "other", "1.0", "pom", List.of(), null, null, null);
        DeploymentRecorder.ModuleRecord elsewhere = new DeploymentRecorder.ModuleRecord(otherEntry, new Deployment.Where("other", "file:other"), 1, 0);

        Optional<DeploymentRecorder.Recorded> first = recorder().record(Arrays.asList(demo, null, elsewhere), folder.resolve("secure-build"),
                () -> signer, events, "org.example:parent", told::add);
        Optional<DeploymentRecorder.Recorded> second = recorder().record(List.of(demo), folder.resolve("secure-build"), () -> signer, events,
                "org.example:parent", told::add);

        assertEquals(1, first.orElseThrow().sequence());
        assertEquals(2, second.orElseThrow().sequence());
        List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
        JsonNode record = JSON.readTree(lines.get(0));
        assertEquals("2026-03-01T10:15:30Z", record.get("time").asText());
        assertEquals("alice", record.path("who").path("name").asText());
        assertEquals("releases", record.path("where").path("repositoryId").asText());
        assertEquals(2, record.path("what").path("modules").size(), "the module that deployed nothing is left out");
        assertEquals("other", record.path("what").path("modules").get(1).path("where").path("repositoryId").asText(),
                "a module deployed elsewhere says where");
        assertEquals("partly signed (1 of 3 files)", record.path("verdicts").path("signatures").asText());
        assertEquals("[redacted]", record.path("configuration").path("environment").path("DEPLOY_TOKEN").asText());
        assertEquals("plain", record.path("configuration").path("environment").path("NOTE").asText());
        assertEquals(List.of("it-repo", "release"), JSON.convertValue(record.path("configuration").path("profiles"), List.class));
        assertEquals(LedgerFormat.hash(lines.get(0).getBytes(StandardCharsets.UTF_8)), JSON.readTree(lines.get(1)).get("previous").asText());

        assertEquals("Recorded deployment #1 (2 module(s), 3 file(s) to releases) in the ledger " + ledger + ", signed by " + signer.fingerprint()
                + "; record SHA-256 " + LedgerFormat.hash(lines.get(0).getBytes(StandardCharsets.UTF_8)), told.get(0));
        List<String> eventLines = Files.readAllLines(folder.resolve("events.jsonl"));
        assertEquals(2, eventLines.size());
        JsonNode event = JSON.readTree(eventLines.get(0));
        assertEquals("ledger.recorded", event.get("type").asText());
        assertEquals("deployment #1 recorded", event.get("message").asText());
    }

    @Test
    void withoutAModuleThatDeployedThereIsNoRecordAndNoKeyIsAskedFor() throws Exception {
        Optional<DeploymentRecorder.Recorded> recorded = recorder().record(Arrays.asList(null, null), folder.resolve("secure-build"), () -> {
            throw new IllegalStateException("no key needed");
        }, new EventLog(folder.resolve("events.jsonl"), CLOCK), "org.example:parent", told::add);
        assertTrue(recorded.isEmpty());
        assertFalse(Files.exists(ledger));
        assertEquals(List.of("No module of the reactor deployed anything: no ledger record"), told);
    }

    @Test
    void aChangeOfKeyIsRefusedUnlessNewKeyNamesIt() throws Exception {
        EventLog events = new EventLog(folder.resolve("events.jsonl"), CLOCK);
        DeploymentRecorder.ModuleRecord demo = recorder().module(signer, demo(RELEASES), told::add);
        recorder().record(List.of(demo), folder.resolve("secure-build"), () -> signer, events, "p", told::add);
        Signer next = LedgerTest.signer(TestKeys.rsa());

        ProvenanceException e = assertThrows(ProvenanceException.class,
                () -> recorder().record(List.of(demo), folder.resolve("secure-build"), () -> next, events, "p", told::add));
        assertTrue(e.getMessage().startsWith("Nothing was appended to the ledger " + ledger + ": its records are signed by key "
                + signer.fingerprint()), e.getMessage());
        assertTrue(e.getMessage().endsWith(". To change the ledger's key to " + next.fingerprint() + ", set -Dsecure-build.ledger.newKey="
                + next.fingerprint() + " (parameter newKey): the record then declares the change; else sign with key " + signer.fingerprint()),
                e.getMessage());
        assertEquals(1, Files.readAllLines(ledger).size());

        assertEquals(2, recorder(next.fingerprint(), null).record(List.of(demo), folder.resolve("secure-build"), () -> next, events, "p", told::add)
                .orElseThrow().sequence());
    }

    @Test
    void aRefusedEndpointFailsAfterTheRecordIsAppendedAndIsRecorded() throws Exception {
        EventLog events = new EventLog(folder.resolve("events.jsonl"), CLOCK);
        DeploymentRecorder.ModuleRecord demo = recorder().module(signer, demo(RELEASES), told::add);

        ProvenanceException e = assertThrows(ProvenanceException.class, () -> recorder(null, "http://collector.example.org/ledger")
                .record(List.of(demo), folder.resolve("secure-build"), () -> signer, events, "p", told::add));

        assertEquals("Record #1 is in the ledger " + ledger + ", but sending it failed: The ledger endpoint http://collector.example.org/ledger "
                + "is refused: the record is sent only over https (http only to localhost)", e.getMessage());
        assertEquals(1, Files.readAllLines(ledger).size());
        List<String> eventLines = Files.readAllLines(folder.resolve("events.jsonl"));
        assertEquals(List.of("ledger.recorded", "ledger.endpoint-failed"), eventLines.stream().map(line -> {
            try {
                return JSON.readTree(line).get("type").asText();
            } catch (Exception x) {
                throw new IllegalStateException(x);
            }
        }).toList());
    }

    @Test
    void theKeyIsAskedForBeforeTheModulesFiles() throws Exception {
        DeploymentRecorder.ModuleRequest demo = demo(RELEASES);
        List<String> asked = new ArrayList<>();
        recorder().module(() -> {
            asked.add("key");
            return signer;
        }, () -> {
            asked.add("files");
            return demo;
        }, told::add);
        assertEquals(List.of("key", "files"), asked);

        IllegalStateException noKey = assertThrows(IllegalStateException.class, () -> recorder().module(() -> {
            throw new IllegalStateException("no key");
        }, () -> {
            throw new IllegalStateException("the files are not listed");
        }, told::add));
        assertEquals("no key", noKey.getMessage());
    }

    @Test
    void environmentNamesAreSplitAtCommas() {
        assertEquals(List.of("DEPLOY_TOKEN", "NOTE"), recorder().environmentNames());
    }
}
