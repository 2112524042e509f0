package dev.securebuild.reproducible;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the general explanations of {@link CauseRules} say what this build did: who made the output (every difference
 * inside an archive belongs to the producer of that archive), which plugin or descriptor ignores
 * {@code project.build.outputTimestamp} when the project sets it already (instead of advising to set it), and which
 * execution wrote a generated file that holds the build time (instead of blaming resource filtering).
 */
final class ProducerCauses {

    /** The kinds whose general fix is project.build.outputTimestamp. */
    private static final Set<DifferenceKind> NORMALIZED_BY_OUTPUT_TIMESTAMP = EnumSet.of(DifferenceKind.ENTRY_ORDER,
            DifferenceKind.ENTRY_TIMESTAMP, DifferenceKind.ENTRY_PERMISSIONS, DifferenceKind.ENTRY_ATTRIBUTES, DifferenceKind.ENTRY_OWNER,
            DifferenceKind.EXTRA_FIELDS, DifferenceKind.CONTAINER);

    private final BuildPlan plan;

    ProducerCauses(BuildPlan plan) {
        this.plan = plan;
    }

    /** The explanation of a difference in an output that this producer (and this plan's execution, or null) wrote. */
    Explanation explain(Difference difference, Producer producer, PlannedExecution writer, String outputName) {
        Explanation general = difference.explanation().withProducer(producer.describe());
        if (plan.outputTimestampSet() && NORMALIZED_BY_OUTPUT_TIMESTAMP.contains(difference.kind())
                && general.fix().contains("outputTimestamp") && !general.fix().startsWith("Upgrade")) {
            return alreadySet(difference, general, producer, writer, outputName);
        }
        return general;
    }

    private Explanation alreadySet(Difference difference, Explanation general, Producer producer, PlannedExecution writer, String outputName) {
        String set = "project.build.outputTimestamp is set (" + TextDiff.shorten(plan.outputTimestamp().strip()) + ")";
        String cause = general.cause().replace("project.build.outputTimestamp is not set, or the plugin that made this archive ignores it",
                "the plugin that made this archive ignores project.build.outputTimestamp, which is set");
        String since = producer.honoursOutputTimestampSince();
        if (!producer.known()) {
            return new Explanation(cause, set + ", and the plugin that made " + outputName + " does not honour it; this build's plan "
                    + "does not tell which plugin that is (made by: " + producer.describe() + "): find it (mvn artifact:check-buildplan names the plugins "
                    + "known to ignore outputTimestamp) and upgrade or configure it" + modesTail(difference), producer.describe());
        }
        String who = producer.plugin() + " " + producer.version();
        if (producer.predatesOutputTimestamp()) {
            return new Explanation(cause + "; " + who + " predates project.build.outputTimestamp (honoured since " + since + ") and ignores it",
                    set + ", but " + who + " ignores it: upgrade " + producer.plugin() + " to " + since + " or later"
                            + modesTail(difference), producer.describe());
        }
        if (difference.kind() == DifferenceKind.ENTRY_PERMISSIONS && writer != null && "maven-assembly-plugin".equals(producer.plugin())) {
            List<String> without = plan.descriptors(writer).stream()
                    .filter(d -> d.file() != null && !d.withoutModes().isEmpty())
                    .map(d -> relative(d) + ": " + String.join(", ", d.withoutModes()))
                    .toList();
            if (!without.isEmpty()) {
                return new Explanation(cause + "; the assembly descriptor sets no mode for these entries, so they take the modes of "
                        + "the files on disk", set + " and " + who + " honours it, but the descriptor leaves the modes to the files "
                        + "on disk (" + String.join("; ", without) + "): set <fileMode>0644</fileMode> and <directoryMode>0755</directoryMode> "
                        + "(0755 for scripts) there", producer.describe());
            }
        }
        String own = writer == null ? null : writer.parameter("outputTimestamp");
        if (own != null && !own.isBlank() && !own.strip().equals(plan.outputTimestamp().strip())) {
            return new Explanation(difference.kind().label().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + difference.kind().label().substring(1) + " differ: execution " + producer.execution() + " of " + who
                    + " sets its own <outputTimestamp> (" + TextDiff.shorten(own.strip()) + " in this build) in place of "
                    + "project.build.outputTimestamp", set + ", but execution " + producer.execution() + " of " + who
                    + " overrides it with <outputTimestamp>" + TextDiff.shorten(own.strip()) + "</outputTimestamp>: remove that "
                    + "from its <configuration>", producer.describe());
        }
        if (since == null) {
            return new Explanation(cause, set + ", but " + who + " (execution " + producer.execution() + ") is not one of the "
                    + "archivers known to honour it: configure it to write fixed times, modes, owners and order, or make "
                    + outputName + " with a Maven archiver plugin (maven-assembly-plugin 3.2.0 or later)" + modesTail(difference),
                    producer.describe());
        }
        return new Explanation(cause, set + " and " + who + " honours it (since " + since + "): check that execution "
                + producer.execution() + " does not set an <outputTimestamp> of its own, and that no later step re-packs "
                + outputName + modesTail(difference), producer.describe());
    }

    private static String modesTail(Difference difference) {
        return difference.kind() == DifferenceKind.ENTRY_PERMISSIONS
                ? "; in an assembly descriptor, <fileMode> and <directoryMode> fix the modes whatever the files on disk have" : "";
    }

    private String relative(AssemblyDescriptor descriptor) {
        if (plan.projectDirectory() != null && descriptor.file().toAbsolutePath().normalize().startsWith(plan.projectDirectory().toAbsolutePath().normalize())) {
            return plan.projectDirectory().toAbsolutePath().normalize().relativize(descriptor.file().toAbsolutePath().normalize())
                    .toString().replace('\\', '/');
        }
        return descriptor.file().toString();
    }

    /**
     * The build time in a file that is none of the project's filtered resources: a plugin generated it. Names the
     * executions of the plan whose configuration names the file, or says it is unknown.
     */
    Explanation generated(Difference difference, PlannedExecution archiveWriter) {
        String location = difference.location();
        int inner = location.lastIndexOf("!/");
        String entry = inner < 0 ? location : location.substring(inner + 2);
        String fileName = entry.substring(entry.lastIndexOf('/') + 1);
        List<BuildPlan.Generator> generators = plan.generatorsOf(entry, archiveWriter);
        String by;
        String fix;
        if (generators.size() == 1) {
            String who = generators.get(0).execution().producer().describe();
            by = "generated by " + who + " (" + generators.get(0).evidence() + ")";
            fix = "Make " + who + " write ${project.build.outputTimestamp} (or a fixed value) instead of the build time "
                    + "(${maven.build.timestamp}, the current date), or drop the time";
        } else if (generators.isEmpty()) {
            by = "generated by a plugin this build's plan does not tell (generator: unknown"
                    + (plan.executions() == null ? ")" : "; no execution's configuration names " + fileName + " or a folder holding it)");
            fix = "Find the plugin that writes " + fileName + " and make it write ${project.build.outputTimestamp} (or a fixed value) "
                    + "instead of the build time, or drop the time";
        } else {
            by = "generated by one of " + generators.stream().map(g -> g.execution().producer().describe() + " (" + g.evidence() + ")")
                    .collect(Collectors.joining("; "));
            fix = "Make the plugin that writes " + fileName + " write ${project.build.outputTimestamp} (or a fixed value) instead "
                    + "of the build time, or drop the time";
        }
        return new Explanation("The build time is in " + entry + ", which is not one of the project's filtered resources: a file "
                + by, fix, difference.explanation().producedBy());
    }
}
