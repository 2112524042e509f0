package dev.securebuild.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.MessageKey;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;

class ProvenanceVerifierTest {

    @TempDir
    Path folder;

    private PgpSigner signer;
    private PublicKeys known;
    private Set<String> trusted;
    private Path jar;
    private Path pom;

    @BeforeEach
    void setUp() throws Exception {
        signer = new PgpSigner(TestKeys.load(TestKeys.ed25519()), Clock.systemUTC());
        known = PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "trusted");
        known.addAll(PublicKeys.parse(TestKeys.ecdsaP256().armoredPublicKey(), "other"));
        trusted = Set.of(TestKeys.ed25519().fingerprint());
        jar = Files.writeString(folder.resolve("demo-1.0.jar"), "the jar");
        pom = Files.writeString(folder.resolve("demo-1.0.pom"), "<project/>");
    }

    @Test
    void aGoodProvenancePasses() throws Exception {
        ProvenanceVerifier.Result result = verifier().verify("demo-1.0.intoto.jsonl", List.of(envelope(signer)), Set.of("demo-1.0.jar", "demo-1.0.pom"));
        assertEquals(List.of(), result.failures());
        assertEquals(List.of("demo-1.0.pom", "demo-1.0.jar"), result.verifiedSubjects());
        assertEquals(Set.of(signer.fingerprint()), result.signedBy());
    }

    @Test
    void aChangedFileIsNamedWithBothDigests() throws Exception {
        Dsse.Envelope envelope = envelope(signer);
        String before256 = sha("SHA-256", jar);
        Files.writeString(jar, "another jar");
        ProvenanceVerifier.Result result = verifier().verify("demo-1.0.intoto.jsonl", List.of(envelope), Set.of());
        assertEquals(2, result.failures().size(), result.failures().toString());
        ProvenanceVerifier.Failure sha256 = result.failures().get(0);
        assertEquals("demo-1.0.jar", sha256.file());
        assertEquals("digest", sha256.check());
        assertEquals(before256, sha256.expected());
        assertEquals(sha("SHA-256", jar), sha256.actual());
        assertTrue(sha256.message().startsWith("demo-1.0.jar: SHA-256 of " + jar + " is " + sha("SHA-256", jar) + ", the provenance says " + before256),
                sha256.message());
        assertEquals("SHA-512", result.failures().get(1).message().split(" ")[1]);
        assertEquals(List.of("demo-1.0.pom"), result.verifiedSubjects());
    }

    @Test
    void aChangedPayloadOrAnUntrustedOrUnknownKeyFailsTheSignature() throws Exception {
        Dsse.Envelope good = envelope(signer);
        byte[] payload = new String(good.payload(), StandardCharsets.UTF_8).replace("\"verify\"", "\"deploy\"").getBytes(StandardCharsets.UTF_8);
        Dsse.Envelope changed = new Dsse.Envelope(good.payloadType(), payload, good.signatures());
        assertEquals(List.of("signature"), checks(verifier().verify("p", List.of(changed), Set.of())));
        assertTrue(verifier().verify("p", List.of(changed), Set.of()).failures().get(0).message()
                .contains("the signature by " + signer.fingerprint() + " does not verify"));

        PgpSigner other = new PgpSigner(TestKeys.load(TestKeys.ecdsaP256()), Clock.systemUTC());
        ProvenanceVerifier.Result untrusted = verifier().verify("p", List.of(envelope(other)), Set.of());
        assertEquals(List.of("signature"), checks(untrusted));
        assertTrue(untrusted.failures().get(0).message().contains("key " + other.fingerprint() + " is not trusted"), untrusted.failures().toString());

        PgpSigner stranger = new PgpSigner(TestKeys.load(TestKeys.rsa()), Clock.systemUTC());
        ProvenanceVerifier.Result unknown = verifier().verify("p", List.of(envelope(stranger)), Set.of());
        assertTrue(unknown.failures().get(0).message().contains("is not among the known keys"), unknown.failures().toString());
        // The digests are still checked and pass: the report says exactly what is wrong.
        assertEquals(List.of("demo-1.0.pom", "demo-1.0.jar"), unknown.verifiedSubjects());
    }

    @Test
    void aSignatureByATrustedKeyThatDoesNotVerifyFailsEvenBesideAGoodOne() throws Exception {
        Dsse.Envelope good = envelope(signer);
        Dsse.Signature signature = good.signatures().get(0);
        byte[] otherSig = Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, "{}".getBytes(StandardCharsets.UTF_8)).signatures().get(0).sig();
        Dsse.Envelope twice = new Dsse.Envelope(good.payloadType(), good.payload(), List.of(signature, new Dsse.Signature(signature.keyid(), otherSig)));
        ProvenanceVerifier.Result result = verifier().verify("p", List.of(twice), Set.of());
        assertEquals(List.of("signature"), checks(result));
        assertTrue(result.failures().get(0).message().startsWith("p: a signature by a trusted key does not verify, beside a good one: the signature by "
                + signer.fingerprint() + " does not verify"), result.failures().toString());
    }

    @Test
    void aSignatureByAnUnknownOrUntrustedKeyBesideAGoodOneDoesNotCountAndDoesNotFail() throws Exception {
        // DSSE: an envelope may carry signatures for other verifiers.
        Dsse.Envelope good = envelope(signer);
        PgpSigner other = new PgpSigner(TestKeys.load(TestKeys.ecdsaP256()), Clock.systemUTC());
        Dsse.Signature untrusted = Dsse.sign(other, Dsse.IN_TOTO_PAYLOAD_TYPE, good.payload()).signatures().get(0);
        Dsse.Signature unknown = new Dsse.Signature("0123456789ABCDEF0123456789ABCDEF01234567\n[INFO] BUILD SUCCESS", new byte[] {1, 2, 3});
        Dsse.Envelope envelope = new Dsse.Envelope(good.payloadType(), good.payload(), List.of(untrusted, good.signatures().get(0), unknown));
        ProvenanceVerifier.Result result = verifier().verify("p", List.of(envelope), Set.of());
        assertEquals(List.of(), result.failures());
        assertEquals(Set.of(signer.fingerprint()), result.signedBy());

        // Alone, they fail, and the keyid taken from the envelope is shown escaped.
        result = verifier().verify("p", List.of(new Dsse.Envelope(good.payloadType(), good.payload(), List.of(unknown))), Set.of());
        assertTrue(result.failures().get(0).message().contains("01234567\\n[INFO] BUILD SUCCESS is not among the known keys"),
                result.failures().toString());
        assertTrue(!result.failures().get(0).message().contains("\n"), "no line break from the input");
    }

    @Test
    void wrongTypesMissingFilesAndUncoveredOutputs() throws Exception {
        Dsse.Envelope good = envelope(signer);
        Dsse.Envelope wrongType = Dsse.sign(signer, "application/json", good.payload());
        ProvenanceVerifier.Result result = verifier().verify("p", List.of(wrongType), Set.of());
        assertEquals(List.of("payloadType"), checks(result));
        assertEquals("p: payloadType is 'application/json', expected 'application/vnd.in-toto+json'", result.failures().get(0).message());

        byte[] notSlsa = new String(good.payload(), StandardCharsets.UTF_8).replace("https://slsa.dev/provenance/v1", "https://slsa.dev/provenance/v0.2")
                .getBytes(StandardCharsets.UTF_8);
        result = verifier().verify("p", List.of(Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, notSlsa)), Set.of());
        assertEquals("p: predicateType is 'https://slsa.dev/provenance/v0.2', expected 'https://slsa.dev/provenance/v1'", result.failures().get(0).message());

        result = verifier().verify("p", List.of(Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, "{\"_type\":".getBytes(StandardCharsets.UTF_8))), Set.of());
        assertEquals(List.of("statement"), checks(result));
        assertTrue(result.failures().get(0).message().startsWith("p: the payload is not JSON (line 1, column "), result.failures().toString());

        Files.delete(jar);
        result = verifier().verify("p", List.of(good), Set.of("demo-1.0.pom", "demo-1.0-sources.jar"));
        assertEquals(List.of("missing", "uncovered"), checks(result));
        assertEquals("demo-1.0.jar: the provenance names it, but " + jar + " does not exist", result.failures().get(0).message());
        assertEquals("demo-1.0-sources.jar: the build produced it, but no subject of p names it", result.failures().get(1).message());
    }

    @Test
    void aDirtyWorkingTreeIsReportedAndFailsOnlyWhenACleanSourceIsRequired() throws Exception {
        Provenance.WorkingTree dirty = new Provenance.WorkingTree(List.of("src/App.java"), 1, 2, false);
        Dsse.Envelope envelope = envelope(signer, dirty);

        ProvenanceVerifier.Result lenient = verifier(false).verify("p", List.of(envelope), Set.of());
        assertEquals(List.of(), lenient.failures());
        assertEquals(1, lenient.sources().size());
        assertEquals(dirty, lenient.sources().get(0).tree());

        ProvenanceVerifier.Result strict = verifier(true).verify("p", List.of(envelope), Set.of());
        assertEquals(List.of("source"), checks(strict));
        assertEquals("p: built from a git working tree with uncommitted changes (1 tracked file differs from the commit (src/App.java),"
                + " 2 untracked files), and a clean source is required", strict.failures().get(0).message());

        Provenance.WorkingTree clean = new Provenance.WorkingTree(List.of(), 0, 0, false);
        ProvenanceVerifier.Result committed = verifier(true).verify("p", List.of(envelope(signer, clean)), Set.of());
        assertEquals(List.of(), committed.failures());
        assertTrue(committed.sources().get(0).tree().clean());
    }

    @Test
    void aProvenanceThatDoesNotSayIsUnknownAndFailsWhenACleanSourceIsRequired() throws Exception {
        ProvenanceVerifier.Result lenient = verifier(false).verify("p", List.of(envelope(signer)), Set.of());
        assertEquals(List.of(), lenient.failures());
        assertEquals(null, lenient.sources().get(0).tree());
        ProvenanceVerifier.Result strict = verifier(true).verify("p", List.of(envelope(signer)), Set.of());
        assertEquals(List.of("source"), checks(strict));
        assertTrue(strict.failures().get(0).message().startsWith("p: the provenance does not say whether its sources were committed"),
                strict.failures().toString());
    }

    @Test
    void aWorkingTreeRecordThatContradictsItselfOrHasTheWrongShapeIsRefused() throws Exception {
        String good = new String(envelope(signer, new Provenance.WorkingTree(List.of("a"), 1, 0, false)).payload(), StandardCharsets.UTF_8);
        for (String[] edit : new String[][] {
                {"\"clean\":false", "\"clean\":true"},
                {"\"clean\":false", "\"clean\":\"no\""},
                {"\"modifiedFileCount\":1", "\"modifiedFileCount\":-1"},
                {"\"modifiedFileCount\":1", "\"modifiedFileCount\":0"},
                {"\"modifiedFiles\":[\"a\"]", "\"modifiedFiles\":[1]"},
                {"\"untrackedFileCount\":0", "\"untrackedFileCount\":0,\"x\\nforged\":1"}}) {
            assertTrue(good.contains(edit[0]), edit[0] + " in " + good);
            byte[] payload = good.replace(edit[0], edit[1]).getBytes(StandardCharsets.UTF_8);
            ProvenanceVerifier.Result result = verifier(false).verify("p", List.of(Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, payload)), Set.of());
            assertEquals(List.of("statement"), checks(result), edit[1]);
            String message = result.failures().get(0).message();
            assertTrue(message.startsWith("p: predicate.buildDefinition.externalParameters.workingTree"), message);
            assertFalse(message.contains("\n"), message);
            assertEquals(List.of(), result.sources(), "a refused record is not read as any state");
        }
    }

    private ProvenanceVerifier verifier() {
        return verifier(false);
    }

    private ProvenanceVerifier verifier(boolean requireCleanSource) {
        return new ProvenanceVerifier(new ProvenanceVerifier.Keys() {
            @Override
            public MessageKey find(String keyid) throws SigningException {
                return known.messageKey(keyid).orElse(null);
            }

            @Override
            public boolean trusted(MessageKey key) {
                return trusted.contains(key.primaryFingerprint());
            }
        }, name -> folder.resolve(name), requireCleanSource);
    }

    private Dsse.Envelope envelope(PgpSigner by) throws Exception {
        return envelope(by, null);
    }

    private Dsse.Envelope envelope(PgpSigner by, Provenance.WorkingTree workingTree) throws Exception {
        Provenance provenance = new Provenance(
                Subjects.of(List.of(new Subjects.Named("demo-1.0.pom", pom), new Subjects.Named("demo-1.0.jar", jar))),
                new Provenance.ExternalParameters(List.of("verify"), List.of(), Map.of(), null, workingTree), Map.of(), List.of(),
                new Provenance.RunDetails(BuildEnvironment.LOCAL_BUILDER, Map.of(), "urn:uuid:x", Instant.EPOCH, Instant.EPOCH));
        return Dsse.sign(by, Dsse.IN_TOTO_PAYLOAD_TYPE, provenance.toJson());
    }

    private static List<String> checks(ProvenanceVerifier.Result result) {
        return result.failures().stream().map(ProvenanceVerifier.Failure::check).toList();
    }

    private static String sha(String algorithm, Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
    }
}
