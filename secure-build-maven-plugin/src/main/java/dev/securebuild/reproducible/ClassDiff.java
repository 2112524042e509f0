package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

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

    /** @param disassemble false past the number of classes worth disassembling: the version check alone */
    static Difference compare(String location, byte[] left, byte[] right, boolean disassemble) throws IOException {
        int leftMajor = major(left);
        int rightMajor = major(right);
        if (leftMajor != rightMajor) {
            return Difference.of(location, DifferenceKind.CLASS_VERSION,
                    "class file version " + leftMajor + " (" + release(leftMajor) + ") against " + rightMajor + " (" + release(rightMajor) + ")",
                    List.of(), Map.of("leftMajor", String.valueOf(leftMajor), "rightMajor", String.valueOf(rightMajor)));
        }
        if (!disassemble) {
            return Difference.of(location, DifferenceKind.CLASS_CONTENT, "same class file version " + leftMajor + ", other bytes (not disassembled: "
                    + "only the first classes that differ are)", List.of(), Map.of("major", String.valueOf(leftMajor)));
        }
        Optional<List<String>> leftListing = javap(left);
        Optional<List<String>> rightListing = javap(right);
        if (leftListing.isEmpty() || rightListing.isEmpty()) {
            return Difference.of(location, DifferenceKind.CLASS_CONTENT, "same class file version " + leftMajor
                    + ", other bytes; javap could not read " + (leftListing.isEmpty() ? "the left one" : "the right one"), List.of(),
                    Map.of("major", String.valueOf(leftMajor)));
        }
        Patch<String> patch = DiffUtils.diff(leftListing.get(), rightListing.get());
        if (patch.getDeltas().isEmpty()) {
            return Difference.of(location, DifferenceKind.CLASS_CONTENT, "same class file version " + leftMajor
                    + " and the same javap -v listing: the bytes differ in what javap does not show (constant pool order or attributes)",
                    List.of(), Map.of("major", String.valueOf(leftMajor)));
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("left (javap -v -p)", "right (javap -v -p)", leftListing.get(), patch, 1);
        String first = patch.getDeltas().get(0).getSource().getLines().stream().findFirst()
                .or(() -> patch.getDeltas().get(0).getTarget().getLines().stream().findFirst()).orElse("").strip();
        return Difference.of(location, DifferenceKind.CLASS_CONTENT, "same class file version " + leftMajor + ", "
                + patch.getDeltas().size() + " change(s) in the javap -v listing, first at '" + TextDiff.shorten(first) + "'",
                TextDiff.cap(diff), Map.of("major", String.valueOf(leftMajor)));
    }

    /** javap reads files only: the bytes go to a private temporary file of our own naming, removed at once. */
    private static Optional<List<String>> javap(byte[] classFile) throws IOException {
        Optional<ToolProvider> javap = ToolProvider.findFirst("javap");
        if (javap.isEmpty()) {
            return Optional.empty();
        }
        Path file = Files.createTempFile("secure-build-javap", ".class");
        try {
            Files.write(file, classFile);
            StringWriter out = new StringWriter();
            int status = javap.get().run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-v", "-p", file.toString());
            if (status != 0) {
                return Optional.empty();
            }
            return Optional.of(out.toString().lines().filter(line -> !FILE_LINES.matcher(line).matches()).collect(Collectors.toList()));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
