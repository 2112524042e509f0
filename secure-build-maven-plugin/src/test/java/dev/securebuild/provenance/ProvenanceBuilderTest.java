package dev.securebuild.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.TestKeys;
import dev.securebuild.shared.outputs.ProducedFile;
import dev.securebuild.shared.text.LogSink;

class ProvenanceBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private PgpSigner signer;
    private final List<String> told = new ArrayList<>();
    private final LogSink report = LogSink.of(m -> told.add("INFO " + m), m -> told.add("WARN " + m), m -> told.add("ERROR " + m));
    private List<ProducedFile> produced;

    @BeforeEach
    void setUp() throws Exception {
        signer = new PgpSigner(TestKeys.load(TestKeys.ed25519()), Clock.systemUTC());
        produced = List.of(
                new ProducedFile(Files.writeString(folder.resolve("pom.xml"), "<project/>"), "demo-1.0.pom", "pom", null),
                new ProducedFile(Files.writeString(folder.resolve("demo-1.0.jar"), "the jar"), "demo-1.0.jar", "jar", null),
                new ProducedFile(Files.writeString(folder.resolve("old.intoto.jsonl"), "{}"), "demo-1.0.intoto.jsonl", "intoto.jsonl", null));
    }

    static ProvenanceBuilder.Checkout checkout(Provenance.Source source, Provenance.WorkingTree tree) {
        return new ProvenanceBuilder.Checkout() {
            @Override
            public Provenance.Source source() {
                return source;
            }

            @Override
            public Provenance.WorkingTree workingTree() {
                return tree;
            }
        };
    }

    ProvenanceBuilder.Request request(Map<String, String> userProperties) {
        Properties system = new Properties();
        system.setProperty("java.version", "21.0.5");
        system.setProperty("java.vendor", "Example");
        system.setProperty("os.name", "Linux");
        system.setProperty("os.arch", "amd64");
        return new ProvenanceBuilder.Request(produced, List.of(), folder, Map.of(), Instant.parse("2026-03-01T10:00:00Z"), List.of("verify"),
                List.of("release"), userProperties, PublicProperties.DEFAULT, "secure-build-maven-plugin", "0.1.0", "3.9.11", system,
                folder.resolve("target/demo-1.0.intoto.jsonl"));
    }

    private JsonNode statement(Path envelopeFile) throws Exception {
        Dsse.Envelope envelope = Dsse.readLines(envelopeFile).get(0);
        return JSON.readTree(envelope.payload());
    }

    @Test
    void writesASignedStatementOfTheProducedFilesButAnEarlierProvenance() throws Exception {
        ProvenanceBuilder.Written written = new ProvenanceBuilder(checkout(new Provenance.Source("git+https://example.org/demo", "abc123"),
                new Provenance.WorkingTree(List.of(), 0, 0, false)), CLOCK, KnownSecrets.NONE).write(request(Map.of()), signer, report);

        assertEquals(2, written.files());
        assertEquals(signer.fingerprint(), written.signer());
        assertTrue(Files.readString(written.output()).endsWith("}\n"), "one line");
        JsonNode statement = statement(written.output());
        assertEquals(List.of("demo-1.0.pom", "demo-1.0.jar"), List.of(statement.path("subject").get(0).path("name").asText(),
                statement.path("subject").get(1).path("name").asText()));
        JsonNode predicate = statement.path("predicate");
        assertEquals("3.9.11", predicate.path("buildDefinition").path("internalParameters").path("mavenVersion").asText());
        assertEquals("0.1.0", predicate.path("runDetails").path("builder").path("version").path("secure-build-maven-plugin").asText());
        assertEquals("2026-03-01T10:15:30Z", predicate.path("runDetails").path("metadata").path("finishedOn").asText());
        assertEquals("abc123", predicate.path("buildDefinition").path("externalParameters").path("source").path("digest").path("gitCommit").asText());
        assertEquals(List.of(), told, "a committed source is not worth a word");
        assertEquals("Signed provenance for 2 files with key " + signer.fingerprint() + "; sources committed", written.summary());
        assertEquals("Wrote provenance for 2 files (0 resolved dependencies and plugins) signed with key " + signer.fingerprint() + ": "
                + written.output() + " (attached as demo-1.0.intoto.jsonl)", written.message("demo-1.0.intoto.jsonl"));
    }

    @Test
    void uncommittedChangesAreRecordedAndWarnedOf() throws Exception {
        Provenance.WorkingTree dirty = new Provenance.WorkingTree(List.of("src/Main.java"), 1, 2, false);
        ProvenanceBuilder.Written written = new ProvenanceBuilder(checkout(null, dirty), CLOCK, KnownSecrets.NONE)
                .write(request(Map.of()), signer, report);

        assertEquals(1, told.size());
        assertEquals("WARN Built from a git working tree with uncommitted changes: " + dirty.describe() + ". The provenance records it "
                + "(externalParameters.workingTree); commit them for provenance that names the source", told.get(0));
        assertEquals("Signed provenance for 2 files with key " + signer.fingerprint() + "; built from uncommitted changes: " + dirty.describe(),
                written.summary());
        assertEquals(1, statement(written.output()).path("predicate").path("buildDefinition").path("externalParameters").path("workingTree")
                .path("modifiedFileCount").asInt());
    }

    @Test
    void withoutGitItSaysItCannotTell() throws Exception {
        ProvenanceBuilder.Written written = new ProvenanceBuilder(checkout(null, null), CLOCK, KnownSecrets.NONE).write(request(Map.of()), signer, report);
        assertEquals(List.of("INFO The provenance does not say whether the sources were committed: " + folder
                + " is not in a git work tree with a commit, or git is not installed"), told);
        assertTrue(written.summary().endsWith("; whether the sources were committed is unknown"), written.summary());
        assertEquals("Wrote provenance for 2 files (0 resolved dependencies and plugins) signed with key " + signer.fingerprint() + ": "
                + written.output(), written.message(null));
    }

    @Test
    void userPropertiesAreRecordedByNameUnlessPublic() throws Exception {
        ProvenanceBuilder.Written written = new ProvenanceBuilder(checkout(null, null), CLOCK, KnownSecrets.NONE)
                .write(request(Map.of("skipTests", "true", "deploy.password", "Hunter2")), signer, report);
        String payload = statement(written.output()).toString();
        assertFalse(payload.contains("Hunter2"), payload);
        JsonNode properties = statement(written.output()).path("predicate").path("buildDefinition").path("externalParameters").path("userProperties");
        assertEquals("[redacted]", properties.path("deploy.password").asText());
    }

    @Test
    void aFileThatCannotBeReadFailsSayingSo() throws Exception {
        Files.delete(folder.resolve("demo-1.0.jar"));
        ProvenanceException e = assertThrows(ProvenanceException.class,
                () -> new ProvenanceBuilder(checkout(null, null), CLOCK, KnownSecrets.NONE).write(request(Map.of()), signer, report));
        assertTrue(e.getMessage().startsWith("Cannot read a file to describe in the provenance: "), e.getMessage());
        assertTrue(e.getCause() != null);
    }

    @Test
    void anEarlierProvenanceIsNoSubject() {
        assertEquals(List.of("demo-1.0.pom", "demo-1.0.jar"), ProvenanceBuilder.subjects(produced).stream().map(ProducedFile::repositoryName).toList());
    }

    @Test
    void theBuiltProvenanceVerifies() throws Exception {
        ProvenanceBuilder.Written written = new ProvenanceBuilder(checkout(null, new Provenance.WorkingTree(List.of(), 0, 0, false)), CLOCK,
                KnownSecrets.NONE).write(request(Map.of()), signer, report);
        Files.writeString(written.output(), Files.readString(written.output(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        ProvenanceCheck.Passed passed = ProvenanceCheckTest.check(folder, written.output(), null, false, report)
                .verify(written.output(), ProvenanceCheckTest.trusting(), ProvenanceCheckTest.events(folder), () -> produced);
        assertEquals("Provenance verified: signed by " + signer.fingerprint() + ", 2 subject(s) match their files; sources committed", passed.summary());
    }
}
