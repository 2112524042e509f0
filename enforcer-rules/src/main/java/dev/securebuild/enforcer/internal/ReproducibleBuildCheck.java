package dev.securebuild.enforcer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * What makes a Maven build not reproducible before it even runs: no {@code project.build.outputTimestamp}, version
 * ranges (another day resolves another version), SNAPSHOTs in a release, and plugins older than their first
 * reproducible version. Plain data in, messages out: the Enforcer rule only hands it the project.
 */
public final class ReproducibleBuildCheck {

    /** A dependency or plugin as declared, with the place it comes from for the message. */
    public static final class Coordinate {
        private final String kind;
        private final String groupId;
        private final String artifactId;
        private final String version;

        public Coordinate(String kind, String groupId, String artifactId, String version) {
            this.kind = kind;
            this.groupId = groupId;
            this.artifactId = artifactId;
            this.version = version;
        }

        public String kind() {
            return kind;
        }

        public String groupId() {
            return groupId;
        }

        public String artifactId() {
            return artifactId;
        }

        public String version() {
            return version;
        }

        String key() {
            return groupId + ":" + artifactId;
        }

        @Override
        public String toString() {
            return kind + " " + groupId + ":" + artifactId + ":" + version;
        }
    }

    /** The first reproducible version of a plugin, and why. */
    public static final class Minimum {
        private final String version;
        private final String reason;

        public Minimum(String version, String reason) {
            this.version = version;
            this.reason = reason;
        }

        public String version() {
            return version;
        }

        public String reason() {
            return reason;
        }
    }

    /** One reason the build cannot be reproducible, about one coordinate or (the timestamp) about the project. */
    public static final class Problem {
        private final Coordinate coordinate;
        private final String finding;
        private final String message;

        Problem(Coordinate coordinate, String finding, String message) {
            this.coordinate = coordinate;
            this.finding = finding;
            this.message = message;
        }

        /** The dependency or plugin it is about; null for the project's own setting (the timestamp): no exemption covers it. */
        public Coordinate coordinate() {
            return coordinate;
        }

        /** What is wrong, short, after the coordinate: "a SNAPSHOT in release 1.0". */
        public String finding() {
            return finding;
        }

        /** The whole message, with what to change. */
        public String message() {
            return message;
        }

        @Override
        public String toString() {
            return message;
        }
    }

    private final Map<String, Minimum> minimums;

    public ReproducibleBuildCheck(Map<String, Minimum> minimums) {
        this.minimums = Map.copyOf(minimums);
    }

    /** With the maintained list that ships in this jar. */
    public static ReproducibleBuildCheck withKnownPlugins() {
        return new ReproducibleBuildCheck(knownPlugins());
    }

    /**
     * @param outputTimestamp the project's {@code project.build.outputTimestamp}, null when not set
     * @param projectVersion  the project's version: SNAPSHOT dependencies are allowed in a SNAPSHOT
     * @param dependencies    declared dependencies, after inheritance and management
     * @param plugins         build plugins and their dependencies
     * @return one message per problem, each saying what to change; empty when there is none
     */
    public List<String> check(String outputTimestamp, String projectVersion, List<Coordinate> dependencies, List<Coordinate> plugins) {
        List<String> messages = new ArrayList<>();
        problems(outputTimestamp, projectVersion, dependencies, plugins).forEach(problem -> messages.add(problem.message()));
        return messages;
    }

    /** The problems of {@link #check}, each with the coordinate it is about, for exemptions per coordinate. */
    public List<Problem> problems(String outputTimestamp, String projectVersion, List<Coordinate> dependencies, List<Coordinate> plugins) {
        List<Problem> problems = new ArrayList<>();
        if (outputTimestamp == null || outputTimestamp.isBlank()) {
            problems.add(new Problem(null, "no outputTimestamp", "project.build.outputTimestamp is not set: archives record the build "
                    + "time of every entry. Add <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp> to "
                    + "<properties> (the release plugin updates it)"));
        } else if (!isTimestamp(outputTimestamp.strip())) {
            // maven-archiver reads a one-character value as "off": that is the same as not set.
            problems.add(new Problem(null, "a malformed outputTimestamp", "project.build.outputTimestamp is '" + outputTimestamp
                    + "': expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, or seconds since the epoch"));
        }
        boolean release = projectVersion != null && !projectVersion.endsWith("-SNAPSHOT");
        List<Coordinate> all = new ArrayList<>(dependencies);
        all.addAll(plugins);
        for (Coordinate coordinate : all) {
            String version = coordinate.version();
            if (version == null || version.isBlank()) {
                if (coordinate.kind().contains("plugin")) {
                    problems.add(new Problem(coordinate, "no version", coordinate.kind() + " " + coordinate.key() + " has no version: Maven "
                            + "picks one, which changes with Maven's version; pin it in <pluginManagement>"));
                }
                continue;
            }
            if (isRange(version)) {
                problems.add(new Problem(coordinate, "a version range", coordinate + " is a version range: another day resolves another "
                        + "version; pin one version"));
            } else if (release && version.endsWith("-SNAPSHOT")) {
                problems.add(new Problem(coordinate, "a SNAPSHOT in release " + projectVersion, coordinate + " is a SNAPSHOT in release "
                        + projectVersion + ": its content changes with every deploy; depend on a release"));
            }
            Minimum minimum = minimums.get(coordinate.key());
            if (minimum != null && coordinate.kind().equals("plugin") && !isRange(version)
                    && new ComparableVersion(version).compareTo(new ComparableVersion(minimum.version())) < 0) {
                problems.add(new Problem(coordinate, "older than " + minimum.version(), coordinate + " is older than " + minimum.version()
                        + ", its first reproducible version (" + minimum.reason() + "): upgrade it to " + minimum.version() + " or later"));
            }
        }
        return problems;
    }

    static boolean isRange(String version) {
        return version.startsWith("[") || version.startsWith("(") || version.contains(",");
    }

    private static boolean isTimestamp(String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 1;
        }
        try {
            java.time.OffsetDateTime.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            try {
                java.time.Instant.parse(value);
                return true;
            } catch (java.time.format.DateTimeParseException again) {
                return false;
            }
        }
    }

    static Map<String, Minimum> knownPlugins() {
        Properties properties = new Properties();
        try (InputStream in = ReproducibleBuildCheck.class.getResourceAsStream("reproducible-plugins.properties")) {
            if (in == null) {
                throw new IllegalStateException("reproducible-plugins.properties is missing from the rules jar");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reproducible-plugins.properties from the rules jar", e);
        }
        Map<String, Minimum> minimums = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String[] parts = properties.getProperty(key).split("\\|", 2);
            minimums.put(key.strip(), new Minimum(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "no reason recorded"));
        }
        return minimums;
    }
}
