package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;

import dev.securebuild.provenance.BuildEnvironment;
import dev.securebuild.provenance.Components;
import dev.securebuild.provenance.Dsse;
import dev.securebuild.provenance.GitSource;
import dev.securebuild.provenance.Provenance;
import dev.securebuild.provenance.Subjects;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.sign.ProducedFile;

/**
 * Writes SLSA provenance for every file the project produced (the deployed POM, the main and the attached
 * artifacts): an in-toto statement in a DSSE envelope signed with the same key as {@code sign}, as one line of
 * {@code target/<finalName>.intoto.jsonl}, attached so that install and deploy carry it as
 * {@code <artifactId>-<version>.intoto.jsonl}. Bind it before {@code sign} in the same phase, so that {@code sign}
 * signs and hashes the envelope file as well.
 */
@Mojo(name = "provenance", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class ProvenanceMojo extends AbstractSigningMojo {

    /** The type (and extension) the provenance file is attached with. */
    static final String TYPE = "intoto.jsonl";



    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /**
     * Where the envelope is written: one DSSE envelope, one line of JSON.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.provenanceFile", defaultValue = "${project.build.directory}/${project.build.finalName}.intoto.jsonl")
    private File provenanceFile;

    /**
     * Attach the provenance file to the project (type {@code intoto.jsonl}), so that install and deploy carry it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.attach", defaultValue = "true")
    private boolean attach;

    /**
     * The user properties ({@code -Dname=value}) whose value the provenance may hold (comma-separated names, a trailing
     * {@code *} for a prefix); every other one is recorded by its name with the value {@code [redacted]}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.publicProperties", defaultValue = PublicProperties.DEFAULT)
    private String publicProperties;





    /**
     * Which signer signs: {@code pgp} (an OpenPGP secret key, see keyFile) or {@code pkcs11} (a key on a PKCS#11 token
     * or hardware security module, see the pkcs11 parameters; the PIN comes from environment SECURE_BUILD_PKCS11_PIN
     * or the {@code <password>} of the settings.xml server serverId).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.signer", defaultValue = "pgp")
    private String signer;

    private final MavenProjectHelper projectHelper;
    private final RuntimeInformation runtime;

    @Inject
    public ProvenanceMojo(MavenProjectHelper projectHelper, MavenSigningKeys signingKeys, RuntimeInformation runtime) {
        super(signingKeys);
        this.projectHelper = projectHelper;
        this.runtime = runtime;
    }

    @Override
    protected String signerName() {
        return signer;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        try {
            write();
        } catch (MojoExecutionException e) {
            GoalResultFiles.fail(project, "provenance", "provenance", e.getMessage(), provenanceFile.toPath(), getLog());
            throw e;
        }
    }

    private void write() throws MojoExecutionException {
        Signer signer = signer("provenance", openEventLog());

        List<Subjects.Named> produced = new ArrayList<>();
        for (ProducedFile file : subjectFiles(project)) {
            produced.add(new Subjects.Named(file.repositoryName(), file.file()));
        }
        Path output = provenanceFile.toPath();
        Provenance provenance;
        List<Provenance.ResourceDescriptor> dependencies;
        Provenance.WorkingTree workingTree;
        try {
            dependencies = Components.describe(components());
            BuildEnvironment environment = BuildEnvironment.detect(System.getenv(), () -> GitSource.of(project.getBasedir().toPath()));
            // Asked of git also when the CI names the commit: a build step may have changed the checkout.
            workingTree = GitSource.workingTree(project.getBasedir().toPath());
            Instant started = session.getRequest().getStartTime() != null ? session.getRequest().getStartTime().toInstant() : Instant.now();
            provenance = new Provenance(Subjects.of(produced), externalParameters(environment, workingTree), internalParameters(), dependencies,
                    new Provenance.RunDetails(environment.builderId(), builderVersion(), environment.invocationId(), started, Instant.now()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read a file to describe in the provenance: " + e.getMessage(), e);
        }
        try {
            // Before it is signed: a secret the build holds may stand in any field (a path, a URL, a property).
            Dsse.Envelope envelope = Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, secrets().redactUtf8(provenance.toJson()));
            AtomicFiles.writeString(output, envelope.toJson() + "\n");
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + output + ": " + e.getMessage(), e);
        }
        if (attach) {
            projectHelper.attachArtifact(project, TYPE, null, output.toFile());
        }
        logWorkingTree(workingTree);
        GoalResultFiles.pass(project, "provenance", "provenance", "Signed provenance for " + produced.size()
                + (produced.size() == 1 ? " file" : " files") + " with key " + signer.fingerprint() + sourceSummary(workingTree), output,
                GoalResultFiles.sourceTree(workingTree), getLog());
        getLog().info("Wrote provenance for " + produced.size() + (produced.size() == 1 ? " file" : " files") + " ("
                + dependencies.size() + " resolved dependencies and plugins) signed with key " + signer.fingerprint() + ": " + output
                + (attach ? " (attached as " + project.getArtifactId() + "-" + project.getArtifact().getBaseVersion() + "." + TYPE + ")" : ""));
    }

    /** A build from uncommitted changes is recorded, and said: its provenance names a commit that is not all of its source. */
    private void logWorkingTree(Provenance.WorkingTree workingTree) {
        if (workingTree == null) {
            getLog().info("The provenance does not say whether the sources were committed: " + project.getBasedir()
                    + " is not in a git work tree with a commit, or git is not installed");
        } else if (!workingTree.clean()) {
            getLog().warn("Built from a git working tree with uncommitted changes: " + workingTree.describe()
                    + ". The provenance records it (externalParameters.workingTree); commit them for provenance that names the source");
        }
    }

    private static String sourceSummary(Provenance.WorkingTree workingTree) {
        return workingTree == null ? "; whether the sources were committed is unknown"
                : workingTree.clean() ? "; sources committed" : "; built from uncommitted changes: " + workingTree.describe();
    }

    /** What the provenance describes: the produced files, never an earlier provenance file. */
    static List<ProducedFile> subjectFiles(MavenProject project) throws MojoExecutionException {
        return ProducedFiles.of(project).stream().filter(file -> !file.repositoryName().endsWith("." + TYPE)).toList();
    }

    private Provenance.ExternalParameters externalParameters(BuildEnvironment environment, Provenance.WorkingTree workingTree) {
        Set<String> profiles = new LinkedHashSet<>();
        if (project.getInjectedProfileIds() != null) {
            project.getInjectedProfileIds().values().forEach(profiles::addAll);
        }
        profiles.addAll(session.getRequest().getActiveProfiles());
        Map<String, String> userProperties = new LinkedHashMap<>();
        session.getUserProperties().forEach((name, value) -> userProperties.put(String.valueOf(name), String.valueOf(value)));
        return new Provenance.ExternalParameters(session.getGoals(), new ArrayList<>(profiles),
                PublicProperties.of(publicProperties).recordable(userProperties), environment.source(), workingTree);
    }

    private Map<String, String> internalParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("mavenVersion", runtime.getMavenVersion());
        parameters.put("javaVersion", System.getProperty("java.version"));
        parameters.put("javaVendor", System.getProperty("java.vendor"));
        parameters.put("osName", System.getProperty("os.name"));
        parameters.put("osArch", System.getProperty("os.arch"));
        return parameters;
    }

    private Map<String, String> builderVersion() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put(plugin.getArtifactId(), plugin.getVersion());
        versions.put("maven", runtime.getMavenVersion());
        return versions;
    }

    /** Every resolved dependency (test scope included: tests ran in this build), then every build plugin. */
    private List<Components.Component> components() {
        List<Components.Component> components = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put("kind", "dependency");
            if (artifact.getScope() != null) {
                annotations.put("scope", artifact.getScope());
            }
            components.add(new Components.Component(artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion(),
                    artifact.getArtifactHandler() != null ? artifact.getArtifactHandler().getExtension() : artifact.getType(),
                    artifact.hasClassifier() ? artifact.getClassifier() : null,
                    artifact.getFile() == null ? null : artifact.getFile().toPath(), annotations));
        }
        RepositorySystemSession repositories = session.getRepositorySession();
        Path localRepository = repositories.getLocalRepository().getBasedir().toPath();
        for (Plugin buildPlugin : project.getBuildPlugins()) {
            Path jar = null;
            if (buildPlugin.getVersion() != null) {
                jar = localRepository.resolve(repositories.getLocalRepositoryManager().getPathForLocalArtifact(
                        new DefaultArtifact(buildPlugin.getGroupId(), buildPlugin.getArtifactId(), "", "jar", buildPlugin.getVersion())));
            }
            components.add(new Components.Component(buildPlugin.getGroupId(), buildPlugin.getArtifactId(), buildPlugin.getVersion(),
                    "jar", null, jar, Map.of("kind", "plugin")));
        }
        return components;
    }
}
