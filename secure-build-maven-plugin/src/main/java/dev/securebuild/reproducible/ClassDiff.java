package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * Class files: the class file version first (which Java release they were compiled for), then the JDK's own
 * disassembler ({@code javap -v -p}, through {@link ToolProvider}) on both, diffed: constant pool, fields, method
 * bodies and attributes.
 */
final class ClassDiff {

    /** The lines javap prints about the file it read rather than the class: its path, time, size and checksum. */
    private static final Pattern FILE_LINES = Pattern.compile("^(Classfile |\\s+Last modified |\\s+(MD5|SHA-256) checksum ).*");

    private ClassDiff() {}

    static int major(byte[] classFile) {
        return classFile.length >= 8 ? ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff) : -1;
    }

    static String release(int major) {
        return major >= 45 ? "Java " + (major <= 48 ? "1." + (major - 44) : String.valueOf(major - 44)) : "unknown";
    }

    /** The class file version check; null when both have the same version and javap must look further. */
    static Difference versions(String location, byte[] left, byte[] right) {
        int leftMajor = major(left);
        int rightMajor = major(right);
        if (leftMajor == rightMajor) {
            return null;
        }
        return Difference.of(location, DifferenceKind.CLASS_VERSION,
                "class file version " + leftMajor + " (" + release(leftMajor) + ") against " + rightMajor + " (" + release(rightMajor) + ")",
                List.of(), Map.of("leftMajor", String.valueOf(leftMajor), "rightMajor", String.valueOf(rightMajor)));
    }

    /** Past the number of classes worth disassembling: the bytes differ, the version is the same. */
    static Difference notDisassembled(String location, byte[] left) {
        return Difference.of(location, DifferenceKind.CLASS_CONTENT, "same class file version " + major(left) + ", other bytes (not "
                + "disassembled: only the first " + Comparison.MAX_DISASSEMBLED + " classes that differ are)", List.of(),
                Map.of("major", String.valueOf(major(left))));
    }

    /** A pair of class files of the same version, to disassemble. */
    record Pair(String location, byte[] left, byte[] right) {}

    /**
     * Disassembles every pair with javap, one javap run per side for all of them (each run loads the JDK's platform
     * classes, which costs more than the classes themselves), both sides at once, and diffs the listings.
     */
    static List<Difference> compare(List<Pair> pairs) throws IOException {
        if (pairs.isEmpty()) {
            return List.of();
        }
        CompletableFuture<List<Optional<List<String>>>> rights = CompletableFuture.supplyAsync(
                () -> javapOrEmpty(pairs.stream().map(Pair::right).toList()));
        List<Optional<List<String>>> lefts = javapOrEmpty(pairs.stream().map(Pair::left).toList());
        List<Optional<List<String>>> rightListings = rights.join();
        List<Difference> differences = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            differences.add(compare(pairs.get(i), lefts.get(i), rightListings.get(i)));
        }
        return differences;
    }

    private static Difference compare(Pair pair, Optional<List<String>> leftListing, Optional<List<String>> rightListing) {
        int major = major(pair.left());
        Map<String, String> facts = Map.of("major", String.valueOf(major));
        if (leftListing.isEmpty() || rightListing.isEmpty()) {
            return Difference.of(pair.location(), DifferenceKind.CLASS_CONTENT, "same class file version " + major
                    + ", other bytes; javap could not read " + (leftListing.isEmpty() ? "the left one" : "the right one"), List.of(), facts);
        }
        Patch<String> patch = DiffUtils.diff(leftListing.get(), rightListing.get());
        if (patch.getDeltas().isEmpty()) {
            return Difference.of(pair.location(), DifferenceKind.CLASS_CONTENT, "same class file version " + major
                    + " and the same javap -v listing: the bytes differ in what javap does not show (constant pool order or attributes)",
                    List.of(), facts);
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("left (javap -v -p)", "right (javap -v -p)", leftListing.get(), patch, 1);
        String first = patch.getDeltas().get(0).getSource().getLines().stream().findFirst()
                .or(() -> patch.getDeltas().get(0).getTarget().getLines().stream().findFirst()).orElse("").strip();
        return Difference.of(pair.location(), DifferenceKind.CLASS_CONTENT, "same class file version " + major + ", "
                + patch.getDeltas().size() + " change(s) in the javap -v listing, first at '" + TextDiff.shorten(first) + "'",
                TextDiff.cap(diff), facts);
    }

    private static List<Optional<List<String>>> javapOrEmpty(List<byte[]> classFiles) {
        try {
            return javap(classFiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * javap reads files only: the bytes go to private temporary files of our own naming, removed at once. The output
     * of one run is split at each file's "Classfile" line; a class javap could not read gets an empty listing.
     */
    private static List<Optional<List<String>>> javap(List<byte[]> classFiles) throws IOException {
        List<Optional<List<String>>> listings = new ArrayList<>();
        Optional<ToolProvider> javap = ToolProvider.findFirst("javap");
        if (javap.isEmpty()) {
            classFiles.forEach(file -> listings.add(Optional.empty()));
            return listings;
        }
        Path dir = Files.createTempDirectory("secure-build-javap");
        try {
            List<String> arguments = new ArrayList<>(List.of("-v", "-p"));
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < classFiles.size(); i++) {
                Path file = dir.resolve("c" + i + ".class");
                Files.write(file, classFiles.get(i));
                files.add(file);
                arguments.add(file.toString());
            }
            StringWriter out = new StringWriter();
            javap.get().run(new PrintWriter(out), new PrintWriter(new StringWriter()), arguments.toArray(new String[0]));
            Map<String, List<String>> byFile = new java.util.HashMap<>();
            List<String> current = null;
            for (String line : out.toString().split("\\R")) {
                if (line.startsWith("Classfile ")) {
                    current = new ArrayList<>();
                    byFile.put(line.substring("Classfile ".length()).strip(), current);
                } else if (current != null && !FILE_LINES.matcher(line).matches()) {
                    current.add(line);
                }
            }
            for (Path file : files) {
                List<String> listing = byFile.get(file.toString());
                listings.add(listing == null || listing.isEmpty() ? Optional.empty() : Optional.of(listing));
            }
            return listings;
        } finally {
            SourceSnapshot.deleteTree(dir);
        }
    }
}
