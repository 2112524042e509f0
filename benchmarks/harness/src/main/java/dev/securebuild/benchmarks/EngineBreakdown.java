package dev.securebuild.benchmarks;

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
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyConverter;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.SignatureVerifier;
import dev.securebuild.shared.signer.pgp.SigningKey;
import dev.securebuild.shared.signer.pgp.SigningKeyLoader;
import dev.securebuild.sign.HashAndSign;
import dev.securebuild.shared.outputs.ProducedFile;
import dev.securebuild.sign.SummaryFormat;

/**
 * Times the phases of the sign engine inside one warm JVM, without Maven: what one read costs, each digest, the
 * signature made from a digest already computed, its check against that digest, the sidecar writes, and the whole
 * engine with 1 and 2 threads. Each phase is run over the same files as the Maven benchmark, after warm-up runs, so
 * the JIT has compiled the hot loops. A few phases time alternatives the plugin does not use (BouncyCastle's own
 * SHA-512, the public-key operations through the other provider, the two digests of one file on two threads), to
 * measure what a change would save.
 *
 * <p>Usage: {@code EngineBreakdown --files DIR --key SECRET_KEY.asc --out DIR [--runs N] [--warmup N] [--label TEXT]
 * [--only PHASE,...]}. Prints a Markdown table.
 */
public final class EngineBreakdown {

    private static final int BUFFER_SIZE = 256 * 1024;
    /** DER prefix of a SHA-512 DigestInfo: what PKCS#1 v1.5 signs, in front of the hash. */
    private static final byte[] SHA512_DIGEST_INFO = HexFormat.of().parseHex("3051300d060960864801650304020305000440");

    private record Phase(String name, String what, Body body) {}

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

        // Each file's SHA-512 state after its last byte, as OnePassReader hands it to the signer, and its signature.
        // Every signature made from a digest is checked here with a full re-read of the file before anything is timed.
        Map<Path, MessageDigest> sha512 = new LinkedHashMap<>();
        Map<Path, byte[]> signatures = new LinkedHashMap<>();
        for (Path file : files) {
            MessageDigest digest = OnePassReader.readDigests(file, EnumSet.of(DigestAlgorithm.SHA512)).digest(DigestAlgorithm.SHA512);
            byte[] signature = signer.sign(digest);
            try (InputStream in = Files.newInputStream(file)) {
                check(new SignatureVerifier().verify(signature, in, publicKeys));
            }
            check(new SignatureVerifier().verify(signature, digest, publicKeys));
            sha512.put(file, digest);
            signatures.put(file, signature);
        }
        Files.createDirectories(out);

        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase("read", "read every byte once (256 KiB buffer), nothing else", () -> {
            for (Path file : files) {
                readInto(file);
            }
        }));
        phases.add(new Phase("sha256", "one read + JDK SHA-256", () -> {
            for (Path file : files) {
                OnePassReader.read(file, EnumSet.of(DigestAlgorithm.SHA256));
            }
        }));
        phases.add(new Phase("sha512", "one read + JDK SHA-512", () -> {
            for (Path file : files) {
                OnePassReader.read(file, EnumSet.of(DigestAlgorithm.SHA512));
            }
        }));
        phases.add(new Phase("sha256+sha512", "one read + JDK SHA-256 + JDK SHA-512, one thread (what checksums and sign read per file)", () -> {
            for (Path file : files) {
                OnePassReader.read(file, EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
            }
        }));
        phases.add(new Phase("sha256+sha512 2 threads", "not in the plugin: one read, SHA-256 on this thread and SHA-512 on a second one, "
                + "double-buffered (what splitting one file's digests over two cores would give)", () -> {
            ExecutorService helper = Executors.newSingleThreadExecutor();
            try {
                for (Path file : files) {
                    twoThreadDigests(file, helper);
                }
            } finally {
                helper.shutdown();
            }
        }));
        phases.add(new Phase("bc-sha512", "one read + BouncyCastle's pure-Java SHA512Digest (what maven-gpg-plugin's bc signer hashes with)", () -> {
            byte[] result = new byte[64];
            for (Path file : files) {
                SHA512Digest digest = new SHA512Digest();
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
                    int read;
                    while ((read = channel.read(buffer)) != -1) {
                        digest.update(buffer.array(), 0, read);
                        buffer.clear();
                    }
                }
                digest.doFinal(result, 0);
            }
        }));
        phases.add(new Phase("sign", "per file: PgpSigner.sign(SHA-512 of the file, already computed): clone, signature trailer, "
                + "private-key operation (BouncyCastle provider), packet, armor; no read", () -> {
            for (Path file : files) {
                signer.sign(sha512.get(file));
            }
        }));
        phases.add(new Phase("check", "per file: SignatureVerifier.verify(signature, SHA-512 of the file): parse the packet, clone, "
                + "trailer, public-key operation (JDK provider); no read. What the engine does after signing", () -> {
            for (Path file : files) {
                check(new SignatureVerifier().verify(signatures.get(file), sha512.get(file), publicKeys));
            }
        }));
        phases.add(new Phase("verify-stream", "per file: SignatureVerifier.verify(signature, InputStream): a read + JDK SHA-512 + "
                + "public-key operation. Not in sign (verify-signatures reads this way); for comparison with check", () -> {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    check(new SignatureVerifier().verify(signatures.get(file), in, publicKeys));
                }
            }
        }));
        addKeyOperations(phases, key, files.size());
        phases.add(new Phase("write-outputs", "per file: write .asc, .sha256, .sha512 with the plugin's AtomicFiles (temporary file, atomic rename)", () -> {
            byte[] content = "x".repeat(600).getBytes(StandardCharsets.US_ASCII);
            for (Path file : files) {
                String name = file.getFileName().toString();
                AtomicFiles.write(out.resolve("w").resolve(name + ".asc"), content);
                AtomicFiles.write(out.resolve("w").resolve(name + ".sha256"), content);
                AtomicFiles.write(out.resolve("w").resolve(name + ".sha512"), content);
            }
        }));
        phases.add(new Phase("write-outputs-fsync", "the same three writes per file, each forced to disk (fsync) before the rename, as the plugin did before commit 23a6edf", () -> {
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
            EnumSet<DigestAlgorithm> algorithms = EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);
            HashAndSign.Options checksums = new HashAndSign.Options(algorithms, SummaryFormat.NONE, out.resolve("checksums-" + threads), threads);
            HashAndSign.Options sign = new HashAndSign.Options(algorithms, SummaryFormat.NONE, out.resolve("sign-" + threads), threads);
            phases.add(new Phase("engine checksums t=" + threads, "HashAndSign without a key, " + threads + " thread(s): the checksums goal's work",
                    () -> new HashAndSign(checksums).run(produced)));
            phases.add(new Phase("engine sign t=" + threads, "HashAndSign with the key, " + threads
                    + " thread(s): the sign goal's work (one read: SHA-256 + SHA-512, sign, check, three writes per file)",
                    () -> new HashAndSign(sign).run(produced, () -> signer)));
        }

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // This machine may be shared, as in bench.py: wait for idle CPUs before each timed run, and redo a run during
        // which other processes used the CPUs noticeably (at most three times; the table says how often).
        double minIdle = Double.parseDouble(System.getenv().getOrDefault("BENCH_MIN_IDLE", "0.8"));
        double maxWait = Double.parseDouble(System.getenv().getOrDefault("BENCH_MAX_WAIT", "10"));
        double mib = totalBytes / (1024.0 * 1024.0);
        StringBuilder rows = new StringBuilder();
        int redone = 0;
        int disturbed = 0;
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
            long[] others = new long[runs];
            for (int i = 0; i < runs; i++) {
                for (int attempt = 0; ; attempt++) {
                    waitForIdleCpus(minIdle, maxWait);
                    long[] system0 = Cpus.times();
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    phase.body().run();
                    wall[i] = System.nanoTime() - t0;
                    cpu[i] = os.getProcessCpuTime() - cpu0;
                    others[i] = Math.max(0, Cpus.busyNanos(system0, Cpus.times()) - cpu[i]);
                    boolean quiet = others[i] <= Math.max(30_000_000L, wall[i] / 7);
                    if (quiet || attempt == 3) {
                        disturbed += quiet ? 0 : 1;
                        break;
                    }
                    redone++;
                }
            }
            long[] sortedWall = wall.clone();
            Arrays.sort(sortedWall);
            Arrays.sort(cpu);
            Arrays.sort(others);
            double median = median(sortedWall) / 1e6;
            rows.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %s | %.0f |%n", phase.name(), phase.what(), median,
                    sortedWall[0] / 1e6, median(cpu) / 1e6, !readsFiles(phase.name())
                            ? "" : String.format(Locale.ROOT, "%.0f", mib / (median / 1000)), median(others) / 1e6));
            System.err.println("  " + phase.name() + ": " + String.format(Locale.ROOT, "%.0f ms", median));
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Engine phases, %s: %d file(s), %.0f MiB, key %s, %d runs after %d warm-up (warm JVM, page cache warm; "
                + "before each run, CPUs %.0f %% idle or %.0f s waited; %d run(s) redone because other processes used the CPUs during them, "
                + "%d still disturbed after three attempts)%n%n",
                label, files.size(), mib, algorithmOf(key), runs, warmup, minIdle * 100, maxWait, redone, disturbed));
        table.append("| phase | what | median ms | min ms | CPU ms (median) | MiB/s (median) | other processes' CPU ms (median) |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|\n");
        table.append(rows);
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

    /** Waits until the CPUs were at least minIdle idle over 0.3 s, at most maxWait seconds (as bench.py does). */
    private static void waitForIdleCpus(double minIdle, double maxWait) throws IOException, InterruptedException {
        if (!Cpus.AVAILABLE) {
            return;
        }
        for (double waited = 0; waited < maxWait; waited += 0.3) {
            long[] before = Cpus.times();
            Thread.sleep(300);
            long[] after = Cpus.times();
            double idle = (double) (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
            if (idle >= minIdle) {
                return;
            }
        }
    }

    /** The machine's CPU times from /proc/stat (Linux), in clock ticks of 10 ms: {idle + iowait, total}. */
    private static final class Cpus {
        static final boolean AVAILABLE = Files.isReadable(Path.of("/proc/stat"));

        static long[] times() throws IOException {
            if (!AVAILABLE) {
                return new long[] {0, 0};
            }
            String[] fields;
            try (var lines = Files.lines(Path.of("/proc/stat"))) {
                fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            }
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {   // user nice system idle iowait irq softirq steal
                total += Long.parseLong(fields[i]);
            }
            return new long[] {Long.parseLong(fields[4]) + Long.parseLong(fields[5]), total};
        }

        /** CPU time all processes used between the two readings, in nanoseconds (USER_HZ is 100 on Linux). */
        static long busyNanos(long[] before, long[] after) {
            return ((after[1] - after[0]) - (before[1] - before[0])) * 10_000_000L;
        }
    }

    /** Whether a phase reads the files (a MiB/s figure means something) or only works per file on what is in memory. */
    private static boolean readsFiles(String phase) {
        return !(phase.equals("sign") || phase.equals("check") || phase.startsWith("key-") || phase.startsWith("write-outputs"));
    }

    /**
     * One read; SHA-256 on this thread, SHA-512 (the slower one) on the helper thread, with two buffers so that the
     * next buffer is read and hashed with SHA-256 while the helper hashes the previous one with SHA-512.
     */
    private static void twoThreadDigests(Path file, ExecutorService helper) throws Exception {
        MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
        MessageDigest sha512 = DigestAlgorithm.SHA512.newMessageDigest();
        ByteBuffer[] buffers = {ByteBuffer.allocate(BUFFER_SIZE), ByteBuffer.allocate(BUFFER_SIZE)};
        Future<?> pending = null;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; ; i++) {
                ByteBuffer buffer = buffers[i & 1];
                buffer.clear();
                // The helper may still hash the other buffer; this one it finished before the previous submit.
                int read = channel.read(buffer);
                if (read == -1) {
                    break;
                }
                byte[] bytes = buffer.array();
                if (pending != null) {
                    pending.get();
                }
                pending = helper.submit(() -> sha512.update(bytes, 0, read));
                sha256.update(bytes, 0, read);
            }
            if (pending != null) {
                pending.get();
            }
        }
        sha256.digest();
        sha512.digest();
    }

    /**
     * The public-key operations alone, on a 64-byte hash (RSA: on its SHA-512 DigestInfo), one per file: as the plugin
     * does them (sign with BouncyCastle's provider, check with the JDK's), and the other way round for comparison.
     * BouncyCastle's provider wraps the same code as its lightweight classes.
     */
    private static void addKeyOperations(List<Phase> phases, SigningKey key, int count) throws Exception {
        int algorithm = key.publicKey().getAlgorithm();
        boolean rsa = algorithm == PublicKeyAlgorithmTags.RSA_GENERAL;
        String jca = switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL -> "NONEwithRSA";
            case PublicKeyAlgorithmTags.ECDSA -> "NONEwithECDSA";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> "Ed25519";
            default -> null;
        };
        if (jca == null) {
            return;
        }
        byte[] hash = new byte[64];
        new SecureRandom().nextBytes(hash);
        byte[] input = rsa ? concat(SHA512_DIGEST_INFO, hash) : hash;
        Provider bc = new BouncyCastleProvider();
        PrivateKey privateBc = new JcaPGPKeyConverter().setProvider(bc).getPrivateKey(key.privateKey());
        PublicKey publicBc = new JcaPGPKeyConverter().setProvider(bc).getPublicKey(key.publicKey());
        PublicKey publicJdk = new JcaPGPKeyConverter().getPublicKey(key.publicKey());
        PrivateKey privateJdk = new JcaPGPKeyConverter().getPrivateKey(key.privateKey());
        byte[] value = rawSign(jca, bc, privateBc, input);
        if (!rawVerify(jca, null, publicJdk, input, value) || !rawVerify(jca, bc, publicBc, input, value)
                || !rawVerify(jca, bc, publicBc, input, rawSign(jca, null, privateJdk, input))) {
            throw new IllegalStateException("the raw " + jca + " signatures do not verify");
        }
        Signature probe = Signature.getInstance(jca);
        probe.initVerify(publicJdk);
        String jdk = probe.getProvider().getName();
        phases.add(new Phase("key-sign", "per file: the private-key operation alone, by BouncyCastle as PgpSigner does it (" + jca + " through the BouncyCastle provider, "
                + "whose engine is the lightweight class PgpSigner calls directly)", () -> {
            for (int i = 0; i < count; i++) {
                rawSign(jca, bc, privateBc, input);
            }
        }));
        phases.add(new Phase("key-sign-jdk", "not in the plugin: the same with the JDK's provider (" + jdk + ")", () -> {
            for (int i = 0; i < count; i++) {
                rawSign(jca, null, privateJdk, input);
            }
        }));
        phases.add(new Phase("key-verify", "per file: the public-key operation alone, as check does it (" + jca + ", JDK provider " + jdk + ")", () -> {
            for (int i = 0; i < count; i++) {
                rawVerify(jca, null, publicJdk, input, value);
            }
        }));
        phases.add(new Phase("key-verify-bc", "not in the plugin: the same with BouncyCastle's provider", () -> {
            for (int i = 0; i < count; i++) {
                rawVerify(jca, bc, publicBc, input, value);
            }
        }));
    }

    private static byte[] rawSign(String jca, Provider provider, PrivateKey key, byte[] input) throws Exception {
        Signature signature = provider == null ? Signature.getInstance(jca) : Signature.getInstance(jca, provider);
        signature.initSign(key);
        signature.update(input);
        return signature.sign();
    }

    private static boolean rawVerify(String jca, Provider provider, PublicKey key, byte[] input, byte[] value) throws Exception {
        Signature signature = provider == null ? Signature.getInstance(jca) : Signature.getInstance(jca, provider);
        signature.initVerify(key);
        signature.update(input);
        return signature.verify(value);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void check(SignatureVerifier.Outcome outcome) {
        if (outcome.status() != SignatureVerifier.Status.VALID) {
            throw new IllegalStateException("signature does not verify: " + outcome.detail());
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
