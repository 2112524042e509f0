package dev.securebuild.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;
import dev.securebuild.shared.outputs.ProducedFile;

class ArtifactVerifierTest {

    @TempDir
    Path folder;

    private PublicKeys known;
    private Set<String> trusted;

    @BeforeEach
    void signAFolderOfFiles() throws Exception {
        List<ProducedFile> files = List.of(
                new ProducedFile(Files.writeString(folder.resolve("lib-1.0.jar"), "jar bytes"), "lib-1.0.jar", "jar", null),
                new ProducedFile(Files.writeString(folder.resolve("lib-1.0.pom"), "<project/>"), "lib-1.0.pom", "pom", null));
        // Outputs next to the files, as in a repository folder.
        new HashAndSign(new HashAndSign.Options(EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512), SummaryFormat.GNU, folder, 2))
                .run(files, () -> new PgpSigner(TestKeys.load(TestKeys.ed25519()), Clock.systemUTC()));
        known = PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "test");
        trusted = Set.of(TestKeys.ed25519().fingerprint());
    }

    private Map<String, ArtifactVerifier.Line> verify(PublicKeys keys, Set<String> trustedKeys, boolean requireChecksums) throws IOException {
        return new ArtifactVerifier(keys, trustedKeys, requireChecksums, 2).verify(VerificationTargets.inDirectory(folder)).stream()
                .collect(Collectors.toMap(ArtifactVerifier.Line::name, Function.identity()));
    }

    @Test
    void signedFilesWithMatchingChecksumsAreOk() throws Exception {
        Map<String, ArtifactVerifier.Line> lines = verify(known, trusted, true);
        assertEquals(Set.of("lib-1.0.jar", "lib-1.0.pom"), lines.keySet(), "signatures, sidecars and summaries are not targets themselves");
        lines.values().forEach(line -> assertEquals(ArtifactVerifier.Status.OK, line.status(), line.toString()));
        assertTrue(lines.get("lib-1.0.jar").toString().startsWith("OK"));
        assertTrue(lines.get("lib-1.0.jar").detail().contains("SHA-256, SHA-512 match"), lines.get("lib-1.0.jar").detail());
    }

    @Test
    void aFileChangedAfterSigningIsBadForItsSignatureAndItsChecksums() throws Exception {
        Files.writeString(folder.resolve("lib-1.0.jar"), "jar bytes, changed");
        ArtifactVerifier.Line line = verify(known, trusted, false).get("lib-1.0.jar");
        assertEquals(ArtifactVerifier.Status.BAD, line.status());
        assertTrue(line.detail().startsWith("signature does not match the file"), line.detail());
        assertTrue(line.detail().contains("SHA-256 is "), line.detail());
        assertTrue(line.toString().startsWith("BAD"));
    }

    @Test
    void aChangedSidecarAloneIsBad() throws Exception {
        Files.writeString(folder.resolve("lib-1.0.pom.sha512"), "0".repeat(128));
        ArtifactVerifier.Line line = verify(known, trusted, false).get("lib-1.0.pom");
        assertEquals(ArtifactVerifier.Status.BAD, line.status());
        assertTrue(line.detail().contains("sidecar and summary disagree"), line.detail());
    }

    @Test
    void anUnsignedFileIsMissingAndAFileListedButAbsentToo() throws Exception {
        Files.writeString(folder.resolve("extra.txt"), "nobody signed me");
        Files.delete(folder.resolve("lib-1.0.pom"));
        Map<String, ArtifactVerifier.Line> lines = verify(known, trusted, false);
        assertEquals(ArtifactVerifier.Status.MISSING, lines.get("extra.txt").status());
        assertTrue(lines.get("extra.txt").detail().startsWith("no signature"), lines.get("extra.txt").detail());
        assertEquals(ArtifactVerifier.Status.MISSING, lines.get("lib-1.0.pom").status());
        assertTrue(lines.get("lib-1.0.pom").detail().contains("does not exist"));
    }

    @Test
    void aGoodSignatureByAKeyNotTrustedIsUntrusted() throws Exception {
        Map<String, ArtifactVerifier.Line> lines = verify(known, Set.of(TestKeys.rsa().fingerprint()), false);
        ArtifactVerifier.Line line = lines.get("lib-1.0.jar");
        assertEquals(ArtifactVerifier.Status.UNTRUSTED_KEY, line.status());
        assertTrue(line.toString().startsWith("UNTRUSTED KEY"), line.toString());
        assertTrue(line.detail().contains("not trusted"), line.detail());

        PublicKeys onlyOther = PublicKeys.parse(TestKeys.rsa().armoredPublicKey(), "test");
        ArtifactVerifier.Line unknown = verify(onlyOther, Set.of(TestKeys.rsa().fingerprint()), false).get("lib-1.0.jar");
        assertEquals(ArtifactVerifier.Status.UNTRUSTED_KEY, unknown.status());
        assertTrue(unknown.detail().contains(TestKeys.ed25519().fingerprint()), unknown.detail());
    }

    @Test
    void aGoodSignatureBesideAnotherFilesSignatureIsBad() throws Exception {
        // The .asc of the POM appended to the jar's: every signature in the file must verify, as gpgv requires.
        appendSignatures("lib-1.0.jar.asc", Files.readAllBytes(folder.resolve("lib-1.0.pom.asc")));
        ArtifactVerifier.Line line = verify(known, trusted, false).get("lib-1.0.jar");
        assertEquals(ArtifactVerifier.Status.BAD, line.status(), line.toString());
        assertTrue(line.detail().contains("holds 2 signatures") && line.detail().contains("does not match the file"), line.detail());
    }

    @Test
    void aSecondGoodSignatureByAKnownButUntrustedKeyIsUntrusted() throws Exception {
        java.security.MessageDigest digest = DigestAlgorithm.SHA512.newMessageDigest();
        digest.update(Files.readAllBytes(folder.resolve("lib-1.0.jar")));
        appendSignatures("lib-1.0.jar.asc", new PgpSigner(TestKeys.load(TestKeys.rsa()), Clock.systemUTC()).sign(digest));
        PublicKeys both = PublicKeys.parse(TestKeys.ed25519().armoredPublicKey(), "test");
        both.addAll(PublicKeys.parse(TestKeys.rsa().armoredPublicKey(), "test"));

        ArtifactVerifier.Line line = verify(both, trusted, false).get("lib-1.0.jar");
        assertEquals(ArtifactVerifier.Status.UNTRUSTED_KEY, line.status(), line.toString());
        assertTrue(line.detail().contains(TestKeys.rsa().fingerprint()), line.detail());

        ArtifactVerifier.Line bothTrusted = verify(both, Set.of(TestKeys.ed25519().fingerprint(), TestKeys.rsa().fingerprint()), false).get("lib-1.0.jar");
        assertEquals(ArtifactVerifier.Status.OK, bothTrusted.status(), bothTrusted.toString());
        assertTrue(bothTrusted.detail().startsWith("good signatures by " + TestKeys.ed25519().fingerprint() + ", " + TestKeys.rsa().fingerprint()),
                bothTrusted.detail());
    }

    @Test
    void aSignatureFileLargerThanASignatureCanBeIsBadWithoutBeingRead() throws Exception {
        Files.write(folder.resolve("lib-1.0.jar.asc"), new byte[dev.securebuild.shared.signer.pgp.DetachedSignatures.MAX_FILE_SIZE + 1]);
        ArtifactVerifier.Line line = verify(known, trusted, false).get("lib-1.0.jar");
        assertEquals(ArtifactVerifier.Status.BAD, line.status(), line.toString());
        assertTrue(line.detail().contains("lib-1.0.jar.asc is larger than 1048576 bytes"), line.detail());
    }

    /** Appends the packets of an armored signature to an armored signature file, in one armored block. */
    private void appendSignatures(String signatureFile, byte[] armored) throws Exception {
        java.io.ByteArrayOutputStream packets = new java.io.ByteArrayOutputStream();
        for (byte[] part : List.of(Files.readAllBytes(folder.resolve(signatureFile)), armored)) {
            try (var in = org.bouncycastle.openpgp.PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(part))) {
                packets.writeBytes(in.readAllBytes());
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var armor = org.bouncycastle.bcpg.ArmoredOutputStream.builder().clearHeaders().build(out)) {
            armor.write(packets.toByteArray());
        }
        Files.write(folder.resolve(signatureFile), out.toByteArray());
    }

    @Test
    void requiredChecksumsMustBeThere() throws Exception {
        for (String name : List.of("lib-1.0.jar.sha256", "lib-1.0.jar.sha512", "SHA256SUMS", "SHA512SUMS")) {
            Files.delete(folder.resolve(name));
        }
        assertEquals(ArtifactVerifier.Status.OK, verify(known, trusted, false).get("lib-1.0.jar").status());
        ArtifactVerifier.Line line = verify(known, trusted, true).get("lib-1.0.jar");
        assertEquals(ArtifactVerifier.Status.BAD, line.status());
        assertTrue(line.detail().contains("no checksum file"), line.detail());
    }

    @Test
    void aMalformedSummaryIsAnErrorNamingItsLine() throws Exception {
        Files.writeString(folder.resolve("SHA256SUMS"), Files.readString(folder.resolve("SHA256SUMS")) + "this is not a checksum line\n");
        IOException e = assertThrows(IOException.class, () -> VerificationTargets.inDirectory(folder));
        assertTrue(e.getMessage().contains("SHA256SUMS:3: expected 'HEX  NAME'"), e.getMessage());
    }

    @Test
    void repositoryBookkeepingAndExcludedFilesAreNotVerified() throws Exception {
        Files.writeString(folder.resolve("_remote.repositories"), "lib-1.0.jar>central=");
        Files.writeString(folder.resolve("maven-metadata-local.xml"), "<metadata/>");
        Files.createDirectories(folder.resolve("notes"));
        Files.writeString(folder.resolve("notes/README.md"), "unsigned notes");
        List<String> names = VerificationTargets.inDirectory(folder, List.of("notes/**")).stream().map(VerificationTarget::name).toList();
        assertEquals(List.of("lib-1.0.jar", "lib-1.0.pom"), names);
        // Excluded means excluded, even when a summary lists the file and it is gone.
        Files.delete(folder.resolve("lib-1.0.pom"));
        assertEquals(List.of("lib-1.0.jar"), VerificationTargets.inDirectory(folder, List.of("*.pom", "notes/**")).stream().map(VerificationTarget::name).toList());
    }

    @Test
    void aBinarySignatureCountsAndASignedSummaryIsVerifiedItself() throws Exception {
        // Dearmor the .asc into a binary .sig, as gpg --detach-sign without --armor writes it.
        byte[] armored = Files.readAllBytes(folder.resolve("lib-1.0.jar.asc"));
        try (var in = org.bouncycastle.openpgp.PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(armored))) {
            Files.write(folder.resolve("lib-1.0.jar.sig"), in.readAllBytes());
        }
        Files.delete(folder.resolve("lib-1.0.jar.asc"));
        // Sign the summary as a release manager would.
        byte[] summary = Files.readAllBytes(folder.resolve("SHA256SUMS"));
        java.security.MessageDigest digest = DigestAlgorithm.SHA512.newMessageDigest();
        digest.update(summary);
        Files.write(folder.resolve("SHA256SUMS.asc"), new PgpSigner(TestKeys.load(TestKeys.ed25519()), Clock.systemUTC()).sign(digest));

        Map<String, ArtifactVerifier.Line> lines = verify(known, trusted, true);
        assertEquals(ArtifactVerifier.Status.OK, lines.get("lib-1.0.jar").status(), lines.get("lib-1.0.jar").toString());
        assertEquals(ArtifactVerifier.Status.OK, lines.get("SHA256SUMS").status(), "a summary needs no checksum of its own: " + lines.get("SHA256SUMS"));

        Files.writeString(folder.resolve("SHA256SUMS"), Files.readString(folder.resolve("SHA256SUMS")).replace("lib-1.0.pom", "lib-1.0.pom "));
        assertEquals(ArtifactVerifier.Status.BAD, verify(known, trusted, false).get("SHA256SUMS").status());
    }

    @Test
    void aMissingDirectoryIsNamed() {
        IOException e = assertThrows(IOException.class, () -> VerificationTargets.inDirectory(folder.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
