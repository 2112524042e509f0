package dev.securebuild.maven;

import java.util.List;

import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.outputs.ProducedFile;

/** One module's outputs, as the goals that act for the whole reactor collect them; none when it skipped the goal. */
record ModuleOutputs(MavenProject project, List<ProducedFile> files) {

    /** The files a module deploys, without its {@code .buildinfo}: a record of the build, not an output to reproduce. */
    static ModuleOutputs of(MavenProject project, boolean skip) throws org.apache.maven.plugin.MojoExecutionException {
        return new ModuleOutputs(project, skip ? List.of()
                : ProducedFiles.of(project).stream().filter(f -> !"buildinfo".equals(f.extension())).toList());
    }
}
