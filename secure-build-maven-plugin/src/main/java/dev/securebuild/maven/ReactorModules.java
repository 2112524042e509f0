package dev.securebuild.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

import dev.securebuild.reproducible.BuildPlan;
import dev.securebuild.reproducible.FilteredSources;
import dev.securebuild.reproducible.ReactorModule;
import dev.securebuild.shared.outputs.ConsumerPom;
import dev.securebuild.shared.outputs.ProducedFile;

/** The modules whose outputs verify-reproducible and compare compare, as the plain values those take. */
final class ReactorModules {

    private ReactorModules() {}

    /**
     * The modules as the comparison takes them, each with this build's plan for it (who wrote which output); the
     * session gives the plan (none: every producer is unknown).
     */
    static List<ReactorModule> of(MavenSession session, LifecycleExecutor lifecycle, List<ModuleOutputs> modules) {
        return modules.stream().map(module -> of(session, lifecycle, module)).toList();
    }

    static ReactorModule of(MavenSession session, LifecycleExecutor lifecycle, ModuleOutputs module) {
        MavenProject project = module.project();
        BuildPlan plan = Producers.planOf(session, lifecycle, project);
        boolean swapped = ProducedFiles.swapsPoms(project);
        List<ReactorModule.Output> outputs = new ArrayList<>();
        for (ProducedFile file : module.files()) {
            String classifier = ConsumerPom.deployedClassifier(file.classifier(), file.extension(), swapped);
            if (swapped && ConsumerPom.isConsumerPom(file.classifier(), file.extension())) {
                outputs.add(new ReactorModule.Output(file.file(), file.repositoryName(), file.extension(), classifier,
                        "Maven 4 (the consumer POM, which it makes from the POM and deploys as the POM)", consumerPomKept(project)));
            } else {
                outputs.add(new ReactorModule.Output(file.file(), file.repositoryName(), file.extension(), classifier,
                        plan.producerOf(file.file())));
            }
        }
        return new ReactorModule(project.getId(), filteredSources(project), plan, outputs);
    }

    /**
     * Where Maven 4 keeps a copy of the module's consumer POM once the module is packaged, its temporary file being
     * deleted when Maven exits: the project local repository in the build folder of the project at the build's root
     * ({@code .mvn/}), or in {@code target/} of the root when no project is there. The rebuild's copy is the rebuild's
     * consumer POM. Null when Maven does not say where the root is.
     */
    static Path consumerPomKept(MavenProject module) {
        Path root = rootDirectory(module);
        if (root == null) {
            return null;
        }
        Path buildFolder = root.resolve("target");
        for (MavenProject project = module; project != null; project = project.getParent()) {
            if (project.getBasedir() != null && root.equals(realPath(project.getBasedir().toPath()))) {
                buildFolder = Path.of(project.getBuild().getDirectory());
                break;
            }
        }
        return ConsumerPom.inProjectLocalRepository(buildFolder, module.getGroupId(), module.getArtifactId(), module.getVersion());
    }

    /** Maven 4 names the root by its real path; a project's folder may be named through a link. */
    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Maven 4's root directory of the build (MavenProject.getRootDirectory(), which Maven 3 does not have); null if unknown. */
    private static Path rootDirectory(MavenProject project) {
        try {
            Object root = MavenProject.class.getMethod("getRootDirectory").invoke(project);
            return root instanceof Path path ? realPath(path) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The module's filtered resource folders: where a build time in an output's text most often comes from. */
    static FilteredSources filteredSources(MavenProject module) {
        List<FilteredSources.Folder> folders = new ArrayList<>();
        for (Resource resource : module.getResources()) {
            if (resource.isFiltering()) {
                folders.add(new FilteredSources.Folder(Path.of(resource.getDirectory()),
                        resource.getTargetPath() == null ? "" : resource.getTargetPath()));
            }
        }
        return new FilteredSources(folders, module.getBasedir().toPath());
    }
}
