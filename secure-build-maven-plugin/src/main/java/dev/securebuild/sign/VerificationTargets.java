package dev.securebuild.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.securebuild.shared.digest.DigestAlgorithm;

/** Finds what to verify: the files of a folder tree, or the files a project produced, with their signatures and checksums. */
public final class VerificationTargets {

    private VerificationTargets() {}

    /**
     * Every file under {@code directory} that is not itself a signature or checksum, paired with {@code FILE.asc}, its
     * sidecars {@code FILE.sha256} etc., and the lines that summaries ({@code SHA256SUMS}) in its folder have for it. A
     * summary line for a file that is not there is a target too, so that it is reported MISSING.
     */
    public static List<VerificationTarget> inDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("The directory to verify, " + directory + ", does not exist or is not a directory");
        }
        Map<Path, List<Path>> filesByFolder = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).sorted().forEach(file ->
                    filesByFolder.computeIfAbsent(file.getParent(), k -> new ArrayList<>()).add(file));
        }
        List<VerificationTarget> targets = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> folder : filesByFolder.entrySet()) {
            Map<String, Map<DigestAlgorithm, String>> summaries = readSummaries(folder.getKey());
            Map<String, Path> files = new TreeMap<>();
            for (Path file : folder.getValue()) {
                String name = file.getFileName().toString();
                if (!ProducedFile.isSignatureOrChecksum(name) && !name.startsWith(".")) {
                    files.put(name, file);
                }
            }
            summaries.keySet().forEach(name -> files.putIfAbsent(name, folder.getKey().resolve(name)));
            for (Map.Entry<String, Path> file : files.entrySet()) {
                String display = directory.relativize(file.getValue()).toString();
                targets.add(target(display, file.getValue(), file.getValue().resolveSibling(file.getKey() + ".asc"),
                        file.getValue().getParent(), file.getKey(), summaries.getOrDefault(file.getKey(), Map.of())));
            }
        }
        return targets;
    }

    /** The files a project produced, with the outputs that goal {@code sign} wrote for them in {@code outputDirectory}. */
    public static List<VerificationTarget> forProducedFiles(List<ProducedFile> produced, Path outputDirectory) throws IOException {
        Map<String, Map<DigestAlgorithm, String>> summaries = readSummaries(outputDirectory);
        List<VerificationTarget> targets = new ArrayList<>();
        for (ProducedFile file : produced) {
            if (file.isSignatureOrChecksum()) {
                continue;
            }
            String name = file.repositoryName();
            targets.add(target(name, file.file(), outputDirectory.resolve(name + ".asc"), outputDirectory, name,
                    summaries.getOrDefault(name, Map.of())));
        }
        return targets;
    }

    private static VerificationTarget target(String display, Path file, Path signature, Path sidecarFolder, String name,
                                             Map<DigestAlgorithm, String> summaryDigests) {
        Map<DigestAlgorithm, Path> sidecars = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            Path sidecar = sidecarFolder.resolve(name + "." + algorithm.extension());
            if (Files.isRegularFile(sidecar)) {
                sidecars.put(algorithm, sidecar);
            }
        }
        return new VerificationTarget(display, file, signature, sidecars, summaryDigests);
    }

    private static Map<String, Map<DigestAlgorithm, String>> readSummaries(Path folder) throws IOException {
        Map<String, Map<DigestAlgorithm, String>> digests = new HashMap<>();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            Path summary = folder.resolve(algorithm.summaryFileName());
            if (Files.isRegularFile(summary)) {
                ChecksumFiles.readSummary(summary, algorithm).forEach((name, hex) ->
                        digests.computeIfAbsent(name, k -> new EnumMap<>(DigestAlgorithm.class)).put(algorithm, hex));
            }
        }
        return digests;
    }
}
