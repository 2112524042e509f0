package dev.securebuild.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

import dev.securebuild.reproducible.BuildPlan;
import dev.securebuild.reproducible.FilteredSources;
import dev.securebuild.reproducible.ReactorModule;
import dev.securebuild.shared.outputs.ProducedFile;

/** The modules whose outputs verify-reproducible and compare compare, as the plain values those take. */
final class ReactorModules {

    private ReactorModules() {}

    /**
     * The modules as the comparison takes them, each with this build's plan for it (who wrote which output); the
     * session gives the plan (none: every producer is unknown).
     */
    static List<ReactorModule> of(MavenSession session, List<ModuleOutputs> modules) {
        return modules.stream().map(module -> of(session, module)).toList();
    }

    static ReactorModule of(MavenSession session, ModuleOutputs module) {
        MavenProject project = module.project();
        BuildPlan plan = Producers.planOf(session, project);
        List<ReactorModule.Output> outputs = new ArrayList<>();
        for (ProducedFile file : module.files()) {
            outputs.add(new ReactorModule.Output(file.file(), file.repositoryName(), file.extension(), file.classifier(),
                    plan.producerOf(file.file())));
        }
        return new ReactorModule(project.getId(), filteredSources(project), plan, outputs);
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
