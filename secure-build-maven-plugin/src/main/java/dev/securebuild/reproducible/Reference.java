package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import dev.securebuild.shared.settings.InvalidSettingException;

/** Where compare takes the reference of each output from: a folder, a repository, or a {@code .buildinfo}. */
public interface Reference {

    /** How the report names the reference ("repository central"). */
    String describe();

    /** The reference file of an output, or null when there is none (a .buildinfo, or missing). */
    Path file(ReactorModule module, ReactorModule.Output output) throws IOException, InvalidSettingException;

    /** @param referenceFile what {@link #file} gave for this output */
    default ArtifactComparison compare(DiffEngine engine, ReactorModule.Output output, Path referenceFile) throws IOException {
        return engine.compare(output.name(), referenceFile, output.file());
    }

    /** What the report says beside the differences about how the reference was made. */
    default List<String> notes() {
        return List.of();
    }
}
