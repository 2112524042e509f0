package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.securebuild.shared.io.Links;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;

/**
 * What compare does once the reactor's outputs are known: compares each with its reference, notes how the reference
 * was built where that differs from this build, and writes report.txt, report.json, report.html and the
 * {@code .buildcompare} into the work folder.
 */
public final class ReferenceComparison {

    /** @param buildName the {@code .buildcompare}'s file name without extension ({@code artifactId-version}) */
    public record Request(Path work, List<ReactorModule> modules, ReferenceResolver.Settings settings, ArchiveLimits limits,
                          String buildName, String version, BuildPlatform platform, KnownSecrets secrets) {}

    /** @param reference how the report names the reference */
    public record Result(ComparisonReport report, String reference, Path reports) {
        public boolean differs() {
            return report.differs();
        }

        public Path reportText() {
            return reports.resolve("report.txt");
        }

        public Path reportJson() {
            return reports.resolve("report.json");
        }
    }

    private final RemoteReferences remote;

    public ReferenceComparison(RemoteReferences remote) {
        this.remote = remote;
    }

    public Result run(Request request) throws IOException, InvalidSettingException {
        // The reference is the release of these sources: a difference comes from the build, not from the code.
        DiffEngine engine = new DiffEngine(request.limits(), new CauseRules(true), DiffEngine.Sides.REFERENCE_REBUILT);
        Reference reference = ReferenceResolver.resolve(request.settings(), request.work(), remote, request.platform());
        List<ArtifactComparison> comparisons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ReactorModule module : request.modules()) {
            for (ReactorModule.Output output : module.outputs()) {
                Path referenceFile = reference.file(module, output);
                comparisons.add(module.explained(output, reference.compare(engine, output, referenceFile)));
                // Read only a regular file: a folder's reference may be missing, or a link the comparison did not follow.
                if (referenceFile != null && Links.isRegularFile(referenceFile) && "jar".equals(output.extension())
                        && output.classifier() == null) {
                    notes.addAll(ReferenceEnvironment.differences(output.name(), ReferenceEnvironment.of(referenceFile),
                            request.platform().javaSpecificationVersion(), request.platform().lineSeparator()));
                }
            }
        }
        notes.addAll(reference.notes());
        ComparisonReport report = new ComparisonReport("compare", Instant.now(), reference.describe(), "this build", comparisons, notes);
        Reports.write(report, request.work(), request.secrets(), request.buildName(),
                BuildCompare.render(request.version(), comparisons, null, null));
        return new Result(report, reference.describe(), request.work());
    }
}
