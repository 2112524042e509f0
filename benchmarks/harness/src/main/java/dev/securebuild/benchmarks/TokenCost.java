package dev.securebuild.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.pgp.PgpSigner;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Signer;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Token;
import dev.securebuild.shared.signer.pgp.SigningKeyLoader;

/**
 * The cost of one signature in a warm JVM, without Maven and without reading a file: for each key type, on a SHA-512
 * computed once beforehand, {@code Pkcs11Signer.sign} (the OpenPGP signature, the token making its RSA or ECDSA part),
 * {@code Pkcs11Token.sign} (the token's operation alone: C_Sign over the DigestInfo or the hash) and
 * {@code PgpSigner.sign} with an in-process key of the same kind. Every call is timed on its own; the operations are
 * interleaved in blocks, after a warm-up, so that a disturbance hits them alike. Then the same signatures on 2 threads
 * (the sign goal's default on this machine): signatures per second. Before timing, each signer's message signature is
 * checked with the JDK against its public key, so that a signer that returned garbage would not be timed.
 *
 * <p>Usage: {@code TokenCost --module LIB --token LABEL --pair NAME,TOKEN_KEY_LABEL,SECRET_KEY.asc [--pair ...]
 * [--key-created TIME] [--runs N] [--warmup N] [--blocks N] [--json OUT]}. The PIN comes from environment
 * SECURE_BUILD_PKCS11_PIN, SoftHSM2's configuration from SOFTHSM2_CONF. Prints a Markdown table.
 */
public final class TokenCost {

    private record Pair(String name, String tokenKey, Path secretKey) {}

    private interface Op {
        void run(MessageDigest digest) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String module = null;
        String tokenLabel = null;
        String json = null;
        Instant keyCreated = Instant.parse("2026-01-15T10:00:00Z");
        int runs = 1000;
        int warmup = 200;
        int blocks = 10;
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--module" -> module = value;
                case "--token" -> tokenLabel = value;
                case "--json" -> json = value;
                case "--key-created" -> keyCreated = Instant.parse(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--blocks" -> blocks = Integer.parseInt(value);
                case "--pair" -> {
                    String[] parts = value.split(",", 3);
                    pairs.add(new Pair(parts[0], parts[1], Path.of(parts[2])));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String pin = System.getenv("SECURE_BUILD_PKCS11_PIN");
        if (module == null || pairs.isEmpty() || pin == null) {
            throw new IllegalArgumentException("usage: TokenCost --module LIB --token LABEL --pair NAME,LABEL,SECRET.asc ... "
                    + "(PIN in environment SECURE_BUILD_PKCS11_PIN)");
        }
        byte[] document = new byte[1 << 20];
        new SecureRandom(new byte[] {1}).nextBytes(document);
        MessageDigest documentSha512 = MessageDigest.getInstance("SHA-512");
        documentSha512.update(document);

        Map<String, Object> results = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder();
        table.append("| key | operation | median \u00b5s | min \u00b5s | p90 \u00b5s | signatures/s, 1 thread (1 / median) | signatures/s, 2 threads |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Pair pair : pairs) {
            Pkcs11Token token = Pkcs11Token.open(new Pkcs11Token.Location(module, tokenLabel, null, pair.tokenKey()), pin.toCharArray());
            Pkcs11Signer tokenSigner = new Pkcs11Signer(token, keyCreated, "benchmark", Clock.systemUTC());
            PgpSigner inProcess = new PgpSigner(new SigningKeyLoader(Instant.now())
                    .load(Files.readAllBytes(pair.secretKey()), "file " + pair.secretKey(), null, null), Clock.systemUTC());
            check(tokenSigner, document);
            check(inProcess, document);
            if (!tokenSigner.messageScheme().equals(inProcess.messageScheme())) {
                throw new IllegalStateException(pair.name() + ": the token key signs " + tokenSigner.messageScheme()
                        + ", the in-process key " + inProcess.messageScheme() + ": not the same kind of key");
            }
            // What the token is given by Pkcs11Signer: the SHA-512 DigestInfo (RSA), the hash cut to 32 bytes (P-256).
            byte[] hash = ((MessageDigest) documentSha512.clone()).digest();
            byte[] raw = token.isRsa()
                    ? concat(HexFormat.of().parseHex("3051300d060960864801650304020305000440"), hash)
                    : Arrays.copyOf(hash, 32);
            Map<String, Op> ops = new LinkedHashMap<>();
            ops.put("Pkcs11Signer.sign", d -> tokenSigner.sign(d));
            ops.put("Pkcs11Token.sign (C_Sign alone)", d -> token.sign(raw));
            ops.put("PgpSigner.sign (in-process key)", d -> inProcess.sign(d));
            System.err.println(pair.name() + ": token key " + tokenSigner.fingerprint() + ", in-process key " + inProcess.fingerprint()
                    + " (" + inProcess.messageScheme() + ")");
            Map<String, long[]> times = measure(ops, documentSha512, runs, warmup, blocks);
            Map<String, Object> perKey = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> entry : times.entrySet()) {
                long[] t = entry.getValue();
                Arrays.sort(t);
                double median = percentile(t, 0.5) / 1e3;
                double p90 = percentile(t, 0.9) / 1e3;
                double min = t[0] / 1e3;
                double twoThreads = entry.getKey().startsWith("Pkcs11Token") ? Double.NaN
                        : throughput(ops.get(entry.getKey()), documentSha512, Math.max(runs, 200));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("median_us", median);
                row.put("min_us", min);
                row.put("p90_us", p90);
                row.put("n", t.length);
                row.put("per_s_2_threads", Double.isNaN(twoThreads) ? null : twoThreads);
                perKey.put(entry.getKey(), row);
                table.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f | %s |%n", pair.name(), entry.getKey(), median,
                        min, p90, 1e6 / median, Double.isNaN(twoThreads) ? "" : String.format(Locale.ROOT, "%.0f", twoThreads)));
                System.err.println(String.format(Locale.ROOT, "  %s: median %.0f \u00b5s", entry.getKey(), median));
            }
            results.put(pair.name(), perKey);
        }
        results.put("runs", runs);
        results.put("warmup", warmup);
        results.put("blocks", blocks);
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(json).toFile(), results);
        }
        System.out.print(table);
    }

    /** A signer whose message signature the JDK does not accept would be timed for nothing: stop. */
    private static void check(Signer signer, byte[] message) throws Exception {
        byte[] signature = signer.signMessage(message);
        if (!PgpSigner.verifyMessage(signer.messageScheme(), signer.messagePublicKey(), message, signature)) {
            throw new IllegalStateException("The signature of " + signer.fingerprint() + " does not verify");
        }
    }

    /** Each call timed on its own; the operations take turns in blocks of runs / blocks calls, after warmup calls each. */
    private static Map<String, long[]> measure(Map<String, Op> ops, MessageDigest digest, int runs, int warmup, int blocks) throws Exception {
        for (Op op : ops.values()) {
            for (int i = 0; i < warmup; i++) {
                op.run((MessageDigest) digest.clone());
            }
        }
        Map<String, long[]> times = new LinkedHashMap<>();
        ops.keySet().forEach(name -> times.put(name, new long[runs]));
        int perBlock = Math.max(1, runs / blocks);
        for (int start = 0; start < runs; start += perBlock) {
            for (Map.Entry<String, Op> entry : ops.entrySet()) {
                long[] t = times.get(entry.getKey());
                for (int i = start; i < Math.min(runs, start + perBlock); i++) {
                    MessageDigest copy = (MessageDigest) digest.clone();
                    long begin = System.nanoTime();
                    entry.getValue().run(copy);
                    t[i] = System.nanoTime() - begin;
                }
            }
        }
        return times;
    }

    /** Signatures per second with two threads signing at once, count signatures in all. */
    private static double throughput(Op op, MessageDigest digest, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            long begin = System.nanoTime();
            for (int t = 0; t < 2; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < count / 2; i++) {
                        op.run((MessageDigest) digest.clone());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (count / 2 * 2) / ((System.nanoTime() - begin) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static double percentile(long[] sorted, double p) {
        double index = p * (sorted.length - 1);
        int lower = (int) Math.floor(index);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (index - lower);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
