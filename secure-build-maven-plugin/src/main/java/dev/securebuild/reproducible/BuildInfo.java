package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.secrets.KnownSecrets;

/**
 * The {@code .buildinfo} of a build in the Reproducible Builds format for the JVM (as maven-artifact-plugin writes it):
 * how it was built, and the length and SHA-512 of every output, so that a rebuild can be checked against it.
 */
public final class BuildInfo {

    /** One file a module produced. */
    public record Output(String groupId, String fileName, Path file) {}

    /** A module and its outputs: the POM first, then the main artifact, then the attached ones. */
    public record Module(String groupId, String artifactId, List<Output> outputs) {
        public Module {
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * What the build was and where it ran.
     *
     * @param rebuildArgs the public user properties, profiles and goals to rebuild with ({@link RebuildProperties#rebuildArgs})
     */
    public record Environment(String name, String groupId, String artifactId, String version, String scmUri, String scmTag,
                              String javaVersion, String javaVendor, String osName, String lineSeparator, String mavenVersion,
                              String rebuildArgs) {}

    private BuildInfo() {}

    /** The file's text: sections as maven-artifact-plugin writes them; one module's outputs flat, several numbered by module. */
    public static String render(Environment env, List<Module> modules) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# https://reproducible-builds.org/docs/jvm/");
        lines.add("buildinfo.version=1.0-SNAPSHOT");
        lines.add("");
        property(lines, "name", env.name());
        property(lines, "group-id", env.groupId());
        property(lines, "artifact-id", env.artifactId());
        property(lines, "version", env.version());
        lines.add("");
        lines.add("# source information");
        property(lines, "source.scm.uri", env.scmUri());
        property(lines, "source.scm.tag", env.scmTag());
        lines.add("");
        lines.add("# build instructions");
        lines.add("build-tool=mvn");
        lines.add("");
        lines.add("# effective build environment information");
        property(lines, "java.version", env.javaVersion());
        property(lines, "java.vendor", env.javaVendor());
        property(lines, "os.name", env.osName());
        property(lines, "line.separator", env.lineSeparator());
        lines.add("");
        lines.add("# Maven rebuild instructions and effective environment");
        property(lines, "mvn.version", env.mavenVersion());
        property(lines, "mvn.rebuild-args", env.rebuildArgs());
        if (modules.size() > 1) {
            property(lines, "mvn.aggregate.artifact-id", env.artifactId());
        }
        lines.add("");
        lines.add("# " + (modules.size() > 1 ? "aggregated " : "") + "output");
        for (int m = 0; m < modules.size(); m++) {
            Module module = modules.get(m);
            String prefix = modules.size() > 1 ? "outputs." + m + "." : "outputs.";
            if (modules.size() > 1) {
                property(lines, "outputs." + m + ".coordinates", module.groupId() + ":" + module.artifactId());
            }
            for (int i = 0; i < module.outputs().size(); i++) {
                Output output = module.outputs().get(i);
                property(lines, prefix + i + ".groupId", output.groupId());
                property(lines, prefix + i + ".filename", output.fileName());
                property(lines, prefix + i + ".length", String.valueOf(Files.size(output.file())));
                property(lines, prefix + i + ".checksums.sha512", Digests.sha512(output.file()));
            }
            if (modules.size() > 1 && m < modules.size() - 1) {
                lines.add("");
            }
        }
        return String.join("\n", lines) + "\n";
    }


    private static void property(List<String> lines, String key, String value) {
        if (value != null) {
            lines.add(key + "=" + escape(value));
        }
    }

    /** Java-properties escapes for a value: backslash, line ends and tabs, and a leading space. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Writes the file atomically.
     *
     * @param secrets the build's secret values: an SCM URL or a goal may hold one; it is replaced
     */
    public static void write(Path file, Environment env, List<Module> modules, KnownSecrets secrets) throws IOException {
        AtomicFiles.writeString(file, secrets.redact(render(env, modules)));
    }

    /** Reads a {@code .buildinfo} (a reference to compare with): Java properties in UTF-8. */
    public static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            // A bad \\u escape, or bytes that are not UTF-8 (the decoder's own message names neither the file nor the cause).
            String why = e instanceof java.nio.charset.CharacterCodingException ? "not UTF-8 text" : e.getMessage();
            throw new IOException(file + ": not a readable .buildinfo (" + why + "); expected Java properties in UTF-8", e);
        }
        if (!properties.containsKey("buildinfo.version")) {
            throw new IOException(file + ": not a .buildinfo: it has no buildinfo.version property");
        }
        return properties;
    }
}
