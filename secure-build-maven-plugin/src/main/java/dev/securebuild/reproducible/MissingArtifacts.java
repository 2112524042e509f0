package dev.securebuild.reproducible;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.securebuild.shared.text.Printable;

/**
 * The artifacts a failed rebuild could not get, read from the {@code [ERROR]} lines of its log, so that the failure
 * says which one and how to fix it rather than only "exit code 1". The log is the rebuild's own output; it is read
 * line by line, each line cut at a bound, and only the first few artifacts are kept.
 */
public final class MissingArtifacts {

    private static final int MAX_LINE = 16_384;
    private static final int MAX_ARTIFACTS = 5;
    // group:artifact:type[:classifier]:version, as Maven's resolver prints them.
    private static final String COORDINATES = "([\\w.\\-]+:[\\w.\\-]+(?::[\\w.\\-]+){1,3})";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("the artifact " + COORDINATES + " has not been downloaded from it before"),
            Pattern.compile("Could not find artifact " + COORDINATES),
            Pattern.compile("Failure to find " + COORDINATES),
            Pattern.compile("could not be resolved: " + COORDINATES),
            Pattern.compile("Plugin " + COORDINATES + " or one of its dependencies could not be resolved"));

    private MissingArtifacts() {}

    /** The artifacts the log says could not be resolved, in the order met, at most five; empty when none. */
    public static List<String> in(Path log) {
        Set<String> found = new LinkedHashSet<>();
        if (log == null || !Files.isRegularFile(log)) {
            return List.of();
        }
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && found.size() < MAX_ARTIFACTS) {
                if (!line.startsWith("[ERROR]")) {
                    continue;
                }
                String bounded = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
                for (Pattern pattern : PATTERNS) {
                    Matcher matcher = pattern.matcher(bounded);
                    while (matcher.find() && found.size() < MAX_ARTIFACTS) {
                        found.add(matcher.group(1));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.copyOf(found);   // a log that cannot be read as text: the failure still gives its last lines
        }
        return List.copyOf(found);
    }

    /** What to say about them: which, why, and how to fix it; null when none. */
    public static String advice(List<String> missing, boolean offline) {
        if (missing.isEmpty()) {
            return null;
        }
        String which = Printable.of(String.join(", ", missing));
        return "The rebuild could not get " + which + ". " + (offline
                ? "It ran offline (as this build did, or -Dsecure-build.rebuildOffline), from this build's local repository, "
                + "where this build never put it: the rebuild needs what this build did not, such as a plugin this build skipped. "
                + "Give the rebuild the same switches (rebuildArguments), let it fetch what it lacks (run this build online and "
                + "without rebuildOffline), or fetch it once: mvn dependency:get -Dartifact=" + Printable.of(missing.get(0))
                : "It ran online with this build's settings and repositories, which do not have it: check the repositories "
                + "and mirrors in settings.xml, or what the rebuild does that this build did not (rebuildGoals, rebuildArguments).");
    }
}
