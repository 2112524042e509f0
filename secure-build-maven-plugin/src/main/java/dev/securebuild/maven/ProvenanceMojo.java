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
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
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
public class ProvenanceMojo extends AbstractMojo {

    /** The type (and extension) the provenance file is attached with. */
    static final String TYPE = "intoto.jsonl";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

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
     * An armored (or binary, or base64) OpenPGP secret key file, as for {@code sign}. Used when environment
     * SECURE_BUILD_SIGNING_KEY is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.keyFile")
    private File keyFile;

    /**
     * The id of a settings.xml server whose {@code privateKey} is the key file and whose {@code passphrase} unlocks it, as for {@code sign}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.serverId")
    private String serverId;

    /**
     * Which key to use when the key source holds several: the fingerprint of the key or of its signing subkey.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.keyFingerprint")
    private String keyFingerprint;

    /**
     * Refused: a passphrase does not belong in the POM or on the command line. Exists only to say so.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.passphrase")
    private String passphrase;

    /**
     * Which signer signs: {@code pgp} (an OpenPGP secret key, see keyFile) or {@code pkcs11} (a key on a PKCS#11 token
     * or hardware security module, see the pkcs11 parameters; the PIN comes from environment SECURE_BUILD_PKCS11_PIN
     * or the {@code <password>} of the settings.xml server serverId).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.signer", defaultValue = "pgp")
    private String signer;

    /**
     * The token's PKCS#11 module library (.so, .dylib or .dll), for signer pkcs11.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.library")
    private String pkcs11Library;

    /**
     * The label of the token that holds the key, for signer pkcs11. Optional when the module has one token.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.tokenLabel")
    private String pkcs11TokenLabel;

    /**
     * The label (CKA_LABEL) of the signing key on the token, for signer pkcs11.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.keyLabel")
    private String pkcs11KeyLabel;

    /**
     * The creation time of the token key's OpenPGP key (ISO-8601, such as 2026-01-15T10:00:00Z), for signer pkcs11: it
     * is part of the fingerprint, so it must stay the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.keyCreated")
    private String pkcs11KeyCreated;

    /**
     * The user id of the token key's OpenPGP certificate, for signer pkcs11. By default {@code secure-build PKCS#11 key <keyLabel>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.pkcs11.userId")
    private String pkcs11UserId;

    private SignerChoice signerChoice() {
        return new SignerChoice(signer, pkcs11Library, pkcs11TokenLabel, pkcs11KeyLabel, pkcs11KeyCreated, pkcs11UserId);
    }

    /**
     * The security event log (JSON Lines, appended): a key that cannot be loaded is recorded there. docs/events.md lists the events.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.eventLog", defaultValue = "${project.build.directory}/secure-build/security-events.jsonl")
    private String eventLog;

    /**
     * Also print each security event as one line of the Maven log ({@code secure-build-event {...}}), for log shippers.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.eventLog.mavenLog", defaultValue = "false")
    private boolean eventLogToMavenLog;

    /**
     * Skip this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.skip", defaultValue = "false")
    private boolean skip;

    private final MavenProjectHelper projectHelper;
    private final MavenSigningKeys signingKeys;
    private final RuntimeInformation runtime;

    @Inject
    public ProvenanceMojo(MavenProjectHelper projectHelper, MavenSigningKeys signingKeys, RuntimeInformation runtime) {
        this.projectHelper = projectHelper;
        this.signingKeys = signingKeys;
        this.runtime = runtime;
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
        Signer signer = signingKeys.signer(session, keyFile, serverId, keyFingerprint, passphrase, signerChoice(), getLog(),
                SecurityEventLogs.open(project.getBasedir().toPath(), eventLog, eventLogToMavenLog, getLog()), project, "provenance");

        List<Subjects.Named> produced = new ArrayList<>();
        for (ProducedFile file : subjectFiles(project)) {
            produced.add(new Subjects.Named(file.repositoryName(), file.file()));
        }
        Path output = provenanceFile.toPath();
        Provenance provenance;
        List<Provenance.ResourceDescriptor> dependencies;
        try {
            dependencies = Components.describe(components());
            BuildEnvironment environment = BuildEnvironment.detect(System.getenv(), () -> GitSource.of(project.getBasedir().toPath()));
            Instant started = session.getRequest().getStartTime() != null ? session.getRequest().getStartTime().toInstant() : Instant.now();
            provenance = new Provenance(Subjects.of(produced), externalParameters(environment), internalParameters(), dependencies,
                    new Provenance.RunDetails(environment.builderId(), builderVersion(), environment.invocationId(), started, Instant.now()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read a file to describe in the provenance: " + e.getMessage(), e);
        }
        try {
            Dsse.Envelope envelope = Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, provenance.toJson());
            AtomicFiles.writeString(output, envelope.toJson() + "\n");
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + output + ": " + e.getMessage(), e);
        }
        if (attach) {
            projectHelper.attachArtifact(project, TYPE, null, output.toFile());
        }
        GoalResultFiles.pass(project, "provenance", "provenance", "Signed provenance for " + produced.size()
                + (produced.size() == 1 ? " file" : " files") + " with key " + signer.fingerprint(), output, getLog());
        getLog().info("Wrote provenance for " + produced.size() + (produced.size() == 1 ? " file" : " files") + " ("
                + dependencies.size() + " resolved dependencies and plugins) signed with key " + signer.fingerprint() + ": " + output
                + (attach ? " (attached as " + project.getArtifactId() + "-" + project.getArtifact().getBaseVersion() + "." + TYPE + ")" : ""));
    }

    /** What the provenance describes: the produced files, never an earlier provenance file. */
    static List<ProducedFile> subjectFiles(MavenProject project) throws MojoExecutionException {
        return ProducedFiles.of(project).stream().filter(file -> !file.repositoryName().endsWith("." + TYPE)).toList();
    }

    private Provenance.ExternalParameters externalParameters(BuildEnvironment environment) {
        Set<String> profiles = new LinkedHashSet<>();
        if (project.getInjectedProfileIds() != null) {
            project.getInjectedProfileIds().values().forEach(profiles::addAll);
        }
        profiles.addAll(session.getRequest().getActiveProfiles());
        Map<String, String> userProperties = new LinkedHashMap<>();
        session.getUserProperties().forEach((name, value) -> userProperties.put(String.valueOf(name), String.valueOf(value)));
        return new Provenance.ExternalParameters(session.getGoals(), new ArrayList<>(profiles), userProperties, environment.source());
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
