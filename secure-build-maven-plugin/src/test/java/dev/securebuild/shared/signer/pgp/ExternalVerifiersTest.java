package dev.securebuild.shared.signer.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.securebuild.shared.digest.DigestAlgorithm;

/**
 * Our signatures, for every key type we sign with, checked by independent OpenPGP implementations: GnuPG, Sequoia
 * and RNP. Skipped, and said so, where a tool is not installed; CI installs all three.
 */
class ExternalVerifiersTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"ED25519", "RSA3072", "ECDSA"})
    void gpgSqAndRnpAcceptOurSignatures(String type) throws Exception {
        KeyGenerator.GeneratedKey key = switch (type) {
            case "ED25519" -> TestKeys.ed25519();
            case "RSA3072" -> TestKeys.rsa();
            default -> TestKeys.ecdsaP256();
        };
        Path document = Files.write(folder.resolve("artifact.jar"), "the artifact\n".repeat(5000).getBytes(StandardCharsets.UTF_8));
        java.security.MessageDigest digest = DigestAlgorithm.SHA512.newMessageDigest();
        digest.update(Files.readAllBytes(document));
        Path signature = Files.write(folder.resolve("artifact.jar.asc"),
                new PgpSigner(TestKeys.load(key), Clock.systemUTC()).sign(digest));
        Path certificate = Files.write(folder.resolve("public-key.asc"), key.armoredPublicKey());

        List<String> ran = new ArrayList<>();
        if (onPath("gpg")) {
            Path home = Files.createDirectories(folder.resolve("gnupg"));
            run(List.of("gpg", "--homedir", home.toString(), "--batch", "--import", certificate.toString()));
            assertEquals(0, run(List.of("gpg", "--homedir", home.toString(), "--batch", "--verify", signature.toString(), document.toString())),
                    "gpg --verify");
            ran.add("gpg");
        }
        if (onPath("sq")) {
            assertEquals(0, run(List.of("sq", "verify", "--signer-cert", certificate.toString(), "--detached", signature.toString(),
                    document.toString())), "sq verify");
            ran.add("sq");
        }
        if (onPath("rnp")) {
            Path home = Files.createDirectories(folder.resolve("rnp"));
            assertEquals(0, run(List.of("rnp", "--homedir", home.toString(), "--keyfile", certificate.toString(), "--verify",
                    signature.toString(), "--source", document.toString())), "rnp --verify");
            ran.add("rnp");
        }
        Assumptions.assumeTrue(!ran.isEmpty(), "none of gpg, sq, rnp is installed");
        // A tampered document must be rejected by the same tools: the check above is not a tool that says yes to anything.
        Files.writeString(document, "tampered", java.nio.file.StandardOpenOption.APPEND);
        if (ran.contains("gpg")) {
            Path home = folder.resolve("gnupg");
            assertEquals(1, run(List.of("gpg", "--homedir", home.toString(), "--batch", "--verify", signature.toString(), document.toString())));
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
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
