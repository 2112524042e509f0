package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One module of the reactor whose outputs are compared, as plain values: its filtered resource folders, what its build
 * planned (who wrote which output), and the files it produced.
 *
 * @param id   the module's id ({@code groupId:artifactId:packaging:version}), by which a {@link RemoteReferences} finds it
 * @param plan the executions of this build for the module; {@link BuildPlan#unknown} when Maven did not tell
 */
public record ReactorModule(String id, FilteredSources filteredSources, BuildPlan plan, List<Output> outputs) {

    /**
     * A file the module produced.
     *
     * @param name       its name in a repository ({@code demo-1.0-sources.jar})
     * @param classifier its classifier in a repository; null for the POM and the main artifact
     * @param producer   the plugin execution that wrote it, as this build's plan tells, or {@link Producer#UNKNOWN}
     * @param rebuiltAs  where this build keeps the file for good, whose counterpart in the rebuild's folder is the
     *                   rebuild's: for a file that Maven writes to a temporary name and deletes when it exits (Maven 4's
     *                   consumer POM, kept in the project local repository); null when it is {@code file}
     */
    public record Output(Path file, String name, String extension, String classifier, Producer producer, Path rebuiltAs) {

        public Output(Path file, String name, String extension, String classifier, Producer producer) {
            this(file, name, extension, classifier, producer, null);
        }

        /** An output whose producer is known only by a text. */
        public Output(Path file, String name, String extension, String classifier, String producedBy) {
            this(file, name, extension, classifier, producedBy == null ? Producer.UNKNOWN : Producer.described(producedBy), null);
        }

        /** An output whose producer is known only by a text, kept for good at {@code rebuiltAs}. */
        public Output(Path file, String name, String extension, String classifier, String producedBy, Path rebuiltAs) {
            this(file, name, extension, classifier, producedBy == null ? Producer.UNKNOWN : Producer.described(producedBy), rebuiltAs);
        }

        public Output {
            producer = producer == null ? Producer.UNKNOWN : producer;
        }

        /** The path in this build's tree whose counterpart in the rebuild's folder is the rebuild's output. */
        public Path counterpart() {
            return rebuiltAs == null ? file : rebuiltAs;
        }
    }

    public ReactorModule {
        plan = plan == null ? BuildPlan.unknown(null) : plan;
        outputs = List.copyOf(outputs);
    }

    /** A module of which nothing is known of the build. */
    public ReactorModule(String id, FilteredSources filteredSources, List<Output> outputs) {
        this(id, filteredSources, null, outputs);
    }

    /**
     * The comparison of one of this module's outputs, with who made it (every difference inside it belongs to its
     * producer), fixes that do not advise what the build does already, and where a build time in its text comes from:
     * a filtered resource, or a file a plugin generated.
     */
    public ArtifactComparison explained(Output output, ArtifactComparison comparison) throws IOException {
        PlannedExecution writer = plan.writerOf(output.file());
        ProducerCauses causes = new ProducerCauses(plan);
        List<Difference> produced = comparison.differences().stream()
                .map(d -> d.explanation() == null ? d : d.explained(causes.explain(d, output.producer(), writer, output.name())))
                .toList();
        ArtifactComparison named = comparison.withDifferences(produced);
        ArtifactComparison traced = filteredSources == null ? named : filteredSources.trace(named);
        List<Difference> result = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < traced.differences().size(); i++) {
            Difference difference = traced.differences().get(i);
            if (difference == produced.get(i) && buildTimeInText(difference) && !inFilteredResource(difference)) {
                difference = difference.explained(causes.generated(difference, writer));
                changed = true;
            }
            result.add(difference);
        }
        return changed ? traced.withDifferences(result) : traced;
    }

    private static boolean buildTimeInText(Difference difference) {
        return difference.explanation() != null && difference.kind() == DifferenceKind.TEXT_CONTENT
                && "true".equals(difference.fact("timestamp")) && !"true".equals(difference.fact("propertiesDateComment"));
    }

    private boolean inFilteredResource(Difference difference) {
        int inner = difference.location().lastIndexOf("!/");
        return inner >= 0 && filteredSources != null && filteredSources.holds(difference.location().substring(inner + 2));
    }
}
