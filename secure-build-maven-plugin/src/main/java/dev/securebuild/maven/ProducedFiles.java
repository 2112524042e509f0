package dev.securebuild.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.outputs.ProducedFile;

/** The files a Maven project will install and deploy: the POM that is deployed, the main artifact, the attached ones. */
final class ProducedFiles {

    private ProducedFiles() {}

    static List<ProducedFile> of(MavenProject project) throws MojoExecutionException {
        List<ProducedFile> files = new ArrayList<>();
        // project.getFile() is the POM that install and deploy take; a plugin such as flatten replaces it there.
        File pom = project.getFile();
        if (pom == null) {
            throw new MojoExecutionException("The project " + project.getId() + " has no POM file to sign");
        }
        files.add(new ProducedFile(pom.toPath(), project.getArtifactId() + "-" + project.getArtifact().getBaseVersion() + ".pom", "pom", null));

        Artifact main = project.getArtifact();
        if (!"pom".equals(project.getPackaging())) {
            if (main.getFile() == null || !main.getFile().isFile()) {
                throw new MojoExecutionException("The main artifact of " + project.getId() + " has no file"
                        + (main.getFile() == null ? "" : " (" + main.getFile() + " does not exist)")
                        + ": run this goal after 'package', e.g. mvn verify, or mvn package " + "secure-build:<goal>");
            }
            files.add(of(main));
        }
        for (Artifact attached : project.getAttachedArtifacts()) {
            if (attached.getFile() == null) {
                throw new MojoExecutionException("The attached artifact " + attached.getId() + " of " + project.getId() + " has no file");
            }
            ProducedFile file = of(attached);
            if (!file.isSignatureOrChecksum()) {
                files.add(file);
            }
        }
        return files;
    }

    private static ProducedFile of(Artifact artifact) {
        String extension = artifact.getArtifactHandler().getExtension();
        String classifier = artifact.hasClassifier() ? artifact.getClassifier() : null;
        String name = artifact.getArtifactId() + "-" + artifact.getBaseVersion() + (classifier == null ? "" : "-" + classifier) + "." + extension;
        return new ProducedFile(artifact.getFile().toPath(), name, extension, classifier);
    }
}
