package dev.securebuild.reproducible;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.securebuild.shared.io.Links;

/**
 * The mojo executions this build planned for one module, and which of them wrote each output: the file each known
 * archiver writes follows from its effective configuration (finalName, classifier, appendAssemblyId, the assembly's
 * id and formats), and the last execution of the plan that writes a file is the one whose bytes are there. Any other
 * plugin, or a plan that is not known, gives {@link Producer#UNKNOWN}: a producer is never guessed.
 *
 * @param executions       the plan in the order Maven runs it; null when it could not be had
 * @param projectDirectory where relative paths of the configuration are read from
 * @param buildDirectory   {@code project.build.directory}
 * @param finalName        {@code project.build.finalName}
 * @param pomFile          the project's POM, which no plugin writes
 * @param outputTimestamp  the module's {@code project.build.outputTimestamp}, null or blank when not set
 */
public record BuildPlan(List<PlannedExecution> executions, Path projectDirectory, Path buildDirectory, String finalName,
                        String artifactId, String version, Path pomFile, String outputTimestamp) {

    public BuildPlan {
        executions = executions == null ? null : List.copyOf(executions);
    }

    /** Nothing known of the build but whether project.build.outputTimestamp is set. */
    public static BuildPlan unknown(String outputTimestamp) {
        return new BuildPlan(null, null, null, null, null, null, null, outputTimestamp);
    }

    public boolean outputTimestampSet() {
        return outputTimestamp != null && !outputTimestamp.isBlank();
    }

    /** Who wrote this output: the last execution of the plan that writes it, the POM file, or unknown. */
    public Producer producerOf(Path file) {
        if (file == null) {
            return Producer.UNKNOWN;
        }
        if (pomFile != null && same(pomFile, file)) {
            return Producer.described("the project's POM file (no plugin writes it)");
        }
        PlannedExecution writer = writerOf(file);
        return writer == null ? Producer.UNKNOWN : writer.producer();
    }

    /** The last execution of the plan that writes this file, or null. */
    PlannedExecution writerOf(Path file) {
        if (executions == null || file == null) {
            return null;
        }
        PlannedExecution last = null;
        for (PlannedExecution execution : executions) {
            for (Path written : writes(execution)) {
                if (same(written, file)) {
                    last = execution;
                }
            }
        }
        return last;
    }

    /** The descriptors the assembly execution read, those it could. */
    List<AssemblyDescriptor> descriptors(PlannedExecution assembly) {
        List<AssemblyDescriptor> descriptors = new ArrayList<>();
        for (String name : list(assembly.parameter("descriptors"), assembly.parameter("descriptor"))) {
            AssemblyDescriptor read = AssemblyDescriptor.read(resolve(name));
            if (read != null) {
                descriptors.add(read);
            }
        }
        for (String ref : list(assembly.parameter("descriptorRefs"), assembly.parameter("descriptorId"))) {
            AssemblyDescriptor builtIn = AssemblyDescriptor.builtIn(ref);
            if (builtIn != null) {
                descriptors.add(builtIn);
            }
        }
        return descriptors;
    }

    /**
     * What most likely wrote a generated file: an execution of the plan whose configuration names the file, or names
     * a folder of the project that holds a file of that path (the template a plugin filtered or copied).
     *
     * @param execution the execution
     * @param evidence  why it is named: "its configuration names run.sh"
     */
    public record Generator(PlannedExecution execution, String evidence) {}

    private static final Pattern FOLDER = Pattern.compile("<(directory|sourceDirectory|templateDirectory|source|basedir)>([^<]{1,500})</\\1>");

    /**
     * The executions that most likely wrote a generated file of this path (an entry name such as {@code bin/run.sh}),
     * except the given one (the archive's producer); empty when none does or the plan is not known.
     */
    public List<Generator> generatorsOf(String entry, PlannedExecution except) {
        String fileName = entry.substring(entry.lastIndexOf('/') + 1);
        if (executions == null || fileName.isEmpty()) {
            return List.of();
        }
        Pattern named = Pattern.compile("(?<![\\w.-])" + Pattern.quote(fileName) + "(?![\\w.-])");
        List<Generator> generators = new ArrayList<>();
        for (PlannedExecution execution : executions) {
            if (execution == except) {
                continue;
            }
            if (named.matcher(execution.configuration()).find()) {
                generators.add(new Generator(execution, "its configuration names " + fileName));
                continue;
            }
            String folder = folderHolding(execution.configuration(), entry);
            if (folder != null) {
                generators.add(new Generator(execution, "its configuration reads " + folder + ", which holds " + fileName));
            }
        }
        return generators;
    }

    /** A folder of the project the configuration names that holds a file of this entry's path or name, or null. */
    private String folderHolding(String configuration, String entry) {
        if (projectDirectory == null) {
            return null;
        }
        Path project = projectDirectory.toAbsolutePath().normalize();
        Matcher folders = FOLDER.matcher(configuration);
        while (folders.find()) {
            Path folder = resolve(folders.group(2).strip()).toAbsolutePath().normalize();
            if (!folder.startsWith(project) || folder.startsWith(buildDirectory == null ? project.resolve("target") : buildDirectory.toAbsolutePath().normalize())) {
                continue;   // a source folder of the project, not an output of the build
            }
            String[] parts = entry.split("/");
            for (int i = 0; i < parts.length; i++) {
                String tail = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
                // The entry name comes from the archive: an absolute name, '..' or a link must not reach out of the folder.
                Path candidate = tail.isEmpty() || tail.startsWith("/") || tail.contains("\\") ? null : folder.resolve(tail).normalize();
                if (candidate != null && candidate.startsWith(folder) && Links.isInside(folder, candidate)
                        && Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    return project.relativize(folder).toString().replace('\\', '/');
                }
            }
        }
        return null;
    }

    private List<Path> writes(PlannedExecution execution) {
        if (isTrue(execution.parameter("skip")) || isTrue(execution.parameter("skipAssembly")) || isTrue(execution.parameter("skipSource"))) {
            return List.of();
        }
        String goal = execution.goal();
        String name = or(execution.parameter("finalName"), finalName);
        Path out = directory(execution.parameter("outputDirectory"));
        if (name == null || out == null) {
            return List.of();
        }
        String classifier = execution.parameter("classifier");
        return switch (execution.artifactId()) {
            case "maven-jar-plugin", "maven-ejb-plugin" -> switch (goal) {
                case "jar", "ejb" -> one(out, name + suffix(classifier) + ".jar");
                case "test-jar" -> one(out, name + suffix(or(classifier, "tests")) + ".jar");
                default -> List.of();
            };
            case "maven-war-plugin" -> "war".equals(goal) ? one(out, or(execution.parameter("warName"), name) + suffix(classifier) + ".war") : List.of();
            case "maven-ear-plugin" -> "ear".equals(goal) ? one(out, name + suffix(classifier) + ".ear") : List.of();
            case "maven-source-plugin" -> switch (goal) {
                case "jar", "jar-no-fork", "aggregate" -> one(out, name + suffix(or(classifier, "sources")) + ".jar");
                case "test-jar", "test-jar-no-fork", "test-aggregate" -> one(out, name + suffix(or(classifier, "test-sources")) + ".jar");
                default -> List.of();
            };
            case "maven-javadoc-plugin" -> {
                Path javadocOut = directory(execution.parameter("jarOutputDirectory"));
                yield switch (goal) {
                    case "jar", "aggregate-jar" -> one(javadocOut, name + suffix(or(classifier, "javadoc")) + ".jar");
                    case "test-jar", "test-aggregate-jar" -> one(javadocOut, name + suffix(or(classifier, "test-javadoc")) + ".jar");
                    default -> List.of();
                };
            }
            case "maven-assembly-plugin" -> "single".equals(goal) ? assemblies(execution, out, name) : List.of();
            case "maven-shade-plugin" -> "shade".equals(goal) ? shaded(execution, out) : List.of();
            default -> List.of();
        };
    }

    private List<Path> assemblies(PlannedExecution execution, Path out, String name) {
        boolean appendId = !"false".equalsIgnoreCase(execution.parameter("appendAssemblyId"));
        List<String> overridden = list(execution.parameter("formats"));
        List<Path> files = new ArrayList<>();
        for (AssemblyDescriptor descriptor : descriptors(execution)) {
            for (String format : overridden.isEmpty() ? descriptor.formats() : overridden) {
                if (!"dir".equals(format)) {
                    files.add(out.resolve(name + (appendId && !descriptor.id().isEmpty() ? "-" + descriptor.id() : "") + "." + format));
                }
            }
        }
        return files;
    }

    private List<Path> shaded(PlannedExecution execution, Path out) {
        String outputFile = execution.parameter("outputFile");
        if (outputFile != null && !outputFile.isBlank()) {
            return List.of(resolve(outputFile));
        }
        if (isTrue(execution.parameter("shadedArtifactAttached"))) {
            return one(out, artifactId + "-" + version + "-" + or(execution.parameter("shadedClassifierName"), "shaded") + ".jar");
        }
        return one(out, or(execution.parameter("finalName"), finalName) + ".jar");
    }

    private Path directory(String configured) {
        return configured == null || configured.isBlank() ? buildDirectory : resolve(configured);
    }

    private Path resolve(String path) {
        Path given = Path.of(path);
        return given.isAbsolute() || projectDirectory == null ? given : projectDirectory.resolve(given);
    }

    private static List<Path> one(Path directory, String name) {
        return directory == null ? List.of() : List.of(directory.resolve(name));
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static String suffix(String classifier) {
        return classifier == null || classifier.isBlank() ? "" : "-" + classifier;
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static boolean isTrue(String value) {
        return value != null && "true".equals(value.strip().toLowerCase(Locale.ROOT));
    }

    private static List<String> list(String... values) {
        List<String> items = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
        }
        return items;
    }
}
