package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.reproducible.ArtifactComparison;
import dev.securebuild.reproducible.BuildCompare;
import dev.securebuild.reproducible.BuildInfo;
import dev.securebuild.reproducible.BuildInfoReference;
import dev.securebuild.reproducible.CauseRules;
import dev.securebuild.reproducible.ComparisonReport;
import dev.securebuild.reproducible.DiffEngine;
import dev.securebuild.reproducible.ReferenceEnvironment;
import dev.securebuild.reproducible.Reports;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.sign.ProducedFile;
import dev.securebuild.shared.io.Links;
import dev.securebuild.shared.text.Printable;

/**
 * Compares this build's outputs with a reference: the same coordinates in a remote repository (Maven Central by
 * default), a folder of files, or a reference {@code .buildinfo}, and explains each difference. Says how the reference
 * was built (JDK, operating system) when that differs from this build. Runs once per reactor, after its last module.
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompareMojo extends AbstractComparingMojo {

    private static final int LOGGED_PER_OUTPUT = 6;

    /**
     * The id of the repository to take the reference from (a repository of the project or its settings), when neither
     * {@code referenceDirectory} nor {@code referenceBuildinfo} is set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.referenceRepository", defaultValue = "central")
    private String referenceRepository;

    /**
     * A folder holding the reference files under their repository names ({@code demo-1.0.jar}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.referenceDirectory")
    private File referenceDirectory;

    /**
     * A reference {@code .buildinfo}: outputs are compared by length and SHA-512 only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.referenceBuildinfo")
    private File referenceBuildinfo;

    private final RepositorySystem repositorySystem;

    @Inject
    public CompareMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ReactorAggregation<ModuleOutputs> aggregation = ReactorAggregation.of(session, mojoExecution);
        var all = aggregation.add(project, ModuleOutputs.of(project, skip)).all();
        if (all.isEmpty()) {
            getLog().info("Recorded the outputs of " + project.getArtifactId() + "; the comparison runs after the last module");
            return;
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        Path work = Path.of(top.getBuild().getDirectory(), "secure-build", "compare").toAbsolutePath();
        // The reference is the release of these sources: a difference comes from the build, not from the code.
        DiffEngine engine = new DiffEngine(limits(), new CauseRules(true), DiffEngine.Sides.REFERENCE_REBUILT);
        List<ArtifactComparison> comparisons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String reference;
        try {
            Reference source = reference(work);
            reference = source.describe();
            for (ModuleOutputs module : all.get()) {
                for (ProducedFile file : module.files()) {
                    ArtifactComparison comparison = source.compare(engine, module.project(), file);
                    comparisons.add(VerifyReproducibleMojo.filteredSources(module.project())
                            .trace(comparison.producedBy(Producers.of(module.project(), file))));
                    Path referenceFile = source.file(module.project(), file);
                    if (referenceFile != null && "jar".equals(file.extension()) && file.classifier() == null) {
                        notes.addAll(ReferenceEnvironment.differences(file.repositoryName(), ReferenceEnvironment.of(referenceFile),
                                System.getProperty("java.specification.version"), System.lineSeparator()));
                    }
                }
            }
            notes.addAll(source.notes());
            ComparisonReport report = new ComparisonReport("compare", Instant.now(), reference, "this build", comparisons, notes);
            Reports.write(report, work, secrets());
            AtomicFiles.writeString(work.resolve(top.getArtifactId() + "-" + top.getVersion() + ".buildcompare"),
                    secrets().redact(BuildCompare.render(top.getVersion(), comparisons, null, null)));
            log(report, LOGGED_PER_OUTPUT);
            getLog().info("Reports: " + work.resolve("report.txt") + ", report.json, report.html, .buildcompare");
            if (report.differs()) {
                recordDifference(top, "differs from " + reference + ": " + report.summaryLine(), work.resolve("report.json"));
            }
            recordResult(top, all.get(), report.differs(), (report.differs() ? "Differs from " : "Same as ") + reference + ": "
                    + report.summaryLine(), work.resolve("report.json"));
            if (report.differs() && failOnDifference) {
                throw new MojoFailureException("This build differs from " + reference + ": " + report.summaryLine() + ". See "
                        + work.resolve("report.txt") + " (-Dsecure-build.failOnDifference=false reports without failing)");
            }
        } catch (IOException e) {
            recordResult(top, all.get(), GoalResult.Verdict.FAIL, "Could not compare: " + e.getMessage(), null);
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
    }

    /** Where the reference files come from. */
    private interface Reference {
        String describe();

        /** The reference file of an output, or null when there is none (a .buildinfo, or missing). */
        Path file(MavenProject module, ProducedFile output) throws IOException, MojoExecutionException;

        default ArtifactComparison compare(DiffEngine engine, MavenProject module, ProducedFile output) throws IOException, MojoExecutionException {
            return engine.compare(output.repositoryName(), file(module, output), output.file());
        }

        default List<String> notes() {
            return List.of();
        }
    }

    private Reference reference(Path work) throws MojoExecutionException, IOException {
        if (referenceDirectory != null && referenceBuildinfo != null) {
            throw new MojoExecutionException("Set referenceDirectory or referenceBuildinfo, not both");
        }
        if (referenceDirectory != null) {
            Path folder = referenceDirectory.toPath().toAbsolutePath().normalize();
            if (Links.isLink(folder)) {
                throw new MojoExecutionException("referenceDirectory " + Printable.of(folder.toString()) + " is a symbolic link: compare "
                        + "does not follow links out of its inputs; set -Dsecure-build.referenceDirectory to the folder itself");
            }
            if (!Links.isFolder(folder)) {
                throw new MojoExecutionException("referenceDirectory " + Printable.of(folder.toString()) + " is not a folder: set "
                        + "-Dsecure-build.referenceDirectory to the folder that holds the reference files");
            }
            return new Reference() {
                public String describe() {
                    return "the folder " + folder;
                }

                public Path file(MavenProject module, ProducedFile output) {
                    return folder.resolve(output.repositoryName());
                }
            };
        }
        if (referenceBuildinfo != null) {
            return buildinfoReference(referenceBuildinfo.toPath().toAbsolutePath());
        }
        return repositoryReference(work.resolve("reference-repository"));
    }

    private Reference repositoryReference(Path cache) throws MojoExecutionException {
        if (session.isOffline()) {
            throw new MojoExecutionException("compare takes the reference from repository '" + referenceRepository
                    + "', and Maven runs offline (-o): run online, or set referenceDirectory or referenceBuildinfo");
        }
        // A local repository of its own, and no reactor: the reference must come from the remote repository, never
        // from this build's outputs or from what an earlier mvn install put into ~/.m2.
        DefaultRepositorySystemSession isolated = new DefaultRepositorySystemSession(session.getRepositorySession());
        isolated.setWorkspaceReader(null);
        isolated.setLocalRepositoryManager(repositorySystem.newLocalRepositoryManager(isolated, new LocalRepository(cache.toFile())));
        return new Reference() {
            public String describe() {
                return "repository " + referenceRepository;
            }

            public Path file(MavenProject module, ProducedFile output) throws MojoExecutionException {
                List<RemoteRepository> repositories = module.getRemoteProjectRepositories().stream()
                        .filter(r -> r.getId().equals(referenceRepository)).toList();
                if (repositories.isEmpty()) {
                    throw new MojoExecutionException("No repository with id '" + referenceRepository + "' in " + module.getId()
                            + "; it has " + module.getRemoteProjectRepositories().stream().map(RemoteRepository::getId).toList()
                            + " (set referenceRepository)");
                }
                String classifier = output.classifier() == null ? "" : output.classifier();
                DefaultArtifact artifact = new DefaultArtifact(module.getGroupId(), module.getArtifactId(), classifier, output.extension(),
                        module.getVersion());
                try {
                    return repositorySystem.resolveArtifact(isolated, new ArtifactRequest(artifact, repositories, null)).getArtifact()
                            .getFile().toPath();
                } catch (ArtifactResolutionException e) {
                    return null;   // not published there: MISSING in the reference
                }
            }
        };
    }

    private Reference buildinfoReference(Path file) throws IOException {
        Properties info = BuildInfo.read(file);
        List<String> notes = new ArrayList<>();
        String javaVersion = info.getProperty("java.version");
        if (javaVersion != null && !javaVersion.equals(System.getProperty("java.version"))) {
            notes.add("the reference .buildinfo was made with Java " + javaVersion + " (" + info.getProperty("java.vendor", "vendor unknown")
                    + "), this build runs " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        }
        String os = info.getProperty("os.name");
        if (os != null && !os.equals(System.getProperty("os.name"))) {
            notes.add("the reference .buildinfo was made on " + os + ", this build runs on " + System.getProperty("os.name"));
        }
        return new Reference() {
            public String describe() {
                return "the .buildinfo " + file;
            }

            public Path file(MavenProject module, ProducedFile output) {
                return null;
            }

            public ArtifactComparison compare(DiffEngine engine, MavenProject module, ProducedFile output) throws IOException {
                return BuildInfoReference.compare(info, output.repositoryName(), output.file());
            }

            public List<String> notes() {
                return notes;
            }
        };
    }
}
