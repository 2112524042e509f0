package dev.securebuild.provenance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.outputs.ProducedFile;
import dev.securebuild.shared.text.LogSink;

/**
 * What the provenance goal decides: the statement for the produced files (their digests, the resolved dependencies and
 * plugins, who built them from which source, with which parameters), signed in a DSSE envelope and written as one line;
 * and what to say about the source tree the build read.
 */
public final class ProvenanceBuilder {

    /** The type (and extension) the provenance file is attached with. */
    public static final String TYPE = "intoto.jsonl";

    /** The checkout the sources were read from. */
    public interface Checkout {

        /** The repository and commit; null when git does not say. */
        Provenance.Source source();

        /** Whether the working tree holds uncommitted changes; null when git does not say. */
        Provenance.WorkingTree workingTree();

        /** What git says of the work tree holding {@code directory}. */
        static Checkout git(Path directory) {
            return new Checkout() {
                @Override
                public Provenance.Source source() {
                    return GitSource.of(directory);
                }

                @Override
                public Provenance.WorkingTree workingTree() {
                    return GitSource.workingTree(directory);
                }
            };
        }
    }

    /**
     * What one module's provenance is made of.
     *
     * @param produced         the files the module produced (an earlier provenance file among them is left out)
     * @param components       its resolved dependencies, then its build plugins
     * @param basedir          the module's folder, as messages name it
     * @param environment      the process environment, for the CI that ran the build
     * @param started          when the build started; null when Maven does not say (then: now)
     * @param goals            the goals Maven was asked to run
     * @param profiles         the active profiles' ids
     * @param userProperties   the user properties ({@code -Dname=value})
     * @param publicProperties which of them may be recorded with their value ({@link PublicProperties#of})
     * @param pluginArtifactId this plugin's artifactId, with its version the builder's version
     * @param systemProperties the JVM's, for the Java version and vendor and the operating system
     * @param output           the file the envelope is written to
     */
    public record Request(List<ProducedFile> produced, List<Components.Component> components, Path basedir, Map<String, String> environment,
                          Instant started, List<String> goals, Collection<String> profiles, Map<String, String> userProperties,
                          String publicProperties, String pluginArtifactId, String pluginVersion, String mavenVersion,
                          Properties systemProperties, Path output) {}

    /** The provenance as written: how many files it describes, how many dependencies and plugins, the key, the source tree. */
    public record Written(Path output, int files, int dependencies, String signer, Provenance.WorkingTree workingTree) {

        /** The result's summary for the release gate. */
        public String summary() {
            return "Signed provenance for " + files + (files == 1 ? " file" : " files") + " with key " + signer + (workingTree == null
                    ? "; whether the sources were committed is unknown"
                    : workingTree.clean() ? "; sources committed" : "; built from uncommitted changes: " + workingTree.describe());
        }

        /** @param attachedAs the name it is attached as; null when it is not attached */
        public String message(String attachedAs) {
            return "Wrote provenance for " + files + (files == 1 ? " file" : " files") + " (" + dependencies + " resolved dependencies and plugins)"
                    + " signed with key " + signer + ": " + output + (attachedAs == null ? "" : " (attached as " + attachedAs + ")");
        }
    }

    private final Checkout checkout;
    private final Clock clock;
    private final KnownSecrets secrets;

    /** @param secrets the build's secret values, replaced before the statement is signed */
    public ProvenanceBuilder(Checkout checkout, Clock clock, KnownSecrets secrets) {
        this.checkout = checkout;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** What provenance describes: the produced files, never an earlier provenance file. */
    public static List<ProducedFile> subjects(List<ProducedFile> produced) {
        return produced.stream().filter(file -> !file.repositoryName().endsWith("." + TYPE)).toList();
    }

    /** Builds, signs and writes the provenance; {@code report} is told when the source tree was not all committed, or git did not say. */
    public Written write(Request request, Signer signer, LogSink report) throws ProvenanceException {
        List<Subjects.Named> produced = new ArrayList<>();
        for (ProducedFile file : subjects(request.produced())) {
            produced.add(new Subjects.Named(file.repositoryName(), file.file()));
        }
        Provenance provenance;
        List<Provenance.ResourceDescriptor> dependencies;
        Provenance.WorkingTree workingTree;
        try {
            dependencies = Components.describe(request.components());
            BuildEnvironment environment = BuildEnvironment.detect(request.environment(), checkout::source);
            // Asked of git also when the CI names the commit: a build step may have changed the checkout.
            workingTree = checkout.workingTree();
            Instant started = request.started() != null ? request.started() : clock.instant();
            provenance = new Provenance(Subjects.of(produced), externalParameters(request, environment, workingTree), internalParameters(request),
                    dependencies, new Provenance.RunDetails(environment.builderId(), builderVersion(request), environment.invocationId(), started,
                    clock.instant()));
        } catch (IOException e) {
            throw new ProvenanceException("Cannot read a file to describe in the provenance: " + e.getMessage(), e);
        }
        Path output = request.output();
        try {
            // Before it is signed: a secret the build holds may stand in any field (a path, a URL, a property).
            Dsse.Envelope envelope = Dsse.sign(signer, Dsse.IN_TOTO_PAYLOAD_TYPE, secrets.redactUtf8(provenance.toJson()));
            AtomicFiles.writeString(output, envelope.toJson() + "\n");
        } catch (SigningException e) {
            throw new ProvenanceException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ProvenanceException("Cannot write " + output + ": " + e.getMessage(), e);
        }
        reportWorkingTree(workingTree, request.basedir(), report);
        return new Written(output, produced.size(), dependencies.size(), signer.fingerprint(), workingTree);
    }

    /** A build from uncommitted changes is recorded, and said: its provenance names a commit that is not all of its source. */
    private static void reportWorkingTree(Provenance.WorkingTree workingTree, Path basedir, LogSink report) {
        if (workingTree == null) {
            report.info("The provenance does not say whether the sources were committed: " + basedir
                    + " is not in a git work tree with a commit, or git is not installed");
        } else if (!workingTree.clean()) {
            report.warn("Built from a git working tree with uncommitted changes: " + workingTree.describe()
                    + ". The provenance records it (externalParameters.workingTree); commit them for provenance that names the source");
        }
    }

    private static Provenance.ExternalParameters externalParameters(Request request, BuildEnvironment environment, Provenance.WorkingTree workingTree) {
        return new Provenance.ExternalParameters(request.goals(), new ArrayList<>(request.profiles()),
                PublicProperties.of(request.publicProperties()).recordable(request.userProperties()), environment.source(), workingTree);
    }

    private static Map<String, String> internalParameters(Request request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("mavenVersion", request.mavenVersion());
        parameters.put("javaVersion", request.systemProperties().getProperty("java.version"));
        parameters.put("javaVendor", request.systemProperties().getProperty("java.vendor"));
        parameters.put("osName", request.systemProperties().getProperty("os.name"));
        parameters.put("osArch", request.systemProperties().getProperty("os.arch"));
        return parameters;
    }

    private static Map<String, String> builderVersion(Request request) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put(request.pluginArtifactId(), request.pluginVersion());
        versions.put("maven", request.mavenVersion());
        return versions;
    }
}
