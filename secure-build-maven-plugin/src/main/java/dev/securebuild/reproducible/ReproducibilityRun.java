package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.securebuild.shared.io.Links;
import dev.securebuild.shared.secrets.KnownSecrets;

/**
 * What verify-reproducible does once the reactor's outputs are known: copies the sources to a fresh folder, builds
 * them again in a separate Maven process in a varied environment, and compares every output with the rebuild's,
 * writing report.txt, report.json, report.html and the {@code .buildcompare} into the work folder.
 */
public final class ReproducibilityRun {

    /**
     * @param root      the top-level project's folder: the sources to copy, and where the outputs are found
     * @param work      where the copy, the rebuild's log and the reports go
     * @param buildName the {@code .buildcompare}'s file name without extension ({@code artifactId-version})
     * @param clean     where to look for files left by an earlier build ({@link StaleOutputs}), and since when; null when not known
     */
    public record Request(Path root, Path work, List<ReactorModule> modules, List<Ignore> ignores, Variations variations,
                          RebuildInvocation invocation, ArchiveLimits limits, String buildName, String version,
                          BuildPlatform platform, KnownSecrets secrets, StaleOutputs.Scope clean) {}

    /** Runs the rebuild; a test gives one that does not start Maven. */
    public interface Rebuilder {
        Rebuild.Result run(Rebuild.Request request) throws IOException;
    }

    private final Rebuilder rebuilder;
    private final Consumer<String> progress;
    private final Consumer<String> warning;

    /**
     * @param progress where the steps are told as they happen (the Maven log)
     * @param warning  where what a person must see goes (a build that did not start clean)
     */
    public ReproducibilityRun(Rebuilder rebuilder, Consumer<String> progress, Consumer<String> warning) {
        this.rebuilder = rebuilder;
        this.progress = progress;
        this.warning = warning;
    }

    public ReproducibilityRun(Consumer<String> progress, Consumer<String> warning) {
        this(Rebuild::run, progress, warning);
    }

    public ReproducibilityResult run(Request request) throws IOException {
        long started = System.nanoTime();
        StaleOutputs stale = StaleOutputs.find(request.clean(), request.root());
        if (stale.found()) {
            warning.accept(stale.warning());
        }
        Path copy = request.work().resolve("rebuild");
        SourceSnapshot.Result snapshot = SourceSnapshot.copy(request.root(), copy);
        progress.accept("Copied " + snapshot.files() + " source file(s) to " + copy + ": " + snapshot.method());
        Variations.Applied variations = request.variations().apply(ZoneId.systemDefault(), Locale.getDefault(), Rebuild.currentUmask());
        Rebuild.Request rebuild = request.invocation().request(copy, variations, request.work().resolve("rebuild.log"));
        request.invocation().properties().description().forEach(progress);
        progress.accept("Rebuilding with " + String.join(" ", rebuild.goals()) + (request.invocation().offline() ? ", offline" : "")
                + ", differently: " + String.join(", ", variations.description()));
        Rebuild.Result result;
        try (RebuildProperties.Written config = request.invocation().properties().writeInto(copy)) {
            result = rebuilder.run(rebuild);
        }
        if (!result.succeeded()) {
            return ReproducibilityResult.rebuildFailed(result, rebuild.timeout(), stale, request.invocation().offline());
        }
        progress.accept("The rebuild took " + result.took().toSeconds() + " s; comparing the outputs");

        DiffEngine engine = new DiffEngine(request.limits(), new CauseRules(true), DiffEngine.Sides.REFERENCE_REBUILT);
        List<ArtifactComparison> comparisons = new ArrayList<>();
        for (ReactorModule module : request.modules()) {
            for (ReactorModule.Output output : module.outputs()) {
                comparisons.add(compare(engine, module, output, request.root(), copy, request.ignores()));
            }
        }
        ComparisonReport report = new ComparisonReport("verify-reproducible", Instant.now(), "this build (" + request.root() + ")",
                "the rebuild (" + copy + ")", comparisons, stale.found() ? List.of(stale.note()) : List.of());
        Reports.write(report, request.work(), request.secrets(), request.buildName(),
                BuildCompare.render(request.version(), comparisons, request.platform().javaVersion(), request.platform().osName()));
        return ReproducibilityResult.compared(result, report, request.work(), Duration.ofNanos(System.nanoTime() - started), stale);
    }

    private static ArtifactComparison compare(DiffEngine engine, ReactorModule module, ReactorModule.Output output, Path root,
                                              Path copy, List<Ignore> ignores) throws IOException {
        Path original = output.file().toAbsolutePath().normalize();
        Path counterpart = output.counterpart().toAbsolutePath().normalize();
        // A file kept outside the project (Maven 4's project local repository at a root above it) is where the rebuild,
        // run later, left its own.
        Path rebuilt = counterpart.startsWith(root) ? copy.resolve(root.relativize(counterpart).toString())
                : output.rebuiltAs() != null ? counterpart : null;
        if (rebuilt != null && rebuilt.startsWith(copy) && Links.firstLinkBelow(copy, rebuilt.getParent()) != null) {
            rebuilt = null;   // reached through a link in the rebuild's tree: not an output of the rebuild, and not followed
        }
        ArtifactComparison comparison = module.explained(output, engine.compare(output.name(), original, rebuilt));
        for (Ignore rule : ignores) {
            if (rule.matches(output.name())) {
                return comparison.ignored(rule.reason());
            }
        }
        return comparison;
    }
}
