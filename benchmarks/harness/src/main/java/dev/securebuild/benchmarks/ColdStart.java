package dev.securebuild.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SignatureVerifier;
import dev.securebuild.shared.signer.pgp.SigningKey;
import dev.securebuild.shared.signer.pgp.SigningKeyLoader;

/**
 * What the sign goal pays once per build before its first file, in a fresh JVM as Maven gives it: loading
 * BouncyCastle (signed jars, verified by the JDK on first use), reading and unlocking the key, the first digest, the
 * first signature and the first verification. Each step is timed in the order the goal does them.
 *
 * <p>Usage: {@code ColdStart --key SECRET_KEY.asc --file SOME_FILE}. Prints a Markdown table.
 */
public final class ColdStart {

    public static void main(String[] args) throws Exception {
        Path keyFile = Path.of(args[1]);
        Path file = Path.of(args[3]);
        StringBuilder table = new StringBuilder("| step (fresh JVM, in order) | ms |\n|---|---:|\n");
        long t0 = System.nanoTime();

        OnePassReader.read(file, EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
        long t1 = row(table, "first SHA-256 + SHA-512 of one small file (JDK digests, no BouncyCastle)", t0);

        Class<?> providerClass = Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider");
        long t1a = row(table, "load the BouncyCastleProvider class (the JDK checks the signature of the signed bcprov jar)", t1);
        providerClass.getConstructor().newInstance();
        long t1b = row(table, "construct a BouncyCastleProvider (registers its algorithms; as the plugin's Pgp.PROVIDER does)", t1a);

        SigningKey key = new SigningKeyLoader(Instant.now()).load(Files.readAllBytes(keyFile), keyFile.toString(), null, null);
        long t2 = row(table, "read and unlock the key (the plugin's own provider, bcpg classes, key parsing)", t1b);

        PgpSigner signer = new PgpSigner(key, Clock.systemUTC());
        PublicKeys publicKeys = PublicKeys.parse(signer.armoredPublicKey(), "the key");
        long t3 = row(table, "make the signer and parse its certificate", t2);

        Signer.DocumentSignature signature = signer.begin();
        OnePassReader.read(file, Set.of(), signature);
        byte[] armored = signature.finish();
        long t4 = row(table, "first signature", t3);

        try (var in = Files.newInputStream(file)) {
            SignatureVerifier.Outcome outcome = new SignatureVerifier().verify(armored, in, publicKeys);
            if (outcome.status() != SignatureVerifier.Status.VALID) {
                throw new IllegalStateException(outcome.detail());
            }
        }
        long t5 = row(table, "first verification (JDK providers)", t4);

        signature = signer.begin();
        OnePassReader.read(file, Set.of(), signature);
        armored = signature.finish();
        try (var in = Files.newInputStream(file)) {
            new SignatureVerifier().verify(armored, in, publicKeys);
        }
        long t6 = row(table, "second signature + verification, for comparison", t5);
        table.append(String.format(Locale.ROOT, "| **total** | **%.0f** |%n", (t6 - t0) / 1e6));
        System.out.print(table);
    }

    private static long row(StringBuilder table, String step, long since) {
        long now = System.nanoTime();
        table.append(String.format(Locale.ROOT, "| %s | %.0f |%n", step, (now - since) / 1e6));
        return now;
    }
}
