package dev.securebuild.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;

import dev.securebuild.shared.digest.ByteSink;
import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SignatureVerifier;
import dev.securebuild.shared.signer.pgp.SigningKey;
import dev.securebuild.shared.signer.pgp.SigningKeyLoader;
import dev.securebuild.sign.HashAndSign;
import dev.securebuild.sign.ProducedFile;
import dev.securebuild.sign.SummaryFormat;

/**
 * Times the phases of the sign engine inside one warm JVM, without Maven: what one read costs, each digest, the
 * signature, the verification re-read, the sidecar writes, and the whole engine with 1 and 2 threads. Each phase is
 * run over the same files as the Maven benchmark, after warm-up runs, so the JIT has compiled the hot loops.
 *
 * <p>Usage: {@code EngineBreakdown --files DIR --key SECRET_KEY.asc --out DIR [--runs N] [--warmup N] [--label TEXT]}.
 * Prints a Markdown table.
 */
public final class EngineBreakdown {

    private static final int BUFFER_SIZE = 256 * 1024;

    private record Phase(String name, String what, boolean parallel, Body body) {}

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path dir = Path.of(options.get("files"));
        Path keyFile = Path.of(options.get("key"));
        Path out = Path.of(options.get("out"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
        String label = options.getOrDefault("label", dir.getFileName().toString());

        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted().toList();
        }
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += Files.size(file);
        }
        SigningKey key = new SigningKeyLoader(Instant.now()).load(Files.readAllBytes(keyFile), keyFile.toString(), null, null);
        PgpSigner signer = new PgpSigner(key, Clock.systemUTC());
        PublicKeys publicKeys = PublicKeys.parse(signer.armoredPublicKey(), "the key");
        Map<Path, byte[]> signatures = new LinkedHashMap<>();
        for (Path file : files) {
            Signer.DocumentSignature signature = signer.begin();
            OnePassReader.read(file, Set.of(), signature);
            signatures.put(file, signature.finish());
        }
        Provider bc = new BouncyCastleProvider();
        ProposedSigner proposed = new ProposedSigner(key, bc);
        for (Path file : files) {
            // The prototype's signatures must be as good as the engine's: checked here with a full re-read.
            try (InputStream in = Files.newInputStream(file)) {
                check(new SignatureVerifier().verify(proposed.hashAndSign(file, null), in, publicKeys));
            }
        }
        Files.createDirectories(out);
        byte[] empty = new byte[0];

        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase("read", "read every byte once (256 KiB buffer), nothing else", false, () -> {
            for (Path file : files) {
                readInto(file);
            }
        }));
        phases.add(new Phase("sha256", "one read + JDK SHA-256", false, () -> {
            for (Path file : files) {
                OnePassReader.read(file, EnumSet.of(DigestAlgorithm.SHA256));
            }
        }));
        phases.add(new Phase("sha512", "one read + JDK SHA-512", false, () -> {
            for (Path file : files) {
                OnePassReader.read(file, EnumSet.of(DigestAlgorithm.SHA512));
            }
        }));
        phases.add(new Phase("sha256+sha512", "one read + JDK SHA-256 + JDK SHA-512 (what checksums does per file)", false, () -> {
            for (Path file : files) {
                OnePassReader.read(file, EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
            }
        }));
        phases.add(new Phase("bc-sha512", "one read + BouncyCastle's pure-Java SHA-512 (what maven-gpg-plugin's bc signer hashes with)", false, () -> {
            for (Path file : files) {
                SHA512Digest digest = new SHA512Digest();
                OnePassReader.read(file, Set.of(), digest::update);
                digest.doFinal(new byte[64], 0);
            }
        }));
        phases.add(new Phase("signature", "one read + PgpSigner alone: BouncyCastle's content signer (EdDSA: two SHA-512 over the document; RSA: a JDK SHA-512 and BouncyCastle's SHA512withRSA, which hashes again in pure Java) + key operation", false, () -> {
            for (Path file : files) {
                Signer.DocumentSignature signature = signer.begin();
                OnePassReader.read(file, Set.of(), signature);
                signature.finish();
            }
        }));
        phases.add(new Phase("verify", "SignatureVerifier as the engine calls it after signing: a second read + SHA-512 + public-key operation (with the providers the plugin gives it)", false, () -> {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    check(new SignatureVerifier().verify(signatures.get(file), in, publicKeys));
                }
            }
        }));
        phases.add(new Phase("key-sign", "per file: sign an empty document (the private-key operation alone, plus packet encoding)", false, () -> {
            for (int i = 0; i < files.size(); i++) {
                signer.begin().finish();
            }
        }));
        byte[] emptySignature = signer.begin().finish();
        phases.add(new Phase("key-verify", "per file: verify a signature over an empty document (the public-key operation alone)", false, () -> {
            for (int i = 0; i < files.size(); i++) {
                check(new SignatureVerifier().verify(emptySignature, new ByteArrayInputStream(empty), publicKeys));
            }
        }));
        phases.add(new Phase("write-outputs", "per file: write .asc, .sha256, .sha512 with the plugin's AtomicFiles (temporary file, atomic rename)", false, () -> {
            byte[] content = "x".repeat(600).getBytes(StandardCharsets.US_ASCII);
            for (Path file : files) {
                String name = file.getFileName().toString();
                AtomicFiles.write(out.resolve("w").resolve(name + ".asc"), content);
                AtomicFiles.write(out.resolve("w").resolve(name + ".sha256"), content);
                AtomicFiles.write(out.resolve("w").resolve(name + ".sha512"), content);
            }
        }));
        phases.add(new Phase("write-outputs-fsync", "the same three writes per file, each forced to disk (fsync) before the rename, as the plugin did before commit 23a6edf", false, () -> {
            byte[] content = "x".repeat(600).getBytes(StandardCharsets.US_ASCII);
            Path folder = out.resolve("f");
            Files.createDirectories(folder);
            for (Path file : files) {
                String name = file.getFileName().toString();
                for (String ending : new String[] {".asc", ".sha256", ".sha512"}) {
                    Path temporary = folder.resolve("." + name + ending + ".tmp");
                    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                        channel.write(ByteBuffer.wrap(content));
                        channel.force(true);
                    }
                    Files.move(temporary, folder.resolve(name + ending), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }));
        List<ProducedFile> produced = files.stream()
                .map(f -> new ProducedFile(f, f.getFileName().toString(), "bin", null)).toList();
        for (int threads : new int[] {1, 2}) {
            Set<DigestAlgorithm> algorithms = EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);
            HashAndSign.Options checksums = new HashAndSign.Options(algorithms, SummaryFormat.NONE, out.resolve("checksums-" + threads), threads);
            HashAndSign.Options sign = new HashAndSign.Options(algorithms, SummaryFormat.NONE, out.resolve("sign-" + threads), threads);
            phases.add(new Phase("engine checksums t=" + threads, "HashAndSign without a key, " + threads + " thread(s): the checksums goal's work",
                    threads > 1, () -> new HashAndSign(checksums, null).run(produced)));
            phases.add(new Phase("engine sign t=" + threads, "HashAndSign with the key, " + threads + " thread(s): the sign goal's work",
                    threads > 1, () -> new HashAndSign(sign, signer).run(produced)));
        }

        for (int threads : new int[] {1, 2}) {
            Path proposedOut = out.resolve("proposed-" + threads);
            Files.createDirectories(proposedOut);
            phases.add(new Phase("prototype sign t=" + threads, "ProposedSigner (benchmarks/harness), " + threads
                    + " thread(s): one read, SHA-256 + one SHA-512 shared by sidecar and signature, signature checked against "
                    + "that digest without a re-read, same three atomic writes", threads > 1, () -> {
                        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
                        try {
                            List<java.util.concurrent.Future<byte[]>> futures = new ArrayList<>();
                            for (Path file : files) {
                                futures.add(pool.submit(() -> proposed.hashAndSign(file, proposedOut)));
                            }
                            for (var future : futures) {
                                future.get();
                            }
                        } finally {
                            pool.shutdown();
                        }
                    }));
        }

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double mib = totalBytes / (1024.0 * 1024.0);
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Engine phases, %s: %d file(s), %.0f MiB, key %s, %d runs after %d warm-up (warm JVM, page cache warm)%n%n",
                label, files.size(), mib, algorithmOf(key), runs, warmup));
        table.append("| phase | what | median ms | min ms | CPU ms (median) | MiB/s (median) |\n");
        table.append("|---|---|---:|---:|---:|---:|\n");
        List<String> only = options.containsKey("only") ? List.of(options.get("only").split(",")) : null;
        for (Phase phase : phases) {
            if (only != null && !only.contains(phase.name())) {
                continue;
            }
            for (int i = 0; i < warmup; i++) {
                phase.body().run();
            }
            long[] wall = new long[runs];
            long[] cpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                phase.body().run();
                wall[i] = System.nanoTime() - t0;
                cpu[i] = os.getProcessCpuTime() - cpu0;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            double median = median(wall) / 1e6;
            table.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %s |%n", phase.name(), phase.what(), median,
                    wall[0] / 1e6, median(cpu) / 1e6, phase.name().startsWith("key-") || phase.name().startsWith("write-outputs")
                            ? "" : String.format(Locale.ROOT, "%.0f", mib / (median / 1000))));
            System.err.println("  " + phase.name() + ": " + String.format(Locale.ROOT, "%.0f ms", median));
        }
        System.out.print(table);
    }

    private static void readInto(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
            while (channel.read(buffer) != -1) {
                buffer.clear();
            }
        }
    }

    private static void check(SignatureVerifier.Outcome outcome) {
        if (outcome.status() != SignatureVerifier.Status.VALID) {
            throw new IllegalStateException("signature does not verify: " + outcome.detail());
        }
    }

    private static PGPSignature readSignature(byte[] armored) throws Exception {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
            return ((PGPSignatureList) new JcaPGPObjectFactory(in).nextObject()).get(0);
        }
    }

    private static String algorithmOf(SigningKey key) {
        return switch (key.publicKey().getAlgorithm()) {
            case 1, 3 -> "RSA-" + key.publicKey().getBitStrength();
            case 22 -> "Ed25519 (EdDSA legacy)";
            case 27 -> "Ed25519";
            default -> "algorithm " + key.publicKey().getAlgorithm();
        };
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("files", "key", "out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required);
            }
        }
        return options;
    }
}
