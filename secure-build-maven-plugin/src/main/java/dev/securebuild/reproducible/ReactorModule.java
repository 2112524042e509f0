package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One module of the reactor whose outputs are compared, as plain values: its filtered resource folders and the files it
 * produced.
 *
 * @param id the module's id ({@code groupId:artifactId:packaging:version}), by which a {@link RemoteReferences} finds it
 */
public record ReactorModule(String id, FilteredSources filteredSources, List<Output> outputs) {

    /**
     * A file the module produced.
     *
     * @param name       its name in a repository ({@code demo-1.0-sources.jar})
     * @param classifier its classifier in a repository; null for the POM and the main artifact
     * @param producedBy the plugin execution that most likely wrote it, for the explanations
     * @param rebuiltAs  where this build keeps the file for good, whose counterpart in the rebuild's folder is the
     *                   rebuild's: for a file that Maven writes to a temporary name and deletes when it exits (Maven 4's
     *                   consumer POM, kept in the project local repository); null when it is {@code file}
     */
    public record Output(Path file, String name, String extension, String classifier, String producedBy, Path rebuiltAs) {

        public Output(Path file, String name, String extension, String classifier, String producedBy) {
            this(file, name, extension, classifier, producedBy, null);
        }

        /** The path in this build's tree whose counterpart in the rebuild's folder is the rebuild's output. */
        public Path counterpart() {
            return rebuiltAs == null ? file : rebuiltAs;
        }
    }

    public ReactorModule {
        outputs = List.copyOf(outputs);
    }

    /** The comparison of one of this module's outputs, with who made it and where a build time in its text comes from. */
    public ArtifactComparison explained(Output output, ArtifactComparison comparison) throws IOException {
        return filteredSources.trace(comparison.producedBy(output.producedBy()));
    }
}
