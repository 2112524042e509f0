package dev.securebuild.maven;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Profile;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

import dev.securebuild.provenance.ledger.Deployment;
import dev.securebuild.provenance.ledger.DeploymentRecorder;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.outputs.ProducedFile;

/** What record-deployment reads of Maven's model, as the plain values {@link DeploymentRecorder} takes. */
final class DeployedModules {

    private DeployedModules() {}

    static DeploymentRecorder.ModuleRequest of(MavenProject module) throws MojoExecutionException {
        List<ProducedFile> files = deployedFiles(module);
        ArtifactRepository repository = module.getDistributionManagementArtifactRepository();
        return new DeploymentRecorder.ModuleRequest(module.getId(), module.getGroupId(), module.getArtifactId(), module.getVersion(),
                module.getPackaging(), files, Path.of(module.getBuild().getDirectory(), module.getBuild().getFinalName() + ".intoto.jsonl"),
                module.getArtifact().isSnapshot(), module.getProperties(),
                repository == null ? null : new Deployment.Where(repository.getId(), repository.getUrl()));
    }

    /**
     * What maven-deploy-plugin uploads: the POM, the main artifact, and every attached file (signatures and checksums
     * too), named as in the repository (on Maven 4 the consumer POM as the POM, the POM file with classifier build).
     */
    private static List<ProducedFile> deployedFiles(MavenProject module) throws MojoExecutionException {
        List<ProducedFile> files = new ArrayList<>(ProducedFiles.of(module));
        boolean swapped = ProducedFiles.swapsPoms(module);
        for (Artifact attached : module.getAttachedArtifacts()) {
            if (attached.getFile() != null) {
                ProducedFile file = ProducedFiles.of(attached, swapped);
                if (ProducedFile.isSignatureOrChecksum(file.repositoryName())) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** The recorder's settings: the goal's parameters, and what the session and the process say. */
    static DeploymentRecorder.Settings settings(MavenSession session, String ledger, String newKey, String endpoint, int endpointTimeout,
                                                List<String> environment, String publicProperties, KnownSecrets secrets) {
        return new DeploymentRecorder.Settings(LedgerFiles.resolve(ledger, session), newKey, endpoint, endpointTimeout, environment, publicProperties,
                session.getUserProperties(), session.getSystemProperties(), profiles(session), System::getenv, System.getProperty("user.name"),
                Clock.systemUTC(), secrets);
    }

    /** The profiles active in the build: those asked for, and those active in any module. */
    private static Set<String> profiles(MavenSession session) {
        Set<String> ids = new LinkedHashSet<>(session.getRequest().getActiveProfiles());
        for (MavenProject module : session.getProjects()) {
            for (Profile profile : module.getActiveProfiles()) {
                ids.add(profile.getId());
            }
        }
        return ids;
    }
}
