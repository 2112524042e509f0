package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.secrets.Redaction;
import dev.securebuild.shared.text.Printable;

/**
 * This build's user properties ({@code -Dname=value}) as the rebuild gets them, so that it makes the same outputs the
 * same way ({@code -DskipTests}, {@code -Drat.skip}, {@code -Drevision=...}). They may hold secrets, so they never go
 * on a command line, which {@code ps} shows every user of the machine: they go into the copy's
 * {@code .mvn/maven.config}, readable by its owner only, after the project's own lines, and the file is put back as it
 * was once the rebuild ends. Options on the rebuild's command line ({@code -DskipTests}, rebuildArguments) still win:
 * Maven lets the command line override {@code maven.config}.
 */
public final class RebuildProperties {

    /** How this Maven reads {@code .mvn/maven.config}. */
    public enum ConfigSyntax {
        /** Maven 3.8 and older: split at any whitespace, so a value with a space cannot be written. */
        WHITESPACE_SEPARATED,
        /** Maven 3.9 and 4: one option per line. */
        ONE_PER_LINE;

        public static ConfigSyntax of(String mavenVersion) {
            String[] parts = mavenVersion == null ? new String[0] : mavenVersion.split("[.-]");
            try {
                int major = Integer.parseInt(parts[0]);
                int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                return major > 3 || major == 3 && minor >= 9 ? ONE_PER_LINE : WHITESPACE_SEPARATED;
            } catch (RuntimeException e) {
                return WHITESPACE_SEPARATED;   // unknown: the stricter reading
            }
        }
    }

    /** Set by Maven itself from where it runs (Maven 4's session.*, maven.project.*, ...): the rebuild's Maven sets its own. */
    private static final List<String> SET_BY_MAVEN = List.of("session.", "maven.installation.", "maven.project.", "maven.user.");

    private final Map<String, String> passed;
    private final Map<String, String> leftOut;

    private RebuildProperties(Map<String, String> passed, Map<String, String> leftOut) {
        this.passed = Collections.unmodifiableMap(passed);
        this.leftOut = Collections.unmodifiableMap(leftOut);
    }

    /** None: a rebuild that gets no user property. */
    public static final RebuildProperties NONE = new RebuildProperties(Map.of(), Map.of());

    /**
     * @param userProperties this build's user properties
     * @param setByRebuild   names the rebuild sets itself (the local repository, the varied user.timezone, ...): left out
     * @param syntax         how the rebuild's Maven reads maven.config
     */
    public static RebuildProperties of(Map<String, String> userProperties, Collection<String> setByRebuild, ConfigSyntax syntax) {
        Map<String, String> passed = new TreeMap<>();
        Map<String, String> leftOut = new TreeMap<>();
        userProperties.forEach((name, value) -> {
            String why = whyLeftOut(name, value, setByRebuild, syntax);
            if (why == null) {
                passed.put(name, value);
            } else {
                leftOut.put(name, why);
            }
        });
        return new RebuildProperties(passed, leftOut);
    }

    private static String whyLeftOut(String name, String value, Collection<String> setByRebuild, ConfigSyntax syntax) {
        if (name.equals(Rebuild.MARKER_PROPERTY) || setByRebuild.contains(name)) {
            return "the rebuild sets it";
        }
        if (SET_BY_MAVEN.stream().anyMatch(name::startsWith)) {
            return "Maven sets it";
        }
        if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=' || Character.isISOControl(c))) {
            return "its name cannot be written in .mvn/maven.config";
        }
        if (value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            return "its value has a line break";
        }
        if (syntax == ConfigSyntax.WHITESPACE_SEPARATED && value.chars().anyMatch(Character::isWhitespace)) {
            return "its value has a space, which this Maven's .mvn/maven.config cannot hold (Maven 3.9 can); give it in rebuildArguments";
        }
        return null;
    }

    /** The properties the rebuild gets, by name. */
    public Map<String, String> passed() {
        return passed;
    }

    /** The names left out, each with why; never a value. */
    public Map<String, String> leftOut() {
        return leftOut;
    }

    /**
     * The goals and the public user properties, as {@code mvn.rebuild-args} of a {@code .buildinfo}: what a third
     * party needs to rebuild, without a value that may be secret (only those {@code publicProperties} lists, and none
     * that {@link Redaction} would hide).
     */
    public String rebuildArgs(List<String> profiles, List<String> goals, PublicProperties publicProperties) {
        StringBuilder args = new StringBuilder();
        passed.forEach((name, value) -> {
            if (publicProperties.isPublic(name) && Redaction.redact(name, value).equals(value)) {
                args.append("-D").append(name).append(value.isEmpty() ? "" : "=" + quoted(value)).append(' ');
            }
        });
        if (!profiles.isEmpty()) {
            args.append("-P").append(String.join(",", profiles)).append(' ');
        }
        return (args + String.join(" ", goals)).strip();
    }

    private static String quoted(String value) {
        return value.chars().anyMatch(c -> Character.isWhitespace(c) || "'\"\\$`".indexOf(c) >= 0)
                ? "'" + value.replace("'", "'\\''") + "'" : value;
    }

    /**
     * Writes the properties into {@code copy/.mvn/maven.config}, owner-only, after the lines the project's own file has.
     *
     * @return what puts the file back as it was (deleted, or the project's own lines again); nothing to do when none passed
     */
    public Written writeInto(Path copy) throws IOException {
        Path config = copy.resolve(".mvn").resolve("maven.config");
        if (passed.isEmpty()) {
            return new Written(config, null, false, false);
        }
        byte[] original = Files.isRegularFile(config) ? Files.readAllBytes(config) : null;
        boolean newFolder = !Files.isDirectory(config.getParent());
        StringBuilder content = new StringBuilder(original == null ? "" : new String(original, StandardCharsets.UTF_8));
        if (content.length() > 0 && content.charAt(content.length() - 1) != '\n') {
            content.append('\n');
        }
        passed.forEach((name, value) -> content.append("-D").append(name).append('=').append(value).append('\n'));
        AtomicFiles.writePrivate(config, content.toString().getBytes(StandardCharsets.UTF_8));
        return new Written(config, original, true, newFolder);
    }

    /** The copy's maven.config while the rebuild runs; {@link #close()} puts it back. */
    public static final class Written implements AutoCloseable {
        private final Path file;
        private final byte[] original;
        private final boolean changed;
        private final boolean newFolder;

        Written(Path file, byte[] original, boolean changed, boolean newFolder) {
            this.file = file;
            this.original = original;
            this.changed = changed;
            this.newFolder = newFolder;
        }

        public Path file() {
            return file;
        }

        @Override
        public void close() throws IOException {
            if (!changed) {
                return;
            }
            if (original == null) {
                Files.deleteIfExists(file);
                if (newFolder) {
                    Files.deleteIfExists(file.getParent());
                }
            } else {
                AtomicFiles.write(file, original);
            }
        }
    }

    /** For the log: which the rebuild gets (nothing when none), in a file only its owner reads; those left out and why. */
    public List<String> description() {
        Map<String, String> lines = new LinkedHashMap<>();
        if (!passed.isEmpty()) {
            lines.put("passed", "The rebuild gets this build's user properties " + Printable.of(String.join(", ", passed.keySet()))
                    + " (in the copy's .mvn/maven.config, readable by its owner only, never on a command line)");
        }
        leftOut.forEach((name, why) -> lines.put(name, "Not given to the rebuild: -D" + Printable.of(name) + ": " + why));
        return List.copyOf(lines.values());
    }
}
