package dev.securebuild.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SignatureVerifier;
import dev.securebuild.shared.signer.pgp.TestKeys;
import dev.securebuild.shared.outputs.ProducedFile;

class HashAndSignTest {

    @TempDir
    Path folder;

    private Path out() {
        return folder.resolve("out");
    }

    private HashAndSign.Options options(SummaryFormat format, DigestAlgorithm... algorithms) {
        return new HashAndSign.Options(EnumSet.of(algorithms[0], algorithms), format, out(), 2);
    }

    private ProducedFile produced(String name, String repositoryName, String extension, String classifier, int size) throws IOException {
        byte[] content = new byte[size];
        new Random(name.hashCode()).nextBytes(content);
        return new ProducedFile(Files.write(folder.resolve(name), content), repositoryName, extension, classifier);
    }

    private static Signer signer() {
        try {
            return new PgpSigner(TestKeys.load(TestKeys.ed25519()), Clock.systemUTC());
        } catch (SigningException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void signsAndHashesEveryFileAndEveryOutputChecksOut() throws Exception {
        List<ProducedFile> files = List.of(
                produced("pom.xml", "demo-1.0.pom", "pom", null, 1200),
                produced("demo.jar", "demo-1.0.jar", "jar", null, 700_000),
                produced("demo-sources.jar", "demo-1.0-sources.jar", "jar", "sources", 3000));

        HashAndSign engine = new HashAndSign(options(SummaryFormat.GNU, DigestAlgorithm.SHA256, DigestAlgorithm.SHA512,
                DigestAlgorithm.SHA1, DigestAlgorithm.MD5));
        List<SignedFile> results = engine.run(files, HashAndSignTest::signer);

        assertEquals(3, results.size());
        assertEquals("Signed and hashed 3 files (MD5, SHA-1, SHA-256, SHA-512) with key " + signer().fingerprint()
                + ", every signature verified in " + out(), engine.summary(results));
        PublicKeys keys = PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "test");
        for (SignedFile result : results) {
            byte[] content = Files.readAllBytes(result.produced().file());
            for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
                Path sidecar = out().resolve(result.produced().repositoryName() + "." + algorithm.extension());
                assertEquals(sidecar, result.sidecars().get(algorithm));
                // Repository format: lowercase hex, nothing else.
                assertEquals(hex(algorithm, content), Files.readString(sidecar));
            }
            assertEquals(out().resolve(result.produced().repositoryName() + ".asc"), result.signature());
            SignatureVerifier.Outcome outcome = new SignatureVerifier().verify(Files.readAllBytes(result.signature()),
                    Files.newInputStream(result.produced().file()), keys);
            assertEquals(SignatureVerifier.Status.VALID, outcome.status(), outcome.detail());
        }
        String expectedSummary = "%s  demo-1.0-sources.jar\n%s  demo-1.0.jar\n%s  demo-1.0.pom\n".formatted(
                hex(DigestAlgorithm.SHA256, Files.readAllBytes(folder.resolve("demo-sources.jar"))),
                hex(DigestAlgorithm.SHA256, Files.readAllBytes(folder.resolve("demo.jar"))),
                hex(DigestAlgorithm.SHA256, Files.readAllBytes(folder.resolve("pom.xml"))));
        assertEquals(expectedSummary, Files.readString(out().resolve("SHA256SUMS")));
        assertTrue(Files.isRegularFile(out().resolve("MD5SUMS")));
    }

    @Test
    void theKeyIsLoadedOnTheCallingThreadWhileTheFilesAreReadAndSignsThemAll() throws Exception {
        List<ProducedFile> files = producedFiles("f", 6, 200_000);
        Thread caller = Thread.currentThread();
        HashAndSign engine = new HashAndSign(options(SummaryFormat.NONE, DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));

        List<SignedFile> results = engine.run(files, () -> {
            assertEquals(caller, Thread.currentThread(), "the calling thread loads the key; the workers read meanwhile");
            return signer();
        });

        assertEquals(6, results.size());
        assertEquals("Signed and hashed 6 files (SHA-256, SHA-512) with key " + signer().fingerprint()
                + ", every signature verified in " + out(), engine.summary(results));
        assertEverySignatureVerifies(results);
    }

    @Test
    void filesHashedBeforeTheKeyIsThereWaitWithoutOutputsAndAreSignedInTheirOrder() throws Exception {
        List<ProducedFile> files = producedFiles("g", 5, 50_000);
        HashAndSign engine = new HashAndSign(options(SummaryFormat.NONE, DigestAlgorithm.SHA256));

        List<SignedFile> results = engine.run(files, () -> {
            Thread.sleep(300);   // the workers hash the files meanwhile, and must write nothing yet
            assertFalse(Files.exists(out()) && !listing(out()).isEmpty(), "no output before the key is there");
            return signer();
        });

        assertEquals(files, results.stream().map(SignedFile::produced).toList());
        for (SignedFile result : results) {
            assertEquals(hex(DigestAlgorithm.SHA256, Files.readAllBytes(result.produced().file())),
                    Files.readString(result.sidecars().get(DigestAlgorithm.SHA256)));
        }
        assertEverySignatureVerifies(results);
    }

    private List<ProducedFile> producedFiles(String prefix, int count, int size) throws IOException {
        List<ProducedFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(produced(prefix + i + ".bin", "demo-1.0-" + prefix + i + ".bin", "bin", prefix + i, size));
        }
        return files;
    }

    /** Checked as verify-signatures checks: the file read again, the signature against the test key's certificate. */
    private static void assertEverySignatureVerifies(List<SignedFile> results) throws Exception {
        PublicKeys keys = PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "test");
        for (SignedFile result : results) {
            SignatureVerifier.Outcome outcome = new SignatureVerifier().verify(Files.readAllBytes(result.signature()),
                    Files.newInputStream(result.produced().file()), keys);
            assertEquals(SignatureVerifier.Status.VALID, outcome.status(), outcome.detail());
        }
    }

    @Test
    void aKeyThatCannotBeLoadedFailsOnceAsTheLoaderSaidAndNothingIsWritten() throws Exception {
        List<ProducedFile> files = producedFiles("f", 8, 100_000);
        IOException wrongPassphrase = new IOException("the passphrase does not unlock key ABCD");
        HashAndSign engine = new HashAndSign(options(SummaryFormat.GNU, DigestAlgorithm.SHA256));

        IOException thrown = assertThrows(IOException.class, () -> engine.run(files, () -> {
            Thread.sleep(50);   // the workers have begun reading
            throw wrongPassphrase;
        }));

        assertEquals(wrongPassphrase, thrown, "the loader's own failure, once, not one per file");
        assertEquals(0, thrown.getSuppressed().length);
        assertFalse(Files.exists(out()) && !listing(out()).isEmpty(), "no signature, sidecar or summary without a key");
    }

    @Test
    void bsdSummaryLines() throws Exception {
        ProducedFile jar = produced("a.jar", "a-1.jar", "jar", null, 10);
        new HashAndSign(options(SummaryFormat.BSD, DigestAlgorithm.SHA512)).run(List.of(jar));
        assertEquals("SHA512 (a-1.jar) = " + hex(DigestAlgorithm.SHA512, Files.readAllBytes(jar.file())) + "\n",
                Files.readString(out().resolve("SHA512SUMS")));
    }

    @Test
    void checksumsOnlyWritesNoSignatureAndNoSummaryByDefault() throws Exception {
        ProducedFile jar = produced("a.jar", "a-1.jar", "jar", null, 10);
        HashAndSign engine = new HashAndSign(options(SummaryFormat.NONE, DigestAlgorithm.SHA256));
        List<SignedFile> results = engine.run(List.of(jar));
        assertNull(results.get(0).signature());
        assertEquals("Hashed 1 file (SHA-256) in " + out(), engine.summary(results));
        assertEquals(List.of("a-1.jar.sha256"), listing(out()));
    }

    @Test
    void aRunWithFewerAlgorithmsRemovesTheSidecarsAndSummariesOfTheOthers() throws Exception {
        ProducedFile jar = produced("a.jar", "a-1.jar", "jar", null, 10);
        Files.createDirectories(out());
        Files.writeString(out().resolve("unrelated.txt"), "not ours");
        new HashAndSign(options(SummaryFormat.GNU, DigestAlgorithm.SHA256, DigestAlgorithm.SHA1)).run(List.of(jar));
        assertEquals(List.of("SHA1SUMS", "SHA256SUMS", "a-1.jar.sha1", "a-1.jar.sha256", "unrelated.txt"), listing(out()));

        new HashAndSign(options(SummaryFormat.NONE, DigestAlgorithm.SHA256)).run(List.of(jar));
        assertEquals(List.of("a-1.jar.sha256", "unrelated.txt"), listing(out()));
    }

    @Test
    void signaturesAndChecksumsAreNeverInputsAndTheSameFileCountsOnce() throws Exception {
        ProducedFile pom = produced("pom.xml", "p-1.pom", "pom", null, 10);
        ProducedFile samePomAsMainArtifact = new ProducedFile(pom.file(), "p-1.pom", "pom", null);
        ProducedFile asc = produced("p.pom.asc", "p-1.pom.asc", "pom.asc", null, 10);
        ProducedFile sha = produced("x.sha512", "x-1.jar.sha512", "jar.sha512", null, 10);

        List<SignedFile> results = new HashAndSign(options(SummaryFormat.NONE, DigestAlgorithm.SHA256))
                .run(List.of(pom, samePomAsMainArtifact, asc, sha), HashAndSignTest::signer);

        assertEquals(1, results.size());
        assertEquals(List.of("p-1.pom.asc", "p-1.pom.sha256"), listing(out()));
    }

    @Test
    void aMissingFileIsNamedAndTheOthersAreStillReported() throws Exception {
        ProducedFile good = produced("a.jar", "a-1.jar", "jar", null, 10);
        ProducedFile missing = new ProducedFile(folder.resolve("gone.jar"), "a-1-extra.jar", "jar", "extra");
        ProcessingException e = assertThrows(ProcessingException.class,
                () -> new HashAndSign(options(SummaryFormat.NONE, DigestAlgorithm.SHA256)).run(List.of(good, missing), HashAndSignTest::signer));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains(folder.resolve("gone.jar") + " does not exist"), e.getMessage());
        assertEquals(List.of(folder.resolve("gone.jar") + " does not exist"), e.problems());
    }

    @Test
    void aSignatureThatDoesNotVerifyIsNeverWritten() throws Exception {
        ProducedFile jar = produced("a.jar", "a-1.jar", "jar", null, 1000);
        Signer real = signer();
        Signer broken = new Signer() {
            @Override
            public byte[] sign(java.security.MessageDigest documentSha512) throws SigningException {
                java.security.MessageDigest other = DigestAlgorithm.SHA512.newMessageDigest();
                other.update("other bytes than the file's".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return real.sign(other);
            }

            @Override
            public String fingerprint() {
                return real.fingerprint();
            }

            @Override
            public byte[] armoredPublicKey() {
                return real.armoredPublicKey();
            }

            @Override
            public byte[] signMessage(byte[] message) throws SigningException {
                return real.signMessage(message);
            }

            @Override
            public String messageScheme() {
                return real.messageScheme();
            }

            @Override
            public java.security.PublicKey messagePublicKey() {
                return real.messagePublicKey();
            }
        };
        ProcessingException e = assertThrows(ProcessingException.class,
                () -> new HashAndSign(options(SummaryFormat.NONE, DigestAlgorithm.SHA256)).run(List.of(jar), () -> broken));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
        assertFalse(Files.exists(out().resolve("a-1.jar.asc")));
    }

    @Test
    void anUnwritableOutputIsAnErrorNamingIt() throws Exception {
        Files.writeString(out(), "a file where the output folder should be");
        ProducedFile jar = produced("a.jar", "a-1.jar", "jar", null, 10);
        ProcessingException e = assertThrows(ProcessingException.class,
                () -> new HashAndSign(options(SummaryFormat.NONE, DigestAlgorithm.SHA256)).run(List.of(jar)));
        assertTrue(e.getMessage().contains(out().resolve("a-1.jar.sha256").toString()), e.getMessage());
    }

    private static String hex(DigestAlgorithm algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.jcaName()).digest(content));
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
