package dev.securebuild.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.securebuild.findings.read.SarifReader;

/**
 * The scanner gate's SARIF reader alone, in a plain JVM: {@code SarifReader.read(file, consumer)} over one file,
 * counting the findings without keeping them, as the goal's reading step does without Maven around it.
 *
 * <p>Usage: {@code ReadFindings FILE} reads the file once and prints {@code findings=N ms=T} (what findings.sh times
 * in a fresh JVM). {@code ReadFindings FILE --breakdown --runs N} instead times, N times each in one JVM after one
 * warm-up, the layers the reader is built of, to show where its time goes: Jackson's tokenizer alone, the tokenizer
 * plus one tree per result (the reader's walk, without findings), and the whole reader; prints a Markdown table.
 */
public final class ReadFindings {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        List<String> options = Arrays.asList(args).subList(1, args.length);
        if (!options.contains("--breakdown")) {
            long start = System.nanoTime();
            long findings = reader(file);
            System.out.printf(Locale.ROOT, "findings=%d ms=%.0f%n", findings, (System.nanoTime() - start) / 1e6);
            return;
        }
        int runs = Integer.parseInt(options.get(options.indexOf("--runs") + 1));
        breakdown(file, runs);
    }

    /** The reader itself: every finding is made, counted and dropped. */
    static long reader(Path file) throws IOException {
        AtomicLong count = new AtomicLong();
        new SarifReader().read(file, finding -> count.incrementAndGet());
        return count.get();
    }

    /** Jackson's tokenizer over the whole file, nothing kept: the floor for any Jackson streaming reader. */
    static long tokens(Path file) throws IOException {
        long tokens = 0;
        try (JsonParser parser = MAPPER.getFactory().createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /** The reader's walk (runs, their tool, one tree per result) without making findings: returns the results seen. */
    static long trees(Path file) throws IOException {
        long results = 0;
        try (JsonParser parser = MAPPER.getFactory().createParser(file.toFile())) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("runs") || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String runField = parser.currentName();
                        JsonToken runValue = parser.nextToken();
                        if (runField.equals("tool") && runValue == JsonToken.START_OBJECT) {
                            MAPPER.readTree(parser);
                        } else if (runField.equals("results") && runValue == JsonToken.START_ARRAY) {
                            while (parser.nextToken() == JsonToken.START_OBJECT) {
                                JsonNode result = MAPPER.readTree(parser);
                                if (result.path("kind").asText("fail").equals("fail")) {
                                    results++;
                                }
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
            }
        }
        return results;
    }

    private interface Layer {
        long run(Path file) throws IOException;
    }

    private static void breakdown(Path file, int runs) throws IOException {
        Map<String, String> what = new LinkedHashMap<>();
        what.put("tokens", "Jackson's tokenizer over the whole file, every token, nothing kept (the floor of a Jackson streaming reader)");
        what.put("trees", "the reader's walk: the tokenizer, one JsonNode tree per run's tool and per result, no Finding made");
        what.put("reader", "SarifReader.read(file, consumer): the trees, then a Finding per result (rule lookup, severity, fingerprint), counted and dropped");
        Map<String, Layer> layers = Map.of("tokens", ReadFindings::tokens, "trees", ReadFindings::trees, "reader", ReadFindings::reader);
        double mb = Files.size(file) / 1e6;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| layer | what | count | first run ms (in order: the JVM is cold for the first layer only) | median ms (warm, %d runs) | min ms | MB/s (median) |%n"
                + "|---|---|---:|---:|---:|---:|---:|%n", runs));
        for (Map.Entry<String, String> entry : what.entrySet()) {
            Layer layer = layers.get(entry.getKey());
            long first = System.nanoTime();
            long count = layer.run(file);
            double firstMs = (System.nanoTime() - first) / 1e6;
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                layer.run(file);
                times.add((System.nanoTime() - start) / 1e6);
            }
            times.sort(null);
            double median = times.size() % 2 == 1 ? times.get(times.size() / 2)
                    : (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)) / 2;
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.0f | %.0f |%n", entry.getKey(), entry.getValue(),
                    count, firstMs, median, times.get(0), mb / (median / 1000)));
        }
        table.append(String.format(Locale.ROOT, "%nHeap: -Xmx %d MiB, peak used after all runs %d MiB (sum of the heap pools' peaks).%n",
                Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20));
        System.out.print(table);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
