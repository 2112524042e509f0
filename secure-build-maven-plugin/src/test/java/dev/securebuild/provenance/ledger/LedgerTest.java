package dev.securebuild.provenance.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.pgp.KeyGenerator;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;

class LedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    static Signer signer(KeyGenerator.GeneratedKey key) throws Exception {
        return new PgpSigner(TestKeys.load(key), Clock.systemUTC());
    }

    static LedgerVerifier verifierTrusting(KeyGenerator.GeneratedKey... keys) throws Exception {
        PublicKeys known = new PublicKeys();
        List<String> trusted = new ArrayList<>();
        for (KeyGenerator.GeneratedKey key : keys) {
            PublicKeys one = PublicKeys.parse(key.armoredPublicKey(), "test key");
            known.addAll(one);
            trusted.addAll(one.primaryFingerprints());
        }
        return new LedgerVerifier(known, trusted);
    }

    static Deployment deployment(String version) {
        Deployment.Module module = new Deployment.Module("org.example", "app", version, "jar",
                List.of(new Deployment.DeployedFile("app-" + version + ".jar", 42, "a".repeat(64), "b".repeat(128))),
                "0123456789ABCDEF0123456789ABCDEF01234567", null, null);
        return new Deployment(Instant.parse("2026-03-01T10:15:30.123Z"), new Deployment.Who("alice", "GITHUB_ACTOR"),
                new Deployment.Where("releases", "https://repo.example.org/releases"), List.of(module),
                Deployment.Configuration.of(List.of("release"), Map.of("skipTests", "true"), PublicProperties.of(PublicProperties.DEFAULT), List.of(),
                        name -> null),
                Verdicts.read(Path.of("does-not-exist"), Verdicts.NOT_RUN));
    }

    private Path ledgerWith(int records, Signer signer) throws Exception {
        Path file = folder.resolve("deployments.jsonl");
        Ledger ledger = new Ledger(file);
        for (int i = 1; i <= records; i++) {
            ledger.append(deployment("1." + i), signer);
        }
        return file;
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void eachRecordChainsToTheExactBytesOfTheLineBeforeAndTheLedgerVerifies() throws Exception {
        Path file = ledgerWith(3, signer(TestKeys.ed25519()));

        List<String> lines = lines(file);
        assertEquals(3, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(LedgerFormat.SCHEMA, first.get("schema").asText());
        assertEquals(1, first.get("sequence").asLong());
        assertTrue(first.get("previous").isNull());
        assertEquals("2026-03-01T10:15:30Z", first.get("time").asText());
        for (int i = 1; i < 3; i++) {
            JsonNode record = JSON.readTree(lines.get(i));
            assertEquals(i + 1, record.get("sequence").asLong());
            assertEquals(sha256(lines.get(i - 1)), record.get("previous").asText());
        }
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("schema", "sequence", "time", "who", "where", "what", "configuration", "verdicts", "previous", "signature"), fields);
        assertEquals("{\"findings\":\"not run\",\"signatures\":\"not run\",\"allowlist\":\"not run\",\"reproducible\":\"not run\"}",
                first.get("verdicts").toString());
        assertEquals(JSON.writeValueAsString(first), lines.get(0), "compact JSON: no whitespace between tokens");

        LedgerVerifier.Result result = verifierTrusting(TestKeys.ed25519()).verify(file);
        assertTrue(result.ok(), () -> result.problem().message());
        assertEquals(3, result.records());
        assertEquals(sha256(lines.get(2)), result.head());
        assertEquals(java.util.Set.of(TestKeys.ed25519().fingerprint()), result.signers());
    }

    /** The documented canonical form, checked as an independent script would: string operations and the JDK only. */
    @Test
    void theSignatureCoversTheLineWithTheSignatureFieldCutOff() throws Exception {
        Signer signer = signer(TestKeys.ed25519());
        String line = lines(ledgerWith(1, signer)).get(0);

        int at = line.lastIndexOf(",\"signature\":");
        String canonical = line.substring(0, at) + "}";
        JsonNode signature = JSON.readTree(line).get("signature");
        assertEquals(line.substring(at), ",\"signature\":" + JSON.writeValueAsString(signature) + "}");
        assertEquals(signer.fingerprint(), signature.get("keyid").asText());
        assertEquals("ed25519", signature.get("scheme").asText());
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(signer.messagePublicKey());
        jdk.update(canonical.getBytes(StandardCharsets.UTF_8));
        assertTrue(jdk.verify(Base64.getDecoder().decode(signature.get("sig").asText())));
        assertArrayEquals(canonical.getBytes(StandardCharsets.UTF_8), LedgerFormat.parse(line.getBytes(StandardCharsets.UTF_8)).canonical());
    }

    @ParameterizedTest
    @CsvSource({"RSA, rsa-pkcs1v15-sha256", "ECDSA, ecdsa-sha2-nistp256"})
    void recordsSignedWithRsaAndEcdsaKeysVerify(String type, String scheme) throws Exception {
        KeyGenerator.GeneratedKey key = type.equals("RSA") ? TestKeys.rsa() : TestKeys.ecdsaP256();
        Path file = ledgerWith(2, signer(key));
        assertEquals(scheme, JSON.readTree(lines(file).get(1)).path("signature").path("scheme").asText());
        assertTrue(verifierTrusting(key).verify(file).ok());
    }

    @Test
    void anEditedMiddleLineIsFoundByItsSignature() throws Exception {
        Path file = ledgerWith(3, signer(TestKeys.ed25519()));
        List<String> lines = lines(file);
        lines.set(1, lines.get(1).replace("\"1.2\"", "\"6.6\""));
        Files.write(file, lines, StandardCharsets.UTF_8);

        LedgerVerifier.Result result = verifierTrusting(TestKeys.ed25519()).verify(file);

        assertEquals(2, result.problem().line());
        assertEquals(LedgerVerifier.Kind.EDITED, result.problem().kind());
        assertTrue(result.problem().message().startsWith("line 2: edited: its content does not match its signature by "), result.problem().message());
        assertEquals(1, result.records());
    }

    @Test
    void aDeletedLineIsNamedWithTheMissingRecord() throws Exception {
        Path file = ledgerWith(4, signer(TestKeys.ed25519()));
        List<String> lines = lines(file);
        lines.remove(1);
        Files.write(file, lines, StandardCharsets.UTF_8);

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();

        assertEquals(new LedgerVerifier.Problem(2, LedgerVerifier.Kind.DELETED, "record 3 follows record 1: record 2 is missing"), problem);
    }

    @Test
    void aDeletedFirstLineIsFound() throws Exception {
        Path file = ledgerWith(4, signer(TestKeys.ed25519()));
        List<String> lines = lines(file);
        Files.write(file, lines.subList(2, 4), StandardCharsets.UTF_8);

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();

        assertEquals(new LedgerVerifier.Problem(1, LedgerVerifier.Kind.DELETED, "the ledger starts at record 3: records 1 to 2 are missing"), problem);
    }

    @Test
    void swappedLinesAreReordered() throws Exception {
        Path file = ledgerWith(3, signer(TestKeys.ed25519()));
        List<String> lines = lines(file);
        Files.write(file, List.of(lines.get(0), lines.get(2), lines.get(1)), StandardCharsets.UTF_8);

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();

        assertEquals(new LedgerVerifier.Problem(2, LedgerVerifier.Kind.REORDERED, "it holds record 3 where record 2 belongs; record 2 is on line 3"),
                problem);
    }

    @Test
    void aRecordFromAnotherLedgerInPlaceOfOneIsNotChained() throws Exception {
        Signer signer = signer(TestKeys.ed25519());
        Path file = ledgerWith(3, signer);
        Path other = folder.resolve("other.jsonl");
        new Ledger(other).append(deployment("9.1"), signer);
        new Ledger(other).append(deployment("9.2"), signer);
        List<String> lines = lines(file);
        lines.set(1, lines(other).get(1));
        Files.write(file, lines, StandardCharsets.UTF_8);

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();

        // Line 2 is well signed and numbered, but it chains to the other ledger's first line.
        assertEquals(2, problem.line());
        assertEquals(LedgerVerifier.Kind.REPLACED, problem.kind());
    }

    @Test
    void aRecordSignedByAKeyThatIsNotTrustedIsAnUnknownKey() throws Exception {
        Path file = ledgerWith(1, signer(TestKeys.ed25519()));
        new Ledger(file).append(deployment("2.0"), signer(TestKeys.rsa()), KnownSecrets.NONE, TestKeys.rsa().fingerprint());

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();

        assertEquals(2, problem.line());
        assertEquals(LedgerVerifier.Kind.UNKNOWN_KEY, problem.kind());
        assertEquals("signed by key " + TestKeys.rsa().fingerprint() + ", which no trusted certificate holds", problem.detail());
        // Trusting both, the same ledger verifies: the change of key is declared.
        assertTrue(verifierTrusting(TestKeys.ed25519(), TestKeys.rsa()).verify(file).ok());
    }

    @Test
    void aKnownButUntrustedCertificateIsAnUnknownKey() throws Exception {
        Path file = ledgerWith(1, signer(TestKeys.rsa()));
        PublicKeys known = PublicKeys.parse(TestKeys.rsa().armoredPublicKey(), "rsa");
        known.addAll(PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "ed"));

        LedgerVerifier.Problem problem = new LedgerVerifier(known, List.of(TestKeys.ed25519().fingerprint())).verify(file).problem();

        assertEquals(LedgerVerifier.Kind.UNKNOWN_KEY, problem.kind());
        assertTrue(problem.detail().endsWith(", which is not trusted"), problem.detail());
    }

    @Test
    void aSignatureWhoseSchemeDoesNotFitTheKeyIsABadSignature() throws Exception {
        Path file = ledgerWith(1, signer(TestKeys.ed25519()));
        String line = lines(file).get(0).replace("\"scheme\":\"ed25519\"", "\"scheme\":\"rsa-pkcs1v15-sha256\"");
        Files.writeString(file, line + "\n");

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();

        assertEquals(LedgerVerifier.Kind.BAD_SIGNATURE, problem.kind());
        assertEquals(1, problem.line());
    }

    @Test
    void aLineThatIsNotARecordIsMalformedWithWhatIsWrong() throws Exception {
        Path file = ledgerWith(2, signer(TestKeys.ed25519()));
        List<String> lines = lines(file);
        Files.write(file, List.of(lines.get(0), "{\"schema\":\"secure-build-ledger/1\",\"sequence\":2", lines.get(1)), StandardCharsets.UTF_8);

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();

        assertEquals(2, problem.line());
        assertEquals(LedgerVerifier.Kind.MALFORMED, problem.kind());
        assertTrue(problem.detail().startsWith("not a ledger record: it is not valid JSON"), problem.detail());
    }

    @Test
    void aSignatureWrittenWithSpacesIsNotCanonical() throws Exception {
        Path file = ledgerWith(1, signer(TestKeys.ed25519()));
        Files.writeString(file, lines(file).get(0).replace("\"signature\":{\"keyid\":", "\"signature\": {\"keyid\":") + "\n");

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();

        assertEquals(LedgerVerifier.Kind.MALFORMED, problem.kind());
        assertTrue(problem.detail().contains("canonical form"), problem.detail());
    }

    @Test
    void aDuplicatedFieldIsMalformedRatherThanSilentlyOverwritten() throws Exception {
        Path file = ledgerWith(1, signer(TestKeys.ed25519()));
        Files.writeString(file, lines(file).get(0).replace("{\"schema\":", "{\"sequence\":7,\"schema\":") + "\n");

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();

        assertEquals(LedgerVerifier.Kind.MALFORMED, problem.kind());
        assertTrue(problem.detail().contains("Duplicate field 'sequence'"), problem.detail());
    }

    @Test
    void aLastLineWithoutLineEndIsIncompleteAndNothingIsAppendedAfterIt() throws Exception {
        Signer signer = signer(TestKeys.ed25519());
        Path file = ledgerWith(2, signer);
        byte[] content = Files.readAllBytes(file);
        byte[] cut = java.util.Arrays.copyOf(content, content.length - 1);
        Files.write(file, cut);

        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519()).verify(file).problem();
        assertEquals(2, problem.line());
        assertEquals(LedgerVerifier.Kind.INCOMPLETE, problem.kind());

        LedgerFormatException refused = assertThrows(LedgerFormatException.class, () -> new Ledger(file).append(deployment("3.0"), signer));
        assertTrue(refused.getMessage().contains("does not end with a line end"), refused.getMessage());
        assertArrayEquals(cut, Files.readAllBytes(file), "the ledger is left as it was");
    }

    @Test
    void appendingAfterALastLineThatIsNotARecordIsRefused() throws Exception {
        Signer signer = signer(TestKeys.ed25519());
        Path file = ledgerWith(1, signer);
        Files.writeString(file, "not json\n", java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file);

        LedgerFormatException refused = assertThrows(LedgerFormatException.class, () -> new Ledger(file).append(deployment("3.0"), signer));

        assertTrue(refused.getMessage().startsWith("The last line of the ledger " + file + " is not a record: it is not valid JSON"),
                refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aLongLastLineIsReadBackWhole() throws Exception {
        Signer signer = signer(TestKeys.ed25519());
        Path file = folder.resolve("long.jsonl");
        Map<String, String> many = new java.util.TreeMap<>();
        for (int i = 0; i < 2000; i++) {
            many.put("property." + i, "value " + i);
        }
        Deployment big = new Deployment(Instant.now(), new Deployment.Who("bob", "user.name"), new Deployment.Where("r", "file:repo"),
                List.of(), Deployment.Configuration.of(List.of(), many, PublicProperties.of("*"), List.of(), n -> null), Map.of());
        new Ledger(file).append(big, signer);
        new Ledger(file).append(big, signer);
        assertTrue(Files.size(file) > 3 * 8192);
        assertTrue(verifierTrusting(TestKeys.ed25519()).verify(file).ok());
    }

    @Test
    void parallelAppendsFromManyThreadsMakeOneUnbrokenChain() throws Exception {
        Signer signer = signer(TestKeys.ed25519());
        Path file = folder.resolve("parallel.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        // A Ledger per call, as each module's mojo makes its own.
                        new Ledger(file).append(deployment(thread + "." + i), signer);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        LedgerVerifier.Result result = verifierTrusting(TestKeys.ed25519()).verify(file);
        assertTrue(result.ok(), () -> result.problem().message());
        assertEquals(40, result.records());
    }

    @Test
    void anEmptyLedgerHasNoRecordsAndNoHead() throws Exception {
        Path file = Files.createFile(folder.resolve("empty.jsonl"));
        LedgerVerifier.Result result = verifierTrusting(TestKeys.ed25519()).verify(file);
        assertTrue(result.ok());
        assertEquals(0, result.records());
        assertNull(result.head());
    }

    @Test
    void aMissingLedgerIsAnErrorNamingThePath() {
        Path missing = folder.resolve("nope.jsonl");
        Exception e = assertThrows(java.nio.file.NoSuchFileException.class, () -> verifierTrusting(TestKeys.ed25519()).verify(missing));
        assertTrue(e.getMessage().contains(missing.toString()));
    }

    static String sha256(String line) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherKeyIsRefusedUntilNewKeyNamesItAndTheRecordThenDeclaresTheChange() throws Exception {
        Path file = ledgerWith(1, signer(TestKeys.ed25519()));
        String ed = TestKeys.ed25519().fingerprint();
        String rsa = TestKeys.rsa().fingerprint();
        byte[] before = Files.readAllBytes(file);

        KeyChangeRefusedException silent = assertThrows(KeyChangeRefusedException.class,
                () -> new Ledger(file).append(deployment("2.0"), signer(TestKeys.rsa()), KnownSecrets.NONE, null));
        assertEquals("its records are signed by key " + ed + " (the last one, #1), and this record would be signed by key " + rsa
                + "; a change of the ledger's key must be declared", silent.getMessage());
        assertEquals(ed, silent.ledgerKey());
        assertEquals(rsa, silent.signingKey());
        KeyChangeRefusedException other = assertThrows(KeyChangeRefusedException.class,
                () -> new Ledger(file).append(deployment("2.0"), signer(TestKeys.rsa()), KnownSecrets.NONE, ed));
        assertEquals("the new key named is " + ed + ", but the record would be signed by key " + rsa, other.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "nothing appended");

        // Named as gpg prints it (lower case, in groups): the change is recorded in the record the new key signs.
        String spaced = rsa.toLowerCase(java.util.Locale.ROOT).replaceAll("(.{4})", "$1 ").strip();
        new Ledger(file).append(deployment("2.0"), signer(TestKeys.rsa()), KnownSecrets.NONE, spaced);
        new Ledger(file).append(deployment("3.0"), signer(TestKeys.rsa()), KnownSecrets.NONE, null);
        List<String> lines = lines(file);
        JsonNode rotation = JSON.readTree(lines.get(1)).get("keyRotation");
        assertEquals(ed, rotation.get("previous").asText());
        assertEquals(rsa, rotation.get("next").asText());
        assertNull(JSON.readTree(lines.get(2)).get("keyRotation"), "the key no longer changes");
        LedgerVerifier.Result result = verifierTrusting(TestKeys.ed25519(), TestKeys.rsa()).verify(file);
        assertTrue(result.ok(), String.valueOf(result.problem()));
        assertEquals(3, result.records());
    }

    /** Appends a line as a writer other than record-deployment could: signed by {@code signer}, declaring {@code rotation}. */
    private static void appendRaw(Path file, String version, Signer signer, LedgerFormat.KeyRotation rotation) throws Exception {
        List<String> lines = lines(file);
        String last = lines.get(lines.size() - 1);
        byte[] canonical = LedgerFormat.canonical(deployment(version), lines.size() + 1, LedgerFormat.hash(last.getBytes(StandardCharsets.UTF_8)),
                rotation);
        byte[] line = LedgerFormat.line(canonical, new LedgerFormat.Signature(signer.fingerprint(), signer.messageScheme(),
                signer.signMessage(canonical)));
        Files.write(file, (new String(line, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void aLineSignedByAnotherTrustedKeyWithoutDeclaringTheChangeIsNamed() throws Exception {
        Path file = ledgerWith(2, signer(TestKeys.ed25519()));
        appendRaw(file, "3.0", signer(TestKeys.rsa()), null);

        LedgerVerifier.Result result = verifierTrusting(TestKeys.ed25519(), TestKeys.rsa()).verify(file);

        assertEquals(2, result.records());
        assertEquals(3, result.problem().line());
        assertEquals(LedgerVerifier.Kind.KEY_CHANGED, result.problem().kind());
        assertEquals("signed by key " + TestKeys.rsa().fingerprint() + ", but line 2 by key " + TestKeys.ed25519().fingerprint()
                + ", and it declares no change of key (keyRotation): a record signed with another trusted key was added", result.problem().detail());
    }

    @Test
    void aDeclaredChangeOfKeyMustBeTheOneMade() throws Exception {
        String ed = TestKeys.ed25519().fingerprint();
        String rsa = TestKeys.rsa().fingerprint();
        Path file = ledgerWith(1, signer(TestKeys.ed25519()));
        appendRaw(file, "2.0", signer(TestKeys.rsa()), new LedgerFormat.KeyRotation(rsa, rsa));
        assertEquals(LedgerVerifier.Kind.KEY_CHANGED, verifierTrusting(TestKeys.ed25519(), TestKeys.rsa()).verify(file).problem().kind());

        Path same = folder.resolve("same.jsonl");
        new Ledger(same).append(deployment("1.0"), signer(TestKeys.ed25519()));
        appendRaw(same, "2.0", signer(TestKeys.ed25519()), new LedgerFormat.KeyRotation(ed, rsa));
        LedgerVerifier.Problem problem = verifierTrusting(TestKeys.ed25519(), TestKeys.rsa()).verify(same).problem();
        assertEquals(LedgerVerifier.Kind.KEY_CHANGED, problem.kind());
        assertEquals("it declares a change of key from " + ed + " to " + rsa + ", but it is signed by key " + ed + " and line 1 by key " + ed,
                problem.detail());
    }

    @Test
    void aSecretOfTheBuildIsReplacedBeforeTheRecordIsSigned() throws Exception {
        Path file = folder.resolve("deployments.jsonl");
        new Ledger(file).append(deployment("1.0"), signer(TestKeys.ed25519()), KnownSecrets.empty().add("repo.example.org"), null);

        String line = lines(file).get(0);
        assertFalse(line.contains("repo.example.org"), line);
        assertEquals("https://[redacted]/releases", JSON.readTree(line).get("where").get("url").asText());
        assertTrue(verifierTrusting(TestKeys.ed25519()).verify(file).ok(), "the signature covers the redacted record");
    }
}
