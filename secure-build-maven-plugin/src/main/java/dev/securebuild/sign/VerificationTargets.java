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

import dev.securebuild.shared.io.Glob;
import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.io.Links;
import dev.securebuild.shared.outputs.ProducedFile;

/** Finds what to verify: the files of a folder tree, or the files a project produced, with their signatures and checksums. */
public final class VerificationTargets {

    private VerificationTargets() {}

    /**
     * Every file under {@code directory} that is not itself a signature or checksum, paired with {@code FILE.asc}, its
     * sidecars {@code FILE.sha256} etc., and the lines that summaries ({@code SHA256SUMS}) in its folder have for it. A
     * summary line for a file that is not there is a target too, so that it is reported MISSING.
     */
    public static List<VerificationTarget> inDirectory(Path directory) throws IOException {
        return inDirectory(directory, List.of());
    }

    /**
     * Files a Maven repository keeps for its own bookkeeping: nobody signs them, so they are not verified. A signed
     * summary ({@code SHA256SUMS} with {@code SHA256SUMS.asc}) is verified like any file.
     */
    public static final List<String> REPOSITORY_BOOKKEEPING = List.of("_remote.repositories", "_maven.repositories",
            "resolver-status.properties", "maven-metadata*.xml", "*.lastUpdated");

    /** @param excludes glob patterns, relative to {@code directory}, of files not to verify */
    public static List<VerificationTarget> inDirectory(Path directory, List<String> excludes) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("The directory to verify, " + directory + ", does not exist or is not a directory");
        }
        List<Glob> skipped = new ArrayList<>();
        for (String pattern : excludes) {
            if (!pattern.isBlank()) {
                skipped.add(Glob.compile(pattern));
            }
        }
        List<Glob> bookkeeping = REPOSITORY_BOOKKEEPING.stream().map(Glob::compile).toList();
        java.util.function.Predicate<Path> verified = file -> skipped.stream().noneMatch(g -> g.matches(directory.relativize(file).toString()))
                && bookkeeping.stream().noneMatch(g -> g.matchesName(file.getFileName().toString()));
        Map<Path, List<Path>> filesByFolder = new TreeMap<>();
        // Links are never followed out of the folder; one that is to be verified is not passed unread either.
        for (Path file : Links.filesAndLinks(directory)) {
            if (!verified.test(file)) {
                continue;
            }
            if (Links.isLink(file)) {
                throw new IOException(directory.relativize(file) + " in " + directory
                        + " is a symbolic link: verify-signatures does not follow links out of the folder; put the file itself there, or "
                        + "leave it out with secure-build.excludes");
            }
            filesByFolder.computeIfAbsent(file.getParent(), k -> new ArrayList<>()).add(file);
        }
        List<VerificationTarget> targets = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> folder : filesByFolder.entrySet()) {
            Map<String, Map<DigestAlgorithm, String>> summaries = readSummaries(folder.getKey());
            Map<String, Path> files = new TreeMap<>();
            for (Path file : folder.getValue()) {
                String name = file.getFileName().toString();
                boolean signedSummary = name.endsWith("SUMS") && Files.isRegularFile(file.resolveSibling(name + ".asc"));
                if ((signedSummary || !ProducedFile.isSignatureOrChecksum(name)) && !name.startsWith(".")) {
                    files.put(name, file);
                }
            }
            // A file a summary lists but that is not there is reported MISSING, unless it is excluded.
            for (String name : summaries.keySet()) {
                Path listed = folder.getKey().resolve(name).normalize();
                // A name from a summary is data: one that leads out of its folder ('..', '/', a link) is not read.
                if (!folder.getKey().equals(listed.getParent()) || Links.isLink(listed)) {
                    throw new IOException("A checksum summary in " + folder.getKey() + " lists '" + name
                            + "', which is not a file of that folder: expected plain file names");
                }
                if (verified.test(listed)) {
                    files.putIfAbsent(name, listed);
                }
            }
            for (Map.Entry<String, Path> file : files.entrySet()) {
                String display = directory.relativize(file.getValue()).toString();
                targets.add(target(display, file.getValue(), signatureOf(file.getValue()),
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

    /** {@code FILE.asc}, or a binary {@code FILE.sig} when only that exists. */
    private static Path signatureOf(Path file) {
        Path armored = file.resolveSibling(file.getFileName() + ".asc");
        Path binary = file.resolveSibling(file.getFileName() + ".sig");
        return !Files.exists(armored) && Files.exists(binary) ? binary : armored;
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
