package dev.securebuild.provenance.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.securebuild.provenance.ProvenanceException;
import dev.securebuild.provenance.SecurityEvents;
import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.FileDigest;
import dev.securebuild.shared.digest.OnePassReader;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.outputs.ProducedFile;

/**
 * What record-deployment decides: what each module deployed (its files, their digests, which of them the record's key
 * signed, its provenance, where it went), the one record of the reactor built from that, appended to the ledger, and
 * then announced in the security event log and, when configured, sent to the endpoint.
 */
public final class DeploymentRecorder {

    /**
     * The build's settings, the same for every module.
     *
     * @param ledger           the resolved ledger file ({@link LedgerLocation})
     * @param newKey           parameter newKey: the fingerprint of the key that signs from now on, or null
     * @param endpoint         where each record is also POSTed; null or blank for nowhere
     * @param environmentNames the environment variables to record, as configured (entries may be comma-separated)
     * @param publicProperties the user properties whose value may be recorded ({@link PublicProperties#of})
     * @param userProperties   the session's user properties ({@code -Dname=value})
     * @param systemProperties the session's system properties
     * @param profiles         the ids of the active profiles
     * @param environment      the process environment
     * @param osUser           the operating-system user, who deployed when no CI names anyone
     */
    public record Settings(Path ledger, String newKey, String endpoint, int endpointTimeoutSeconds, List<String> environmentNames,
                           String publicProperties, Properties userProperties, Properties systemProperties, Collection<String> profiles,
                           Function<String, String> environment, String osUser, Clock clock, KnownSecrets secrets) {}

    /**
     * One module as maven-deploy-plugin deploys it.
     *
     * @param id           how messages name it (Maven's project id)
     * @param files        every file deploy uploads: the POM, the main and attached artifacts, their signatures and checksums
     * @param provenance   where the provenance goal writes the module's envelope, whether or not it did
     * @param snapshot     whether the version is a snapshot (which alt*DeploymentRepository applies)
     * @param properties   the module's own properties
     * @param distribution the repository of {@code <distributionManagement>}, its URL as configured; null when there is none
     */
    public record ModuleRequest(String id, String groupId, String artifactId, String version, String packaging, List<ProducedFile> files,
                                Path provenance, boolean snapshot, Properties properties, Deployment.Where distribution) {}

    /** What one module adds to the record: its entry, where it deployed, its files (signatures and checksums aside) and how many are signed. */
    public record ModuleRecord(Deployment.Module module, Deployment.Where where, int files, int signed) {}

    /** A record as appended to the ledger. */
    public record Recorded(Path ledger, Ledger.Appended appended, int modules, int files, Deployment.Where where, String signer) {

        public long sequence() {
            return appended.sequence();
        }

        public String summary() {
            return "Recorded deployment #" + sequence() + " (" + modules + " module(s), " + files + " file(s) to " + where.repositoryId()
                    + ") in the ledger " + ledger + ", signed by " + signer + "; record SHA-256 " + appended.sha256();
        }
    }

    /** Where the key that signs the record comes from; asked only when there is something to sign. */
    @FunctionalInterface
    public interface SignerSource<E extends Exception> {
        Signer get() throws E;
    }

    private final Settings settings;

    public DeploymentRecorder(Settings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /**
     * Whether the module adds its deployed files to the record: not when the goal is skipped for it, nor when
     * maven.deploy.skip is set for it (it deploys nothing); {@code info} is told why not.
     */
    public boolean deploys(boolean skip, Properties moduleProperties, String artifactId, Consumer<String> info) {
        if (skip) {
            info.accept("Skipping: secure-build.skip is set; this module adds nothing to the ledger record");
            return false;
        }
        if (Boolean.parseBoolean(property(moduleProperties, "maven.deploy.skip"))) {
            info.accept("maven.deploy.skip is set: " + artifactId + " deploys nothing, so it adds nothing to the ledger record");
            return false;
        }
        return true;
    }

    /** The module's part of the record, as Maven describes it; asked for after the key. */
    @FunctionalInterface
    public interface ModuleSource<E extends Exception> {
        ModuleRequest get() throws E;
    }

    /**
     * What the module deployed, each file read once for its digests.
     *
     * @param signer   the key that signs the record, asked for first: a build without one fails in its first module,
     *                 not after the whole reactor was hashed
     * @param warnings told of each signature not counted, and why
     */
    public <E extends Exception> ModuleRecord module(SignerSource<E> signer, ModuleSource<E> source, Consumer<String> warnings)
            throws ProvenanceException, E {
        Signer key = signer.get();
        return module(key, source.get(), warnings);
    }

    /** What the module deployed, each file read once for its digests; {@code warnings} is told of each signature not counted, and why. */
    public ModuleRecord module(Signer signer, ModuleRequest module, Consumer<String> warnings) throws ProvenanceException {
        List<Deployment.DeployedFile> files = new ArrayList<>();
        Map<String, Path> paths = new LinkedHashMap<>();
        for (ProducedFile file : module.files()) {
            try {
                FileDigest digest = OnePassReader.read(file.file(), List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
                files.add(new Deployment.DeployedFile(file.repositoryName(), digest.size(), digest.hex(DigestAlgorithm.SHA256),
                        digest.hex(DigestAlgorithm.SHA512)));
                paths.put(file.repositoryName(), file.file());
            } catch (IOException e) {
                throw new ProvenanceException("Cannot read " + file.file() + " (" + file.repositoryName() + " of " + module.id() + "): "
                        + e.getMessage(), e);
            }
        }
        List<String> primary = paths.keySet().stream().filter(name -> !ProducedFile.isSignatureOrChecksum(name)).toList();
        // Only what the record's own key signed counts: a .asc by another key, or one that no longer matches, is named.
        DeployedSignatures.Check signatures;
        try {
            signatures = DeployedSignatures.check(paths, primary, PublicKeys.parse(signer.armoredPublicKey(), "the key that signs the record"));
        } catch (IOException | SigningException e) {
            throw new ProvenanceException("Cannot check the deployed signatures of " + module.id() + ": " + e.getMessage(), e);
        }
        for (String problem : signatures.problems()) {
            warnings.accept("Not counted as signed in the ledger (" + module.id() + "): " + problem);
        }
        int signed = signatures.signed().size();
        Deployment.Module entry = new Deployment.Module(module.groupId(), module.artifactId(), module.version(), module.packaging(),
                files, signed > 0 ? signer.fingerprint() : null, provenance(module.provenance()), null);
        return new ModuleRecord(entry, where(module), primary.size(), signed);
    }

    private static Deployment.NamedDigest provenance(Path intoto) throws ProvenanceException {
        if (!Files.isRegularFile(intoto)) {
            return null;
        }
        try {
            return new Deployment.NamedDigest(intoto.getFileName().toString(),
                    OnePassReader.read(intoto, List.of(DigestAlgorithm.SHA256)).hex(DigestAlgorithm.SHA256));
        } catch (IOException e) {
            throw new ProvenanceException("Cannot read the provenance " + intoto + ": " + e.getMessage(), e);
        }
    }

    /** Where maven-deploy-plugin (2.x or 3.x) deploys the module: its alt*DeploymentRepository properties, else distributionManagement. */
    Deployment.Where where(ModuleRequest module) throws ProvenanceException {
        String specific = module.snapshot() ? "altSnapshotDeploymentRepository" : "altReleaseDeploymentRepository";
        for (String name : List.of(specific, "altDeploymentRepository")) {
            String value = property(module.properties(), name);
            if (value != null && !value.isBlank()) {
                try {
                    return DeploymentRepository.parseAlternative(name, value);
                } catch (IllegalArgumentException e) {
                    throw new ProvenanceException(e.getMessage(), e);
                }
            }
        }
        if (module.distribution() == null) {
            throw new ProvenanceException(module.id() + " names no repository to deploy to: set <distributionManagement> or "
                    + "-DaltDeploymentRepository=id::url, as maven-deploy-plugin needs");
        }
        return new Deployment.Where(module.distribution().repositoryId(), DeploymentRepository.redactUrl(module.distribution().url()));
    }

    /** A property as Maven's parameter expressions see it: user and system properties first, then the module's. */
    String property(Properties moduleProperties, String name) {
        String value = settings.userProperties().getProperty(name);
        if (value == null) {
            value = settings.systemProperties().getProperty(name);
        }
        return value != null || moduleProperties == null ? value : moduleProperties.getProperty(name);
    }

    /**
     * Appends the reactor's one record, for the modules that deployed something (a module that did not is null); records
     * it in the security event log, then sends it to the endpoint when one is configured.
     *
     * @param secureBuildDirectory the top-level project's {@code target/secure-build}, where the other goals' verdicts are
     * @param signer               asked for the key only when there is a record to sign
     * @param events               the security event log, where the record (and a failure to send it) is recorded
     * @param info                 told what was recorded and sent
     * @return empty when no module deployed anything: then there is no record
     */
    public <E extends Exception> Optional<Recorded> record(List<ModuleRecord> arrived, Path secureBuildDirectory, SignerSource<E> signer,
                                                           EventLog events, String projectId, Consumer<String> info) throws ProvenanceException, E {
        List<ModuleRecord> modules = arrived.stream().filter(Objects::nonNull).toList();
        if (modules.isEmpty()) {
            info.accept("No module of the reactor deployed anything: no ledger record");
            return Optional.empty();
        }
        Recorded recorded = append(modules, secureBuildDirectory, signer.get());
        info.accept(recorded.summary());
        String sentTo = publish(recorded, events, projectId);
        if (sentTo != null) {
            info.accept("Sent record #" + recorded.sequence() + " to " + sentTo);
        }
        return Optional.of(recorded);
    }

    /** What a module that does not complete the reactor says of its part. */
    public static String waiting(ModuleRecord mine, String artifactId, int stillToCome) {
        return (mine == null ? "Nothing" : mine.files() + " deployed file(s) of " + artifactId) + " for the reactor's ledger record ("
                + stillToCome + " module(s) still to come)";
    }

    private Recorded append(List<ModuleRecord> modules, Path secureBuildDirectory, Signer signer) throws ProvenanceException {
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
        Deployment deployment = new Deployment(settings.clock().instant(), Deployment.Who.of(settings.environment(), settings.osUser()), where,
                entries, Deployment.Configuration.of(settings.profiles(), userProperties(), PublicProperties.of(settings.publicProperties()),
                        environmentNames(), settings.environment()),
                Verdicts.read(secureBuildDirectory, Verdicts.signatures(files, signed)));
        Path file = settings.ledger();
        try {
            Ledger.Appended appended = new Ledger(file).append(deployment, signer, settings.secrets(), settings.newKey());
            return new Recorded(file, appended, entries.size(), files, where, signer.fingerprint());
        } catch (KeyChangeRefusedException e) {
            throw new ProvenanceException("Nothing was appended to the ledger " + file + ": " + e.getMessage() + ". To change the ledger's key "
                    + "to " + e.signingKey() + ", set -Dsecure-build.ledger.newKey=" + e.signingKey() + " (parameter newKey): the record "
                    + "then declares the change" + (e.ledgerKey() == null ? "" : "; else sign with key " + e.ledgerKey()), e);
        } catch (LedgerFormatException | SigningException e) {
            throw new ProvenanceException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ProvenanceException("Cannot append to the ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records the appended record in the security event log, then sends it to the endpoint when one is configured; a
     * record that could not be sent is recorded too, and fails.
     *
     * @return how the endpoint is shown (credentials withheld), null when none is configured
     */
    private String publish(Recorded recorded, EventLog events, String projectId) throws ProvenanceException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ledger", recorded.ledger().toString());
        fields.put("sequence", recorded.sequence());
        fields.put("sha256", recorded.appended().sha256());
        fields.put("repositoryId", recorded.where().repositoryId());
        fields.put("modules", recorded.modules());
        fields.put("signer", recorded.signer());
        SecurityEvents.append(events, "ledger.recorded", projectId, fields, "deployment #" + recorded.sequence() + " recorded");

        String endpoint = settings.endpoint();
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        try {
            LedgerEndpoint target = LedgerEndpoint.of(endpoint, Duration.ofSeconds(Math.max(1, settings.endpointTimeoutSeconds())));
            target.post(recorded.appended().line());
            return target.shown();
        } catch (IllegalArgumentException | IOException e) {
            Map<String, Object> failure = new LinkedHashMap<>(fields);
            failure.put("endpoint", DeploymentRepository.redactUrl(endpoint));
            SecurityEvents.append(events, "ledger.endpoint-failed", projectId, failure,
                    "record #" + recorded.sequence() + " was not sent: " + e.getMessage());
            throw new ProvenanceException("Record #" + recorded.sequence() + " is in the ledger " + recorded.ledger() + ", but sending it failed: "
                    + e.getMessage(), e);
        }
    }

    private Map<String, String> userProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        Properties user = settings.userProperties();
        for (String name : user.stringPropertyNames()) {
            properties.put(name, user.getProperty(name));
        }
        return properties;
    }

    /** The configured names, each entry split at its commas. */
    List<String> environmentNames() {
        List<String> names = new ArrayList<>();
        if (settings.environmentNames() != null) {
            for (String entry : settings.environmentNames()) {
                for (String name : entry == null ? new String[0] : entry.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return names;
    }
}
