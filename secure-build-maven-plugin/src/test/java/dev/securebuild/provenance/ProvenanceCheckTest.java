package dev.securebuild.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;
import dev.securebuild.shared.outputs.ProducedFile;
import dev.securebuild.shared.signer.pgp.TrustedKeys;
import dev.securebuild.shared.text.LogSink;

class ProvenanceCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final List<String> told = new ArrayList<>();
    private final LogSink report = LogSink.of(m -> told.add("INFO " + m), m -> told.add("WARN " + m), m -> told.add("ERROR " + m));
    private List<ProducedFile> produced;
    private PgpSigner signer;

    static TrustedKeys trusting() throws Exception {
        PublicKeys known = PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "trusted");
        return new TrustedKeys(known, Set.copyOf(known.primaryFingerprints()));
    }

    static EventLog events(Path folder) {
        return new EventLog(folder.resolve("events.jsonl"), Clock.systemUTC());
    }

    /** A check of a project's outputs ({@code directory} null) or of a folder's files. */
    static ProvenanceCheck check(Path base, Path provenanceFile, Path directory, boolean requireCleanSource, LogSink report) {
        return new ProvenanceCheck(new ProvenanceCheck.Request(directory == null, base, provenanceFile, null, directory, requireCleanSource,
                "org.example:demo"), report);
    }

    @BeforeEach
    void setUp() throws Exception {
        signer = new PgpSigner(TestKeys.load(TestKeys.ed25519()), Clock.systemUTC());
        produced = List.of(new ProducedFile(Files.writeString(folder.resolve("demo-1.0.jar"), "the jar"), "demo-1.0.jar", "jar", null));
    }

    private Path provenance(Provenance.WorkingTree tree) throws Exception {
        return new ProvenanceBuilder(ProvenanceBuilderTest.checkout(null, tree), Clock.systemUTC(), KnownSecrets.NONE)
                .write(new ProvenanceBuilder.Request(produced, List.of(), folder, Map.of(), null, List.of(), List.of(), Map.of(), PublicProperties.DEFAULT,
                        "secure-build-maven-plugin", "0.1.0", "3.9.11", new Properties(), folder.resolve("demo-1.0.intoto.jsonl")), signer,
                        LogSink.of(m -> {}, m -> {}, m -> {}))
                .output();
    }

    private JsonNode lastEvent() throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve("events.jsonl"));
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    @Test
    void withoutAProjectTheFolderOfTheFilesIsRequired() {
        ProvenanceCheck check = new ProvenanceCheck(new ProvenanceCheck.Request(false, folder, null, null, null, false, "-"), report);
        ProvenanceException e = assertThrows(ProvenanceException.class, check::locate);
        assertEquals("There is no project here: give the folder of the files to check with -Dsecure-build.directory=PATH (and the provenance "
                + "file with -Dsecure-build.provenanceFile=PATH when that folder holds more than one .intoto.jsonl)", e.getMessage());
    }

    @Test
    void withoutAProjectTheOneEnvelopeOfTheFolderIsChecked() throws Exception {
        Path downloads = Files.createDirectories(folder.resolve("downloads"));
        Path unresolvedDefault = Path.of("${project.basedir}/target/demo.intoto.jsonl");
        ProvenanceCheck check = new ProvenanceCheck(new ProvenanceCheck.Request(false, folder, unresolvedDefault, null, Path.of("downloads"), false, "-"),
                report);

        ProvenanceException none = assertThrows(ProvenanceException.class, check::locate);
        assertEquals("There is no .intoto.jsonl in " + downloads + ": give the one to check with -Dsecure-build.provenanceFile=PATH", none.getMessage());

        Files.writeString(downloads.resolve("b.intoto.jsonl"), "{}");
        assertEquals(downloads.resolve("b.intoto.jsonl"), check.locate());

        Files.writeString(downloads.resolve("a.intoto.jsonl"), "{}");
        ProvenanceException two = assertThrows(ProvenanceException.class, check::locate);
        assertEquals(downloads + " holds 2 provenance files (a.intoto.jsonl, b.intoto.jsonl): give the one to check with "
                + "-Dsecure-build.provenanceFile=PATH", two.getMessage());

        // A provenance file given by name is taken, from the folder Maven was started in.
        ProvenanceCheck given = new ProvenanceCheck(new ProvenanceCheck.Request(false, folder, Path.of("downloads/a.intoto.jsonl"),
                unresolvedDefault, Path.of("downloads"), false, "-"), report);
        assertEquals(downloads.resolve("a.intoto.jsonl"), given.locate());
    }

    @Test
    void aGoodProvenancePassesAndSaysSo() throws Exception {
        Path file = provenance(new Provenance.WorkingTree(List.of(), 0, 0, false));
        ProvenanceCheck check = check(folder, file, null, false, report);

        ProvenanceCheck.Passed passed = check.verify(check.locate(), trusting(), events(folder), () -> produced);

        assertEquals(List.of("INFO OK   demo-1.0.jar"), told);
        assertEquals(GoalResult.SourceTree.CLEAN, passed.sourceTree());
        assertEquals("Provenance " + file + " verified: signed by " + signer.fingerprint() + ", 1 subject(s) match their files", passed.message());
    }

    @Test
    void aChangedFileFailsWithEveryProblemAndEachIsRecorded() throws Exception {
        Path file = provenance(new Provenance.WorkingTree(List.of(), 0, 0, false));
        Files.writeString(folder.resolve("demo-1.0.jar"), "tampered", StandardCharsets.UTF_8);

        VerificationFailedException e = assertThrows(VerificationFailedException.class,
                () -> check(folder, file, null, false, report).verify(file, trusting(), events(folder), () -> produced));

        assertTrue(e.getMessage().startsWith("The provenance " + file + " failed verification (2 problems):\n  "), e.getMessage());
        assertEquals(2, e.getMessage().lines().count() - 1, "one line per problem");
        assertEquals(2, told.stream().filter(line -> line.startsWith("ERROR BAD  ")).count(), told.toString());
        assertEquals(ProvenanceCheck.EVENT_TYPE, lastEvent().get("type").asText());
        assertEquals("demo-1.0.jar", lastEvent().get("file").asText());
    }

    @Test
    void aMissingProvenanceFailsSayingToRunTheGoal() throws Exception {
        Path file = folder.resolve("demo-1.0.intoto.jsonl");
        VerificationFailedException e = assertThrows(VerificationFailedException.class,
                () -> check(folder, file, null, false, report).verify(file, trusting(), events(folder), () -> {
                    throw new IllegalStateException("the outputs are not asked for");
                }));
        assertEquals("There is no provenance file " + file + ": run the provenance goal first (bind it in the same or an earlier phase)", e.getMessage());
        assertEquals("missing", lastEvent().get("check").asText());
    }

    @Test
    void uncommittedChangesPassWithAWarningUnlessACleanSourceIsRequired() throws Exception {
        Path file = provenance(new Provenance.WorkingTree(List.of("src/Main.java"), 1, 0, false));

        ProvenanceCheck.Passed passed = check(folder, file, null, false, report).verify(file, trusting(), events(folder), () -> produced);
        assertEquals(GoalResult.SourceTree.DIRTY, passed.sourceTree());
        assertTrue(passed.summary().endsWith("; sources with uncommitted changes"), passed.summary());
        assertTrue(told.stream().anyMatch(line -> line.startsWith("WARN ") && line.endsWith("(-Dsecure-build.requireCleanSource=true refuses it)")),
                told.toString());

        VerificationFailedException e = assertThrows(VerificationFailedException.class,
                () -> check(folder, file, null, true, report).verify(file, trusting(), events(folder), () -> produced));
        assertTrue(e.getMessage().endsWith("\nA clean source is required by secure-build.requireCleanSource: build from a commit, or set it to false"),
                e.getMessage());
    }

    @Test
    void theLeastTrustworthySourceTreeCounts() {
        Provenance.WorkingTree clean = new Provenance.WorkingTree(List.of(), 0, 0, false);
        Provenance.WorkingTree dirty = new Provenance.WorkingTree(List.of(), 0, 1, false);
        assertEquals(GoalResult.SourceTree.UNKNOWN, ProvenanceCheck.sourceTree(List.of()));
        assertEquals(GoalResult.SourceTree.CLEAN, ProvenanceCheck.sourceTree(List.of(new ProvenanceVerifier.SourceState("a", clean))));
        assertEquals(GoalResult.SourceTree.UNKNOWN, ProvenanceCheck.sourceTree(List.of(new ProvenanceVerifier.SourceState("a", clean),
                new ProvenanceVerifier.SourceState("b", null))));
        assertEquals(GoalResult.SourceTree.DIRTY, ProvenanceCheck.sourceTree(List.of(new ProvenanceVerifier.SourceState("a", dirty),
                new ProvenanceVerifier.SourceState("b", null))));
    }

    @Test
    void aSubjectNamedByAPathIsNotLookedUp() {
        assertEquals(null, ProvenanceCheck.inFolder(folder, "../etc/passwd"));
        assertEquals(null, ProvenanceCheck.inFolder(folder, ".."));
        assertEquals(folder.resolve("demo-1.0.jar"), ProvenanceCheck.inFolder(folder, "demo-1.0.jar"));
    }
}
