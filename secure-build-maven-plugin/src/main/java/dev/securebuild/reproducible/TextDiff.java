package dev.securebuild.reproducible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/** Text and properties files: line endings first, then a unified diff, with what the changed lines hold. */
final class TextDiff {

    /** Lines of unified diff kept in a difference: enough to see the change, short enough to read. */
    static final int MAX_DIFF_LINES = 40;
    /** Steps of the line diff allowed per file pair, about a second: past it, the texts are compared byte by byte. */
    static final long MAX_DIFF_WORK = 400_000_000L;

    /** Dates and times as builds write them: ISO-8601, java.util.Date's toString, RFC 1123, epoch milliseconds. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}"
                    + "|(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d \\d{2}:\\d{2}:\\d{2}"
                    + "|\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}"
                    + "|\\b1[5-9]\\d{11}\\b"
                    + "|\\d{8}[-_.]?\\d{4,6}");
    /** java.util.Properties.store writes the current date as a comment line. */
    private static final Pattern PROPERTIES_DATE_COMMENT = Pattern.compile(
            "#(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) .*\\d{4}");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.])(/(home|tmp|Users|var|build|workspace|root|opt|srv|runner|builds|work)/"
            + "[^\\s\"'<>:;,]+|[A-Za-z]:\\\\[^\\s\"'<>;,]+)");

    private TextDiff() {}

    static Difference compare(String location, DifferenceKind kind, byte[] left, byte[] right) {
        String leftText = Text.decode(left);
        String rightText = Text.decode(right);
        if (leftText.replace("\r\n", "\n").equals(rightText.replace("\r\n", "\n"))) {
            Map<String, String> facts = Map.of("left", Text.lineEndings(leftText), "right", Text.lineEndings(rightText));
            return Difference.of(location, DifferenceKind.LINE_ENDINGS,
                    "line ends " + facts.get("left") + " against " + facts.get("right") + ", the text is the same", List.of(), facts);
        }
        List<String> leftLines = Text.lines(leftText.replace("\r\n", "\n"));
        List<String> rightLines = Text.lines(rightText.replace("\r\n", "\n"));
        long work = diffWork(leftLines, rightLines);
        if (work > MAX_DIFF_WORK) {
            try {
                return Binary.streamed(location, left, right, "too many lines differ to diff line by line in bounded time (about "
                        + work / 1_000_000 + " million steps, more than " + MAX_DIFF_WORK / 1_000_000 + " million); compared byte by byte");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);   // reading a byte array does not fail
            }
        }
        Patch<String> patch = DiffUtils.diff(leftLines, rightLines);
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            removed.addAll(delta.getSource().getLines());
            added.addAll(delta.getTarget().getLines());
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("changedLines", String.valueOf(Math.max(removed.size(), added.size())));
        if (matchesAny(TIMESTAMP, removed) && matchesAny(TIMESTAMP, added)) {
            facts.put("timestamp", "true");
        }
        if (matchesAny(PROPERTIES_DATE_COMMENT, removed) && matchesAny(PROPERTIES_DATE_COMMENT, added)) {
            facts.put("propertiesDateComment", "true");
        }
        if (matchesAny(ABSOLUTE_PATH, removed) && matchesAny(ABSOLUTE_PATH, added)) {
            facts.put("absolutePath", "true");
        }
        if (!leftText.contains("\r\n") == rightText.contains("\r\n")) {
            facts.put("lineEndings", Text.lineEndings(leftText) + " against " + Text.lineEndings(rightText));
        }
        String changedLine = firstChange(removed, added);
        facts.put("example", changedLine);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("left", "right", leftLines, patch, 1);
        return Difference.of(location, kind, facts.get("changedLines") + " line(s) differ: " + changedLine, cap(diff), facts);
    }

    /**
     * What the Myers diff costs at most: (N + M) times the number of edits, which is at most the lines between the common
     * first and last lines. Two large texts that differ throughout would take minutes; one line changed in a large
     * text stays cheap.
     */
    static long diffWork(List<String> left, List<String> right) {
        int shorter = Math.min(left.size(), right.size());
        int prefix = 0;
        while (prefix < shorter && left.get(prefix).equals(right.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix && left.get(left.size() - 1 - suffix).equals(right.get(right.size() - 1 - suffix))) {
            suffix++;
        }
        long edits = (long) left.size() + right.size() - 2L * (prefix + suffix);
        return ((long) left.size() + right.size()) * edits;
    }

    private static String firstChange(List<String> removed, List<String> added) {
        String before = removed.isEmpty() ? "(none)" : removed.get(0).strip();
        String after = added.isEmpty() ? "(none)" : added.get(0).strip();
        return "'" + shorten(before) + "' against '" + shorten(after) + "'";
    }

    static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }

    static List<String> cap(List<String> lines) {
        if (lines.size() <= MAX_DIFF_LINES) {
            return lines;
        }
        List<String> capped = new ArrayList<>(lines.subList(0, MAX_DIFF_LINES));
        capped.add("... " + (lines.size() - MAX_DIFF_LINES) + " more diff lines");
        return capped;
    }

    private static boolean matchesAny(Pattern pattern, List<String> lines) {
        return lines.stream().anyMatch(line -> pattern.matcher(line).find());
    }
}
