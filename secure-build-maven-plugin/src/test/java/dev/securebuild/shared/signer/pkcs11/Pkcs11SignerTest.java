package dev.securebuild.shared.signer.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SignatureVerifier;

/** The PKCS#11 signer against a SoftHSM2 token: signatures that BouncyCastle, the JDK and gpg accept, and its errors. */
class Pkcs11SignerTest {

    private static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");

    @TempDir
    Path folder;

    private static Pkcs11Signer signer(String keyLabel, Instant created) throws SigningException {
        SoftHsm hsm = SoftHsm.token();
        Pkcs11Token token = Pkcs11Token.open(new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, keyLabel), SoftHsm.PIN.toCharArray());
        return new Pkcs11Signer(token, created, "Test Releases <releases@example.org>", Clock.systemUTC());
    }

    private static MessageDigest sha512(byte[] document) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-512");
        digest.update(document);
        return digest;
    }

    @ParameterizedTest
    @ValueSource(strings = {SoftHsm.RSA_KEY, SoftHsm.RSA_3072_KEY, SoftHsm.RSA_4096_KEY, SoftHsm.EC_KEY})
    void signaturesVerifyWithBouncyCastleAndGpg(String keyLabel) throws Exception {
        Pkcs11Signer signer = signer(keyLabel, CREATED);
        byte[] document = "the artifact\n".repeat(3000).getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = sha512(document);
        byte[] signature = signer.sign(digest);
        byte[] certificate = signer.armoredPublicKey();

        PublicKeys known = PublicKeys.parse(certificate, "the exported token key");
        assertEquals(List.of(signer.fingerprint()), List.copyOf(known.primaryFingerprints()));
        SignatureVerifier.Outcome outcome = new SignatureVerifier().verify(signature, new ByteArrayInputStream(document), known);
        assertEquals(SignatureVerifier.Status.VALID, outcome.status(), outcome.detail());
        // The one-read pipeline: the caller's digest is left as it was, for its own SHA-512 sidecar.
        assertEquals(java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(document)),
                java.util.HexFormat.of().formatHex(digest.digest()));
        byte[] tampered = document.clone();
        tampered[7] ^= 1;
        assertEquals(SignatureVerifier.Status.INVALID,
                new SignatureVerifier().verify(signature, new ByteArrayInputStream(tampered), known).status());

        Assumptions.assumeTrue(SoftHsm.onPath("gpg") || "true".equals(System.getenv("CI")), "gpg is not installed");
        Path home = Files.createDirectories(folder.resolve("gnupg"));
        Path file = Files.write(folder.resolve("artifact.jar"), document);
        Path asc = Files.write(folder.resolve("artifact.jar.asc"), signature);
        Path cert = Files.write(folder.resolve("token-key.asc"), certificate);
        assertEquals(0, run(List.of("gpg", "--homedir", home.toString(), "--batch", "--import", cert.toString())), "gpg --import");
        assertEquals(0, run(List.of("gpg", "--homedir", home.toString(), "--batch", "--verify", asc.toString(), file.toString())), "gpg --verify");
        Files.write(file, tampered);
        assertEquals(1, run(List.of("gpg", "--homedir", home.toString(), "--batch", "--verify", asc.toString(), file.toString())));
    }

    @ParameterizedTest
    @ValueSource(strings = {SoftHsm.RSA_KEY, SoftHsm.RSA_3072_KEY, SoftHsm.RSA_4096_KEY, SoftHsm.EC_KEY})
    void messageSignaturesVerifyWithTheJdk(String keyLabel) throws Exception {
        Pkcs11Signer signer = signer(keyLabel, CREATED);
        byte[] message = "{\"payloadType\":\"application/vnd.in-toto+json\"}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.signMessage(message);
        assertEquals(keyLabel.equals(SoftHsm.EC_KEY) ? "ecdsa-sha2-nistp256" : "rsa-pkcs1v15-sha256", signer.messageScheme());
        assertTrue(PgpSigner.verifyMessage(signer.messageScheme(), signer.messagePublicKey(), message, signature));
        assertFalse(PgpSigner.verifyMessage(signer.messageScheme(), signer.messagePublicKey(), "other".getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void theFingerprintDependsOnTheConfiguredCreationTimeOnly() throws Exception {
        String first = signer(SoftHsm.RSA_KEY, CREATED).fingerprint();
        assertEquals(first, signer(SoftHsm.RSA_KEY, CREATED).fingerprint());
        assertNotEquals(first, signer(SoftHsm.RSA_KEY, CREATED.plusSeconds(1)).fingerprint());
        assertNotEquals(first, signer(SoftHsm.EC_KEY, CREATED).fingerprint());
    }

    @Test
    void severalThreadsSignAtOnce() throws Exception {
        Pkcs11Signer signer = signer(SoftHsm.EC_KEY, CREATED);
        PublicKeys known = PublicKeys.parse(signer.armoredPublicKey(), "token");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<SignatureVerifier.Status>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] document = ("document " + i).getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> new SignatureVerifier().verify(signer.sign(sha512(document)),
                        new ByteArrayInputStream(document), known).status()));
            }
            for (Future<SignatureVerifier.Status> result : results) {
                assertEquals(SignatureVerifier.Status.VALID, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongPinIsRejectedWithoutShowingIt() {
        SoftHsm hsm = SoftHsm.token();
        String wrong = "9999-wrong-pin";
        SigningException e = assertThrows(SigningException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, SoftHsm.RSA_KEY), wrong.toCharArray()));
        assertTrue(e.getMessage().contains("the token rejected the PIN"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertFalse(e.getMessage().contains(SoftHsm.PIN), e.getMessage());
    }

    /**
     * A login belongs to the process, so a second login to a token that is logged in answers "already logged in"
     * whatever the PIN: a later build in the same JVM (mvnd) must still have its wrong PIN refused.
     */
    @Test
    void aWrongPinIsRejectedAfterTheRightOneLoggedIn() throws Exception {
        SoftHsm hsm = SoftHsm.token();
        Pkcs11Token.Location location = new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, SoftHsm.EC_KEY);
        Pkcs11Token first = Pkcs11Token.open(location, SoftHsm.PIN.toCharArray());
        assertEquals(64, first.sign(new byte[32]).length);
        assertTrue(first.loggedIn());

        SigningException e = assertThrows(SigningException.class, () -> Pkcs11Token.open(location, "9999-wrong-pin".toCharArray()));
        assertTrue(e.getMessage().contains("the token rejected the PIN"), e.getMessage());
        assertFalse(first.loggedIn(), "the wrong PIN's attempt ended the earlier login, and the token cache sees it");

        Pkcs11Token again = Pkcs11Token.open(location, SoftHsm.PIN.toCharArray());
        assertEquals(64, again.sign(new byte[32]).length);
        assertTrue(first.loggedIn());
    }

    @Test
    void aTokenIsChosenBySlotNumber() throws Exception {
        SoftHsm hsm = SoftHsm.token();
        long slot = hsm.slot(SoftHsm.TOKEN);
        Pkcs11Token token = Pkcs11Token.open(new Pkcs11Token.Location(hsm.module(), null, slot, SoftHsm.EC_KEY), SoftHsm.PIN.toCharArray());
        assertEquals(64, token.sign(new byte[32]).length);

        SigningException e = assertThrows(SigningException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(hsm.module(), "other-token", slot, SoftHsm.EC_KEY), SoftHsm.PIN.toCharArray()));
        assertTrue(e.getMessage().contains("No token labelled 'other-token' in slot " + slot), e.getMessage());
        assertTrue(e.getMessage().contains("'" + SoftHsm.TOKEN + "' (slot " + slot + ")"), e.getMessage());

        SigningException none = assertThrows(SigningException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(hsm.module(), null, 987654321L, SoftHsm.EC_KEY), SoftHsm.PIN.toCharArray()));
        assertTrue(none.getMessage().contains("Slot 987654321 of " + hsm.module() + " holds no token"), none.getMessage());
    }

    /** pkcs11-tool made the EC key with id 02: the id alone finds it, written as pkcs11-tool or p11tool print ids. */
    @Test
    void aKeyIsChosenByItsId() throws Exception {
        SoftHsm hsm = SoftHsm.token();
        PublicKeyOf byLabel = new PublicKeyOf(Pkcs11Token.open(new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, SoftHsm.EC_KEY),
                SoftHsm.PIN.toCharArray()));
        for (String id : List.of("02", "0x02", " 02 ")) {
            Pkcs11Token token = Pkcs11Token.open(new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, null, id), SoftHsm.PIN.toCharArray());
            assertEquals(byLabel.key(), token.publicKey(), "id " + id);
            assertEquals("key with id 02", token.location().describeKey());
            assertEquals(64, token.sign(new byte[32]).length);
        }
        // Label and id must both match.
        InvalidSettingException both = assertThrows(InvalidSettingException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, SoftHsm.RSA_KEY, "02"), SoftHsm.PIN.toCharArray()));
        assertTrue(both.getMessage().startsWith("No private key labelled '" + SoftHsm.RSA_KEY + "' with id 02 on token '" + SoftHsm.TOKEN + "'"),
                both.getMessage());
        assertTrue(both.getMessage().contains("'" + SoftHsm.RSA_KEY + "' (id 01)") && both.getMessage().contains("'" + SoftHsm.EC_KEY + "' (id 02)"),
                both.getMessage());
        InvalidSettingException notHex = assertThrows(InvalidSettingException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, null, "zz"), SoftHsm.PIN.toCharArray()));
        assertEquals(Setting.PKCS11_KEY_ID, notHex.setting());
        assertEquals("PKCS#11 key id is 'zz': expected the key's CKA_ID in hex, such as 01 or 0a:1b", notHex.getMessage());
    }

    private record PublicKeyOf(java.security.PublicKey key) {
        PublicKeyOf(Pkcs11Token token) {
            this(token.publicKey());
        }
    }

    @Test
    void anUnknownKeyLabelListsTheLabelsThatExist() {
        SoftHsm hsm = SoftHsm.token();
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, "no-such-key"), SoftHsm.PIN.toCharArray()));
        assertEquals(Setting.PKCS11_KEY_LABEL, e.setting());
        assertTrue(e.getMessage().contains("No private key labelled 'no-such-key'"), e.getMessage());
        for (String label : List.of(SoftHsm.RSA_KEY, SoftHsm.EC_KEY, SoftHsm.NO_SIGN_KEY)) {
            assertTrue(e.getMessage().contains("'" + label + "'"), e.getMessage());
        }
    }

    @Test
    void anUnknownTokenLabelListsTheTokens() {
        SoftHsm hsm = SoftHsm.token();
        SigningException e = assertThrows(SigningException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(hsm.module(), "no-such-token", null, SoftHsm.RSA_KEY), SoftHsm.PIN.toCharArray()));
        assertTrue(e.getMessage().contains("No token labelled 'no-such-token'"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + SoftHsm.TOKEN + "'") && e.getMessage().contains("'other-token'"), e.getMessage());
    }

    @Test
    void aKeyThatMayNotSignIsRefused() {
        SoftHsm hsm = SoftHsm.token();
        SigningException e = assertThrows(SigningException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, SoftHsm.NO_SIGN_KEY), SoftHsm.PIN.toCharArray()));
        assertTrue(e.getMessage().contains("CKA_SIGN"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + SoftHsm.NO_SIGN_KEY + "'"), e.getMessage());
    }

    /** A key that wants the PIN again for each signature is refused when the token is opened, not at the first signature. */
    @Test
    void aKeyThatWantsThePinForEverySignatureIsRefusedUpFront() {
        SoftHsm hsm = SoftHsm.token();
        SigningException e = assertThrows(SigningException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(hsm.module(), SoftHsm.TOKEN, null, SoftHsm.ALWAYS_AUTHENTICATE_KEY), SoftHsm.PIN.toCharArray()));
        assertTrue(e.getMessage().contains("CKA_ALWAYS_AUTHENTICATE"), e.getMessage());
        assertFalse(e.getMessage().contains(SoftHsm.PIN), e.getMessage());
    }

    @Test
    void aMissingModuleIsNamed() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(folder.resolve("libnothing.so").toString(), SoftHsm.TOKEN, null, SoftHsm.RSA_KEY), "1".toCharArray()));
        assertTrue(e.getMessage().contains("libnothing.so does not exist"), e.getMessage());
    }

    /** A file that is no library at all is refused with what the loader said. */
    @Test
    void aFileThatIsNoLibraryIsNamed() throws Exception {
        Path text = Files.writeString(folder.resolve("libtoken.so"), "not a library\n");
        SigningException e = assertThrows(SigningException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(text.toString(), SoftHsm.TOKEN, null, SoftHsm.RSA_KEY), "1".toCharArray()));
        assertTrue(e.getMessage().startsWith("Cannot load the PKCS#11 module " + text + ": "), e.getMessage());
    }

    /**
     * A library that is not a PKCS#11 module (no C_GetFunctionList) is refused with its name, and the JVM lives on: the
     * wrapper alone reported it with a message from freed memory, and crashed the test JVM now and then.
     */
    @Test
    void aLibraryThatIsNoPkcs11ModuleIsNamed() throws Exception {
        Path notAModule = java.util.stream.Stream.of("/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/x86_64-linux-gnu/libz.so.1",
                "/usr/lib/aarch64-linux-gnu/libz.so.1").map(Path::of).filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(notAModule != null, "no libz.so.1 to try");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Pkcs11Token.open(
                new Pkcs11Token.Location(notAModule.toString(), SoftHsm.TOKEN, null, SoftHsm.RSA_KEY), "1".toCharArray()));
        assertEquals("Cannot load the PKCS#11 module " + notAModule + ": it is not a PKCS#11 module (it has no C_GetFunctionList); set "
                + "PKCS#11 module library to the token's PKCS#11 library", e.getMessage());
        assertTrue(e.getCause() instanceof UnsatisfiedLinkError, String.valueOf(e.getCause()));
    }

    private int run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("tool-" + command.get(0) + ".log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return process.exitValue();
    }
}
