package dev.securebuild.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.securebuild.shared.digest.DigestAlgorithm;

/** Reads the checksum files others (and we) wrote: repository sidecars and GNU or BSD summaries. */
public final class ChecksumFiles {

    private static final Pattern GNU_LINE = Pattern.compile("^\\\\?([0-9a-fA-F]+) [ *](.+)$");
    private static final Pattern BSD_LINE = Pattern.compile("^([A-Z0-9-]+) \\((.+)\\) = ([0-9a-fA-F]+)$");

    private ChecksumFiles() {}

    /** A sidecar holds the hex digest, maybe followed by a file name (some repositories write one). */
    public static String readSidecar(Path sidecar, DigestAlgorithm algorithm) throws IOException {
        String text = Files.readString(sidecar, StandardCharsets.US_ASCII).strip();
        String hex = text.isEmpty() ? "" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        int expectedLength = algorithm.newMessageDigest().getDigestLength() * 2;
        if (hex.length() != expectedLength || !hex.matches("[0-9a-f]+")) {
            throw new IOException(sidecar + ": expected " + expectedLength + " hex digits of " + algorithm.jcaName()
                    + " at line 1, column 1, found '" + abbreviate(text) + "'");
        }
        return hex;
    }

    /** Reads {@code SHA256SUMS}-style lines, GNU or BSD, into file name → lowercase hex; a bad line is an error naming its number. */
    public static Map<String, String> readSummary(Path summary, DigestAlgorithm algorithm) throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(summary, StandardCharsets.UTF_8);
        int expectedLength = algorithm.newMessageDigest().getDigestLength() * 2;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name;
            String hex;
            Matcher bsd = BSD_LINE.matcher(line);
            Matcher gnu = GNU_LINE.matcher(line);
            if (bsd.matches()) {
                if (!bsd.group(1).replace("-", "").equals(algorithm.bsdTag())) {
                    throw new IOException(summary + ":" + (i + 1) + ": expected " + algorithm.bsdTag() + " lines, found " + bsd.group(1));
                }
                name = bsd.group(2);
                hex = bsd.group(3);
            } else if (gnu.matches()) {
                hex = gnu.group(1);
                name = gnu.group(2);
            } else {
                throw new IOException(summary + ":" + (i + 1) + ": expected 'HEX  NAME' (GNU) or '" + algorithm.bsdTag()
                        + " (NAME) = HEX' (BSD), found '" + abbreviate(line) + "'");
            }
            if (hex.length() != expectedLength) {
                throw new IOException(summary + ":" + (i + 1) + ": expected " + expectedLength + " hex digits of "
                        + algorithm.jcaName() + ", found " + hex.length());
            }
            digests.put(name, hex.toLowerCase(Locale.ROOT));
        }
        return digests;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
