package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.inject.Inject;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Profile;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.provenance.ledger.DeployedSignatures;
import dev.securebuild.provenance.ledger.Deployment;
import dev.securebuild.provenance.ledger.DeploymentRepository;
import dev.securebuild.provenance.ledger.KeyChangeRefusedException;
import dev.securebuild.provenance.ledger.Ledger;
import dev.securebuild.provenance.ledger.LedgerEndpoint;
import dev.securebuild.provenance.ledger.LedgerFormatException;
import dev.securebuild.provenance.ledger.Verdicts;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.FileDigest;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.sign.ProducedFile;

/**
 * Records the deployment in an append-only, hash-chained, signed ledger (JSON Lines): who deployed what, where, with
 * which configuration, and what the other goals decided. One record per build for the whole reactor, written by the
 * module that finishes last; optionally also POSTed to an endpoint. Bound to phase {@code deploy}, it runs after
 * maven-deploy-plugin's {@code default-deploy}: Maven runs the executions its lifecycle binds to a phase before those a
 * POM binds to the same phase.
 */
@Mojo(name = "record-deployment", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class RecordDeploymentMojo extends AbstractSigningMojo {

    static final String DEFAULT_LEDGER = "deployments.jsonl";

    /**
     * The ledger file, appended to. A relative path is taken from the folder Maven was started in. The default is in
     * the reactor's root folder (the one holding {@code .mvn}, else the one Maven was started in).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger", defaultValue = "${maven.multiModuleProjectDirectory}/" + DEFAULT_LEDGER)
    private String ledger;

    /**
     * Also POST each record (the JSON of its line) to this URL: https, or http to localhost only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger.endpoint")
    private String endpoint;

    /**
     * How long to wait for the endpoint to connect, and then to answer, in seconds.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger.endpointTimeout", defaultValue = "30")
    private int endpointTimeout;

    /**
     * Environment variables to record (comma-separated names), each value redacted as Redaction decides. No other
     * variable is recorded.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger.environment")
    private List<String> environment;

    /**
     * The user properties ({@code -Dname=value}) whose value the record may hold (comma-separated names, a trailing
     * {@code *} for a prefix); every other one is recorded by its name with the value {@code [redacted]}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.publicProperties", defaultValue = PublicProperties.DEFAULT)
    private String publicProperties;

    /**
     * The fingerprint of the key that signs from now on, to change the ledger's key: a record signed by another key than
     * the ledger's last record is refused unless this names it. The record then declares the change ({@code keyRotation},
     * from the previous key to this one), which verify-ledger requires of a change.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.ledger.newKey")
    private String newKey;





    /**
     * Which signer signs: {@code pgp} (an OpenPGP secret key, see keyFile) or {@code pkcs11} (a key on a PKCS#11 token
     * or hardware security module, see the pkcs11 parameters; the PIN comes from environment SECURE_BUILD_PKCS11_PIN
     * or the {@code <password>} of the settings.xml server serverId).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.signer", defaultValue = "pgp")
    private String signer;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Inject
    public RecordDeploymentMojo(MavenSigningKeys signingKeys) {
        super(signingKeys);
    }

    @Override
    protected String signerName() {
        return signer;
    }

    /** What one module adds to the record: its deployed files, and how many of them have a signature. */
    record ModuleRecord(Deployment.Module module, Deployment.Where where, int files, int signed) {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ModuleRecord mine = null;
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set; this module adds nothing to the ledger record");
        } else if (Boolean.parseBoolean(property(project, "maven.deploy.skip"))) {
            getLog().info("maven.deploy.skip is set: " + project.getArtifactId() + " deploys nothing, so it adds nothing to the ledger record");
        } else {
            // The key first: a build without one fails in its first module, not after the whole reactor was hashed.
            mine = moduleRecord(project, signer());
        }
        ReactorAggregation<ModuleRecord> aggregation = ReactorAggregation.of(session, mojoExecution);
        var arrival = aggregation.add(project, mine);
        Optional<List<ModuleRecord>> all = arrival.all();
        if (all.isEmpty()) {
            getLog().info((mine == null ? "Nothing" : mine.files() + " deployed file(s) of " + project.getArtifactId())
                    + " for the reactor's ledger record (" + arrival.stillToCome() + " module(s) still to come)");
            return;
        }
        List<ModuleRecord> modules = all.get().stream().filter(Objects::nonNull).toList();
        if (modules.isEmpty()) {
            getLog().info("No module of the reactor deployed anything: no ledger record");
            return;
        }
        record(modules);
    }

    private void record(List<ModuleRecord> modules) throws MojoExecutionException {
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        Deployment.Where where = modules.get(0).where();
        List<Deployment.Module> entries = new ArrayList<>();
        int files = 0;
        int signed = 0;
        for (ModuleRecord module : modules) {
            Deployment.Module entry = module.module();
            if (!module.where().equals(where)) {
                entry = new Deployment.Module(entry.groupId(), entry.artifactId(), entry.version(), entry.packaging(), entry.files(),
                        entry.signingKey(), entry.provenance(), module.where());
            }
            entries.add(entry);
            files += module.files();
            signed += module.signed();
        }
        Signer signer = signer();
        Clock clock = Clock.systemUTC();
        Deployment deployment = new Deployment(clock.instant(), Deployment.Who.of(System::getenv, System.getProperty("user.name")), where,
                entries, Deployment.Configuration.of(profiles(), userProperties(), PublicProperties.of(publicProperties), environmentNames(),
                        System::getenv),
                Verdicts.read(Path.of(top.getBuild().getDirectory(), "secure-build"), Verdicts.signatures(files, signed)));

        Path file = ledgerPath();
        Ledger.Appended appended;
        try {
            appended = new Ledger(file).append(deployment, signer, secrets(), newKey);
        } catch (KeyChangeRefusedException e) {
            throw new MojoExecutionException("Nothing was appended to the ledger " + file + ": " + e.getMessage() + ". To change the ledger's key "
                    + "to " + e.signingKey() + ", set -Dsecure-build.ledger.newKey=" + e.signingKey() + " (parameter newKey): the record "
                    + "then declares the change" + (e.ledgerKey() == null ? "" : "; else sign with key " + e.ledgerKey()));
        } catch (LedgerFormatException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot append to the ledger " + file + ": " + e.getMessage(), e);
        }
        getLog().info("Recorded deployment #" + appended.sequence() + " (" + entries.size() + " module(s), " + files + " file(s) to "
                + where.repositoryId() + ") in the ledger " + file + ", signed by " + signer.fingerprint() + "; record SHA-256 " + appended.sha256());

        EventLog events = new EventLog(eventLogFile(), clock, eventLogToMavenLog ? getLog()::warn : null, secrets());
        String projectId = top.getGroupId() + ":" + top.getArtifactId();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ledger", file.toString());
        fields.put("sequence", appended.sequence());
        fields.put("sha256", appended.sha256());
        fields.put("repositoryId", where.repositoryId());
        fields.put("modules", entries.size());
        fields.put("signer", signer.fingerprint());
        appendEvent(events, "ledger.recorded", projectId, fields, "deployment #" + appended.sequence() + " recorded");

        if (endpoint != null && !endpoint.isBlank()) {
            LedgerEndpoint target;
            try {
                target = LedgerEndpoint.of(endpoint, Duration.ofSeconds(Math.max(1, endpointTimeout)));
                target.post(appended.line());
            } catch (IllegalArgumentException | IOException e) {
                Map<String, Object> failure = new LinkedHashMap<>(fields);
                failure.put("endpoint", DeploymentRepository.redactUrl(endpoint));
                appendEvent(events, "ledger.endpoint-failed", projectId, failure, "record #" + appended.sequence() + " was not sent: " + e.getMessage());
                throw new MojoExecutionException("Record #" + appended.sequence() + " is in the ledger " + file + ", but sending it failed: "
                        + e.getMessage(), e);
            }
            getLog().info("Sent record #" + appended.sequence() + " to " + target.shown());
        }
    }

    private void appendEvent(EventLog events, String type, String projectId, Map<String, Object> fields, String message) throws MojoExecutionException {
        try {
            events.append(type, projectId, fields, message);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot append to the security event log " + events.file() + ": " + e.getMessage(), e);
        }
    }

    private ModuleRecord moduleRecord(MavenProject module, Signer signer) throws MojoExecutionException {
        List<ProducedFile> deployed = deployedFiles(module);
        List<Deployment.DeployedFile> files = new ArrayList<>();
        Map<String, Path> paths = new LinkedHashMap<>();
        for (ProducedFile file : deployed) {
            try {
                FileDigest digest = OnePassReader.read(file.file(), List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
                files.add(new Deployment.DeployedFile(file.repositoryName(), digest.size(), digest.hex(DigestAlgorithm.SHA256),
                        digest.hex(DigestAlgorithm.SHA512)));
                paths.put(file.repositoryName(), file.file());
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read " + file.file() + " (" + file.repositoryName() + " of " + module.getId() + "): "
                        + e.getMessage(), e);
            }
        }
        List<String> primary = paths.keySet().stream().filter(name -> !ProducedFile.isSignatureOrChecksum(name)).toList();
        // Only what the record's own key signed counts: a .asc by another key, or one that no longer matches, is named.
        DeployedSignatures.Check signatures;
        try {
            signatures = DeployedSignatures.check(paths, primary, PublicKeys.parse(signer.armoredPublicKey(), "the key that signs the record"));
        } catch (IOException | SigningException e) {
            throw new MojoExecutionException("Cannot check the deployed signatures of " + module.getId() + ": " + e.getMessage(), e);
        }
        for (String problem : signatures.problems()) {
            getLog().warn("Not counted as signed in the ledger (" + module.getId() + "): " + problem);
        }
        int signed = signatures.signed().size();
        String signingKey = signed > 0 ? signer.fingerprint() : null;

        Deployment.NamedDigest provenance = null;
        Path intoto = Path.of(module.getBuild().getDirectory(), module.getBuild().getFinalName() + ".intoto.jsonl");
        if (Files.isRegularFile(intoto)) {
            try {
                provenance = new Deployment.NamedDigest(intoto.getFileName().toString(),
                        OnePassReader.read(intoto, List.of(DigestAlgorithm.SHA256)).hex(DigestAlgorithm.SHA256));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read the provenance " + intoto + ": " + e.getMessage(), e);
            }
        }
        Deployment.Module entry = new Deployment.Module(module.getGroupId(), module.getArtifactId(), module.getVersion(), module.getPackaging(),
                files, signingKey, provenance, null);
        return new ModuleRecord(entry, where(module), primary.size(), signed);
    }

    /** What maven-deploy-plugin uploads: the POM, the main artifact, and every attached file (signatures and checksums too). */
    private static List<ProducedFile> deployedFiles(MavenProject module) throws MojoExecutionException {
        List<ProducedFile> files = new ArrayList<>(ProducedFiles.of(module));
        for (Artifact attached : module.getAttachedArtifacts()) {
            String extension = attached.getArtifactHandler().getExtension();
            String name = attached.getArtifactId() + "-" + attached.getBaseVersion() + (attached.hasClassifier() ? "-" + attached.getClassifier() : "")
                    + "." + extension;
            if (ProducedFile.isSignatureOrChecksum(name) && attached.getFile() != null) {
                files.add(new ProducedFile(attached.getFile().toPath(), name, extension, attached.getClassifier()));
            }
        }
        return files;
    }

    /** Where maven-deploy-plugin (2.x or 3.x) deploys this module: its alt*DeploymentRepository properties, else distributionManagement. */
    private Deployment.Where where(MavenProject module) throws MojoExecutionException {
        String specific = module.getArtifact().isSnapshot() ? "altSnapshotDeploymentRepository" : "altReleaseDeploymentRepository";
        for (String name : List.of(specific, "altDeploymentRepository")) {
            String value = property(module, name);
            if (value != null && !value.isBlank()) {
                try {
                    return DeploymentRepository.parseAlternative(name, value);
                } catch (IllegalArgumentException e) {
                    throw new MojoExecutionException(e.getMessage(), e);
                }
            }
        }
        ArtifactRepository repository = module.getDistributionManagementArtifactRepository();
        if (repository == null) {
            throw new MojoExecutionException(module.getId() + " names no repository to deploy to: set <distributionManagement> or "
                    + "-DaltDeploymentRepository=id::url, as maven-deploy-plugin needs");
        }
        return new Deployment.Where(repository.getId(), DeploymentRepository.redactUrl(repository.getUrl()));
    }

    /** A property as Maven's parameter expressions see it: user and system properties first, then the project's. */
    private String property(MavenProject module, String name) {
        String value = session.getUserProperties().getProperty(name);
        if (value == null) {
            value = session.getSystemProperties().getProperty(name);
        }
        return value != null ? value : module.getProperties().getProperty(name);
    }

    private Set<String> profiles() {
        Set<String> ids = new LinkedHashSet<>(session.getRequest().getActiveProfiles());
        for (MavenProject module : session.getProjects()) {
            for (Profile profile : module.getActiveProfiles()) {
                ids.add(profile.getId());
            }
        }
        return ids;
    }

    private Map<String, String> userProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        Properties user = session.getUserProperties();
        for (String name : user.stringPropertyNames()) {
            properties.put(name, user.getProperty(name));
        }
        return properties;
    }

    private List<String> environmentNames() {
        List<String> names = new ArrayList<>();
        if (environment != null) {
            for (String entry : environment) {
                for (String name : entry == null ? new String[0] : entry.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return names;
    }

    private Signer signer() throws MojoExecutionException {
        return signer("record-deployment", openEventLog());
    }

    Path ledgerPath() {
        return resolveLedger(ledger, session);
    }

    /**
     * The ledger path: the parameter, a relative path taken from the folder Maven was started in (or given with -f);
     * when {@code maven.multiModuleProjectDirectory} is not set (Maven embedded), the default is in the reactor's folder.
     */
    static Path resolveLedger(String configured, MavenSession session) {
        Path executionRoot = Path.of(session.getExecutionRootDirectory());
        if (configured == null || configured.isBlank() || configured.contains("${")) {
            Path reactor = session.getRequest().getMultiModuleProjectDirectory() != null
                    ? session.getRequest().getMultiModuleProjectDirectory().toPath() : executionRoot;
            return reactor.resolve(DEFAULT_LEDGER).toAbsolutePath().normalize();
        }
        return executionRoot.resolve(configured).toAbsolutePath().normalize();
    }
}
