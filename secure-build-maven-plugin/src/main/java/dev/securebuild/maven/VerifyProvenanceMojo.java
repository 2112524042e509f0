package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.provenance.Dsse;
import dev.securebuild.provenance.ProvenanceVerifier;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.MessageKey;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.sign.ProducedFile;
import dev.securebuild.sign.TrustedKeys;

/**
 * Verifies the provenance file that {@code provenance} wrote: the DSSE signature by a trusted key, the payload and
 * statement types, and that each subject's SHA-256 and SHA-512 are those of the file (the project's outputs, or the
 * files of {@code directory}). Each failure fails the build and is appended to the security event log. Without a
 * project it checks downloaded files: the {@code directory} they are in, and the one {@code .intoto.jsonl} there (or
 * {@code provenanceFile}).
 */
@Mojo(name = "verify-provenance", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class VerifyProvenanceMojo extends AbstractVerifyingMojo {

    /** The event each failure appends to the security event log. */
    static final String EVENT_TYPE = "provenance.verification-failed";

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /**
     * The provenance file to verify. Without a project, by default the one {@code *.intoto.jsonl} in {@code directory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.provenanceFile", defaultValue = "${project.build.directory}/${project.build.finalName}.intoto.jsonl")
    private File provenanceFile;

    /**
     * Look up the files the subjects name in this folder (e.g. downloaded from a repository) instead of the project's
     * outputs. Then the project's outputs need not all be subjects.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.directory")
    private File directory;

    /**
     * Fail when the provenance records a build from a git working tree with uncommitted changes or untracked files,
     * or does not say (built outside a git work tree, without git, or by an earlier version). Without it, such a
     * provenance passes with a warning that names the changed files.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.requireCleanSource", defaultValue = "false")
    private boolean requireCleanSource;

    @Inject
    public VerifyProvenanceMojo(MavenSigningKeys signingKeys) {
        super(signingKeys);
    }

    @Override
    protected void verify() throws MojoExecutionException, MojoFailureException {
        // Maven's stand-in project, when there is no POM, is no project to leave a result for.
        MavenProject resultProject = isProject(project) ? project : null;
        try {
            verifyProvenance();
        } catch (MojoExecutionException | MojoFailureException e) {
            GoalResultFiles.fail(resultProject, "verify-provenance", "verify-provenance", e.getMessage(), provenanceFile.toPath(), getLog());
            throw e;
        }
    }

    private void verifyProvenance() throws MojoExecutionException, MojoFailureException {
        boolean hasProject = isProject(project);
        Path base = base(project);
        if (!hasProject && directory == null) {
            throw new MojoExecutionException("There is no project here: give the folder of the files to check with -Dsecure-build.directory=PATH "
                    + "(and the provenance file with -Dsecure-build.provenanceFile=PATH when that folder holds more than one .intoto.jsonl)");
        }
        Path provenance = hasProject || !isDefault(provenanceFile) ? base.resolve(provenanceFile.toPath())
                : onlyEnvelopeIn(base.resolve(directory.toPath()));
        String projectId = hasProject ? project.getGroupId() + ":" + project.getArtifactId() : "-";
        EventLog events = openEventLog();

        TrustedKeys trusted = trustedKeys(base);

        List<Dsse.Envelope> envelopes;
        try {
            envelopes = Dsse.readLines(provenance);
        } catch (NoSuchFileException e) {
            fail(events, projectId, provenance, new ProvenanceVerifier.Failure(provenance.getFileName().toString(), "missing", null, null,
                    "There is no provenance file " + provenance + (hasProject ? ": run the provenance goal first (bind it in the same or an earlier phase)"
                            : " (secure-build.provenanceFile)")));
            return;
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + provenance + ": " + e.getMessage(), e);
        } catch (Dsse.InvalidEnvelopeException e) {
            fail(events, projectId, provenance, new ProvenanceVerifier.Failure(provenance.getFileName().toString(), "envelope", null, null, e.getMessage()));
            return;
        }

        Map<String, Path> files = new LinkedHashMap<>();
        Set<String> mustCover = new LinkedHashSet<>();
        if (directory == null) {
            for (ProducedFile produced : ProvenanceMojo.subjectFiles(project)) {
                files.put(produced.repositoryName(), produced.file());
                mustCover.add(produced.repositoryName());
            }
        }
        Path folder = directory == null ? null : base.resolve(directory.toPath());
        ProvenanceVerifier verifier = new ProvenanceVerifier(new ProvenanceVerifier.Keys() {
            @Override
            public MessageKey find(String keyid) throws SigningException {
                return trusted.known().messageKey(keyid).orElse(null);
            }

            @Override
            public boolean trusted(MessageKey key) {
                return trusted.trustedFingerprints().contains(key.primaryFingerprint()) || trusted.trustedFingerprints().contains(key.fingerprint());
            }
        }, name -> folder == null ? files.get(name) : inFolder(folder, name), requireCleanSource);

        ProvenanceVerifier.Result result;
        try {
            result = verifier.verify(provenance.getFileName().toString(), envelopes, mustCover);
        } catch (SigningException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        for (String subject : result.verifiedSubjects()) {
            getLog().info("OK   " + Printable.of(subject));
        }
        if (!requireCleanSource) {
            logSources(result.sources());
        }
        if (!result.passed()) {
            for (ProvenanceVerifier.Failure failure : result.failures()) {
                getLog().error("BAD  " + failure.message());
                appendEvent(events, projectId, provenance, failure);
            }
            StringBuilder message = new StringBuilder("The provenance " + provenance + " failed verification (" + result.failures().size()
                    + (result.failures().size() == 1 ? " problem" : " problems") + "):");
            result.failures().forEach(failure -> message.append("\n  ").append(failure.message()));
            if (result.failures().stream().anyMatch(failure -> failure.check().equals("source"))) {
                message.append("\nA clean source is required by secure-build.requireCleanSource: build from a commit, or set it to false");
            }
            throw new MojoFailureException(message.toString());
        }
        GoalResult.SourceTree sourceTree = sourceTree(result.sources());
        GoalResultFiles.pass(hasProject ? project : null, "verify-provenance", "verify-provenance", "Provenance verified: signed by "
                + String.join(", ", result.signedBy()) + ", " + result.verifiedSubjects().size() + " subject(s) match their files; sources "
                + (sourceTree == GoalResult.SourceTree.CLEAN ? "committed" : sourceTree == GoalResult.SourceTree.DIRTY ? "with uncommitted changes"
                        : "committed or not: unknown"), provenance, sourceTree, getLog());
        getLog().info("Provenance " + provenance + " verified: signed by " + String.join(", ", result.signedBy()) + ", "
                + result.verifiedSubjects().size() + " subject(s) match their files");
    }

    /** A provenance that does not vouch for a commit as the whole source passes, but not silently. */
    private void logSources(List<ProvenanceVerifier.SourceState> sources) {
        for (ProvenanceVerifier.SourceState source : sources) {
            if (source.tree() == null) {
                getLog().info(source.where() + ": the provenance does not say whether its sources were committed"
                        + " (-Dsecure-build.requireCleanSource=true refuses such a provenance)");
            } else if (!source.tree().clean()) {
                getLog().warn(source.where() + ": built from a git working tree with uncommitted changes: " + source.tree().describe()
                        + " (-Dsecure-build.requireCleanSource=true refuses it)");
            }
        }
    }

    /** The least trustworthy state of all statements: dirty, then unknown, then clean. */
    private static GoalResult.SourceTree sourceTree(List<ProvenanceVerifier.SourceState> sources) {
        GoalResult.SourceTree worst = sources.isEmpty() ? GoalResult.SourceTree.UNKNOWN : GoalResult.SourceTree.CLEAN;
        for (ProvenanceVerifier.SourceState source : sources) {
            GoalResult.SourceTree state = GoalResultFiles.sourceTree(source.tree());
            if (state == GoalResult.SourceTree.DIRTY || (state == GoalResult.SourceTree.UNKNOWN && worst == GoalResult.SourceTree.CLEAN)) {
                worst = state;
            }
        }
        return worst;
    }

    /**
     * Whether provenanceFile is the stand-in project's default, that is: not given. (Maven 3 leaves that project's
     * {@code ${project.basedir}} unresolved in its build directory.)
     */
    private boolean isDefault(File file) {
        return file == null || file.getPath().contains("${") || project == null || project.getBuild() == null
                || file.toPath().equals(Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".intoto.jsonl"));
    }

    /** The one provenance file of a folder of downloaded files. */
    private static Path onlyEnvelopeIn(Path folder) throws MojoExecutionException {
        List<Path> envelopes;
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            envelopes = files.filter(file -> file.getFileName().toString().endsWith(".intoto.jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot list " + folder + " (secure-build.directory): " + e.getMessage(), e);
        }
        if (envelopes.size() == 1) {
            return envelopes.get(0);
        }
        throw new MojoExecutionException((envelopes.isEmpty() ? "There is no .intoto.jsonl in " + folder
                : folder + " holds " + envelopes.size() + " provenance files (" + envelopes.stream().map(p -> p.getFileName().toString())
                        .collect(java.util.stream.Collectors.joining(", ")) + ")")
                + ": give the one to check with -Dsecure-build.provenanceFile=PATH");
    }

    /** A subject's name is a plain file name; anything else (a path) is not looked up. */
    private static Path inFolder(Path folder, String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            return null;
        }
        return folder.resolve(name);
    }

    private void fail(EventLog events, String projectId, Path provenance, ProvenanceVerifier.Failure failure)
            throws MojoFailureException, MojoExecutionException {
        getLog().error("BAD  " + failure.message());
        appendEvent(events, projectId, provenance, failure);
        throw new MojoFailureException(failure.message());
    }

    private void appendEvent(EventLog events, String projectId, Path provenance, ProvenanceVerifier.Failure failure) throws MojoExecutionException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("provenance", provenance.getFileName().toString());
        fields.put("file", failure.file());
        fields.put("check", failure.check());
        fields.put("expected", failure.expected());
        fields.put("actual", failure.actual());
        try {
            events.append(EVENT_TYPE, projectId, fields, failure.message());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot append to the security event log " + events.file() + ": " + e.getMessage(), e);
        }
    }
}
