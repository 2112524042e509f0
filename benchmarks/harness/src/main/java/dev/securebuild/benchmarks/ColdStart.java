package dev.securebuild.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;


import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SignatureVerifier;
import dev.securebuild.shared.signer.pgp.SigningKey;
import dev.securebuild.shared.signer.pgp.SigningKeyLoader;
import dev.securebuild.sign.HashAndSign;
import dev.securebuild.shared.outputs.ProducedFile;
import dev.securebuild.sign.SummaryFormat;

/**
 * What the sign goal pays once per build before its first file, in a fresh JVM as Maven gives it: loading
 * BouncyCastle (signed jars, verified by the JDK on first use), reading and unlocking the key, the first digests, the
 * first signature (from the file's SHA-512, as the engine makes it) and its first check against that digest. Each step
 * is timed in the order the goal does them.
 *
 * <p>Usage: {@code ColdStart --key SECRET_KEY.asc --file SOME_SMALL_FILE [--files DIR
 * [--threads N]]}. With {@code --files}, the engine then signs every {@code *.bin} file of DIR three times in the same
 * JVM (see {@link #engineRuns}). Prints a Markdown table.
 */
public final class ColdStart {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path keyFile = Path.of(options.get("key"));
        Path file = Path.of(options.get("file"));
        StringBuilder table = new StringBuilder("| step (fresh JVM, in order) | ms |\n|---|---:|\n");
        long t0 = System.nanoTime();
        long end = plugin(table, keyFile, file, t0);
        table.append(String.format(Locale.ROOT, "| **total** | **%.0f** |%n", (end - t0) / 1e6));
        if (options.containsKey("files")) {
            engineRuns(table, keyFile, Path.of(options.get("files")), Integer.parseInt(options.getOrDefault("threads", "2")));
        }
        System.out.print(table);
    }

    private static long plugin(StringBuilder table, Path keyFile, Path file, long t0) throws Exception {
        OnePassReader.Read read = OnePassReader.readDigests(file, EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
        read.finish(EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
        MessageDigest sha512 = read.digest(DigestAlgorithm.SHA512);
        long t1 = row(table, "first SHA-256 + SHA-512 of one small file (JDK digests, no BouncyCastle)", t0);

        Class.forName("org.bouncycastle.crypto.signers.Ed25519Signer");
        long t1a = row(table, "load a first BouncyCastle class (the JDK checks the signature of the signed bcprov jar)", t1);

        SigningKey key = new SigningKeyLoader(Instant.now()).load(Files.readAllBytes(keyFile), keyFile.toString(), null, null);
        long t2 = row(table, "read and unlock the key (bcpg classes, key parsing; lightweight classes, no JCA provider)", t1a);

        PgpSigner signer = new PgpSigner(key, Clock.systemUTC());
        PublicKeys publicKeys = PublicKeys.parse(signer.armoredPublicKey(), "the key");
        long t3 = row(table, "make the signer and parse its certificate", t2);

        byte[] armored = signer.sign(sha512);
        long t4 = row(table, "first signature (PgpSigner.sign from the file's SHA-512)", t3);

        check(new SignatureVerifier().verify(armored, sha512, publicKeys));
        long t5 = row(table, "first check of it against that SHA-512 (public-key operation by the JDK)", t4);

        check(new SignatureVerifier().verify(signer.sign(sha512), sha512, publicKeys));
        return row(table, "second signature + check, for comparison", t5);
    }

    /**
     * Then the engine, as the goal runs it once per build: HashAndSign with the key over every file of a folder, in this
     * JVM that has signed only one small file so far, and twice more, so the first run's extra cost (code not yet
     * compiled by the JIT, classes not yet loaded) shows next to the warm runs that EngineBreakdown measures.
     */
    private static void engineRuns(StringBuilder table, Path keyFile, Path dir, int threads) throws Exception {
        List<ProducedFile> produced;
        try (Stream<Path> listing = Files.list(dir)) {
            produced = listing.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted()
                    .map(f -> new ProducedFile(f, f.getFileName().toString(), "bin", null)).toList();
        }
        SigningKey key = new SigningKeyLoader(Instant.now()).load(Files.readAllBytes(keyFile), keyFile.toString(), null, null);
        PgpSigner signer = new PgpSigner(key, Clock.systemUTC());
        Path out = Files.createTempDirectory("coldstart-engine");
        HashAndSign.Options options = new HashAndSign.Options(EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512),
                SummaryFormat.NONE, out, threads);
        String[] names = {"first run in this JVM", "second run", "third run"};
        for (String name : names) {
            long t = System.nanoTime();
            new HashAndSign(options).run(produced, () -> signer);
            row(table, "then the engine: HashAndSign with the key, " + threads + " threads, " + produced.size() + " files, " + name, t);
        }
        try (Stream<Path> outputs = Files.list(out)) {
            for (Path output : outputs.toList()) {
                Files.delete(output);
            }
        }
        Files.delete(out);
    }

    private static void check(SignatureVerifier.Outcome outcome) {
        if (outcome.status() != SignatureVerifier.Status.VALID) {
            throw new IllegalStateException(outcome.detail());
        }
    }

    private static long row(StringBuilder table, String step, long since) {
        long now = System.nanoTime();
        table.append(String.format(Locale.ROOT, "| %s | %.0f |%n", step, (now - since) / 1e6));
        return now;
    }
}
