package dev.securebuild.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

import dev.securebuild.shared.outputs.ConsumerPom;
import dev.securebuild.shared.outputs.ProducedFile;

/**
 * The files a Maven project will install and deploy: the POM that is deployed, the main artifact, the attached ones,
 * each named as in the repository. On Maven 4 that includes the consumer POM, deployed as the project's POM, while the
 * POM file is deployed with classifier {@code build} ({@link ConsumerPom}); a file keeps the classifier it is attached
 * with in the project, so that its signature and checksums attached beside it are renamed with it.
 */
final class ProducedFiles {

    /** Whether this is Maven 4 or newer, which deploys an attached consumer POM as the project's POM. */
    private static final boolean MAVEN_4 = isMaven4();

    private ProducedFiles() {}

    static List<ProducedFile> of(MavenProject project) throws MojoExecutionException {
        List<ProducedFile> files = new ArrayList<>();
        boolean swapped = swapsPoms(project);
        // project.getFile() is the POM that install and deploy take; a plugin such as flatten replaces it there.
        File pom = project.getFile();
        if (pom == null) {
            throw new MojoExecutionException("The project " + project.getId() + " has no POM file to sign");
        }
        files.add(new ProducedFile(pom.toPath(), ConsumerPom.repositoryName(project.getArtifactId(), project.getArtifact().getBaseVersion(),
                ConsumerPom.deployedClassifier(null, "pom", swapped), "pom"), "pom", null));

        Artifact main = project.getArtifact();
        if (!"pom".equals(project.getPackaging())) {
            if (main.getFile() == null || !main.getFile().isFile()) {
                throw new MojoExecutionException("The main artifact of " + project.getId() + " has no file"
                        + (main.getFile() == null ? "" : " (" + main.getFile() + " does not exist)")
                        + ": run this goal after 'package', e.g. mvn verify, or mvn package " + "secure-build:<goal>");
            }
            files.add(of(main, swapped));
        }
        for (Artifact attached : project.getAttachedArtifacts()) {
            if (attached.getFile() == null) {
                throw new MojoExecutionException("The attached artifact " + attached.getId() + " of " + project.getId() + " has no file");
            }
            ProducedFile file = of(attached, swapped);
            if (!file.isSignatureOrChecksum()) {
                files.add(file);
            }
        }
        return files;
    }

    /**
     * Whether Maven deploys this project's consumer POM as its POM and the POM file with classifier build: Maven 4, and
     * the consumer POM attached (not with {@code -Dmaven.consumer.pom=false}).
     */
    static boolean swapsPoms(MavenProject project) {
        return MAVEN_4 && project.getAttachedArtifacts().stream().anyMatch(ProducedFiles::isConsumerPom);
    }

    static boolean isConsumerPom(Artifact artifact) {
        return ConsumerPom.isConsumerPom(artifact.getClassifier(), artifact.getArtifactHandler().getExtension());
    }

    /** The file of an artifact of the project, named as install and deploy name it. */
    static ProducedFile of(Artifact artifact, boolean swapped) {
        String extension = artifact.getArtifactHandler().getExtension();
        String classifier = artifact.hasClassifier() ? artifact.getClassifier() : null;
        String name = ConsumerPom.repositoryName(artifact.getArtifactId(), artifact.getBaseVersion(),
                ConsumerPom.deployedClassifier(classifier, extension, swapped), extension);
        return new ProducedFile(artifact.getFile().toPath(), name, extension, classifier);
    }

    /** Maven 4's API is in the core's class loader, which loads MavenProject; Maven 3 has none. */
    private static boolean isMaven4() {
        try {
            Class.forName("org.apache.maven.api.Session", false, MavenProject.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
