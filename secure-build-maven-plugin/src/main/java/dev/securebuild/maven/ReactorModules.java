package dev.securebuild.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

import dev.securebuild.reproducible.FilteredSources;
import dev.securebuild.reproducible.ReactorModule;
import dev.securebuild.shared.outputs.ProducedFile;

/** The modules whose outputs verify-reproducible and compare compare, as the plain values those take. */
final class ReactorModules {

    private ReactorModules() {}

    static List<ReactorModule> of(List<ModuleOutputs> modules) {
        return modules.stream().map(ReactorModules::of).toList();
    }

    static ReactorModule of(ModuleOutputs module) {
        MavenProject project = module.project();
        List<ReactorModule.Output> outputs = new ArrayList<>();
        for (ProducedFile file : module.files()) {
            outputs.add(new ReactorModule.Output(file.file(), file.repositoryName(), file.extension(), file.classifier(),
                    Producers.of(project, file)));
        }
        return new ReactorModule(project.getId(), filteredSources(project), outputs);
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
