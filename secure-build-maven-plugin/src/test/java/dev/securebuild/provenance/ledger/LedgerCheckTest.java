package dev.securebuild.provenance.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.shared.text.LogSink;
import dev.securebuild.provenance.VerificationFailedException;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.pgp.KeyGenerator;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;
import dev.securebuild.shared.signer.pgp.TrustedKeys;

class LedgerCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final List<String> told = new ArrayList<>();
    private final Signer signer;
    private final LogSink report = LogSink.of(m -> told.add("INFO " + m), m -> told.add("WARN " + m), m -> told.add("ERROR " + m));

    LedgerCheckTest() throws Exception {
        signer = LedgerTest.signer(TestKeys.ed25519());
    }

    private static LedgerCheck trusting(KeyGenerator.GeneratedKey key) throws Exception {
        PublicKeys known = PublicKeys.parse(key.armoredPublicKey(), "test key");
        return new LedgerCheck(new TrustedKeys(known, Set.copyOf(known.primaryFingerprints())));
    }

    private EventLog events() {
        return new EventLog(folder.resolve("events.jsonl"), Clock.systemUTC());
    }

    private String lastEvent(String field) throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve("events.jsonl"));
        return JSON.readTree(lines.get(lines.size() - 1)).path(field).asText();
    }

    private Path twoRecords() throws Exception {
        Path file = folder.resolve("deployments.jsonl");
        new Ledger(file).append(LedgerTest.deployment("1.0"), signer);
        new Ledger(file).append(LedgerTest.deployment("1.1"), signer);
        return file;
    }

    @Test
    void aChainedSignedLedgerVerifiesAndIsRecorded() throws Exception {
        Path file = twoRecords();

        LedgerVerifier.Result result = trusting(TestKeys.ed25519()).verify(file, events(), "org.example:app", report);

        assertEquals(2, result.records());
        assertEquals(1, told.size());
        assertTrue(told.get(0).startsWith("INFO The ledger " + file + " verifies: 2 record(s), numbered in order, each chained to the one before "
                + "and signed by a trusted key (" + signer.fingerprint() + "); SHA-256 of the last record "), told.get(0));
        assertEquals("ledger.verified", lastEvent("type"));
        assertEquals("2 record(s) verified", lastEvent("message"));
    }

    @Test
    void anEditedLineFailsNamingItAndWhatStillVerifies() throws Exception {
        Path file = twoRecords();
        Files.writeString(file, Files.readString(file).replace("\"1.1\"", "\"6.6\""), StandardCharsets.UTF_8);

        VerificationFailedException e = assertThrows(VerificationFailedException.class,
                () -> trusting(TestKeys.ed25519()).verify(file, events(), "org.example:app", report));

        assertTrue(e.getMessage().startsWith("The ledger " + file + " is broken at line 2"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (lines 1 to 1 verify)"), e.getMessage());
        assertTrue(told.get(0).startsWith("ERROR The ledger " + file + " is broken at line 2"), told.toString());
        assertEquals("ledger.broken", lastEvent("type"));
    }

    @Test
    void aMissingLedgerFailsAndIsRecorded() throws Exception {
        Path file = folder.resolve("none.jsonl");
        VerificationFailedException e = assertThrows(VerificationFailedException.class,
                () -> trusting(TestKeys.ed25519()).verify(file, events(), "-", report));
        assertEquals("There is no ledger at " + file + ": give its path with -Dsecure-build.ledger=PATH", e.getMessage());
        assertEquals("missing", lastEvent("problem"));
        assertEquals("ledger.broken", lastEvent("type"));
    }

    @Test
    void anEmptyLedgerVerifiesWithAWarning() throws Exception {
        Path file = Files.createFile(folder.resolve("deployments.jsonl"));
        trusting(TestKeys.ed25519()).verify(file, events(), "-", report);
        assertEquals(List.of("WARN The ledger " + file + " is empty: nothing to verify"), told);
    }
}
