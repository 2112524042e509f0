package dev.securebuild.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.MessageKey;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.shared.outputs.ProducedFile;
import dev.securebuild.shared.signer.pgp.TrustedKeys;
import dev.securebuild.shared.text.LogSink;

/**
 * What verify-provenance decides: which provenance file to check, and whether it holds: signed by a trusted key, each
 * subject the file it names (the project's outputs, or the files of a folder). Each failure is told, recorded in the
 * security event log and fails the check; a source tree that was not all committed is told, or fails when a clean
 * source is required.
 */
public final class ProvenanceCheck {

    /** The event each failure appends to the security event log. */
    public static final String EVENT_TYPE = "provenance.verification-failed";

    /**
     * What to check.
     *
     * @param hasProject         whether there is a project (a POM); without one, {@code directory} is required
     * @param base               where relative paths start: the project's folder, or the folder Maven was started in
     * @param provenanceFile     parameter provenanceFile
     * @param defaultFile        the project's default provenance file; null when there is no project model to say
     * @param directory          parameter directory: the folder of the files to check, instead of the project's outputs; or null
     * @param requireCleanSource whether a provenance that records uncommitted changes, or does not say, fails
     * @param projectId          how events name the project ({@code -} without one)
     */
    public record Request(boolean hasProject, Path base, Path provenanceFile, Path defaultFile, Path directory, boolean requireCleanSource,
                          String projectId) {}

    /** The files the project produced; asked only when the subjects are looked up among them. */
    @FunctionalInterface
    public interface Outputs<E extends Exception> {
        List<ProducedFile> get() throws E;
    }

    /**
     * A provenance that verifies.
     *
     * @param summary    the result's summary for the release gate
     * @param sourceTree the least trustworthy source tree its statements record
     * @param message    what to tell
     */
    public record Passed(Path provenance, String summary, GoalResult.SourceTree sourceTree, String message) {}

    private final Request request;
    private final LogSink report;

    public ProvenanceCheck(Request request, LogSink report) {
        this.request = request;
        this.report = report;
    }

    /** The provenance file: as configured, or without a project and without one configured, the one in {@code directory}. */
    public Path locate() throws ProvenanceException {
        if (!request.hasProject() && request.directory() == null) {
            throw new ProvenanceException("There is no project here: give the folder of the files to check with -Dsecure-build.directory=PATH "
                    + "(and the provenance file with -Dsecure-build.provenanceFile=PATH when that folder holds more than one .intoto.jsonl)");
        }
        return request.hasProject() || !isDefault() ? request.base().resolve(request.provenanceFile())
                : onlyEnvelopeIn(request.base().resolve(request.directory()));
    }

    /**
     * Whether provenanceFile is the stand-in project's default, that is: not given. (Maven 3 leaves that project's
     * {@code ${project.basedir}} unresolved in its build directory.)
     */
    private boolean isDefault() {
        Path file = request.provenanceFile();
        return file == null || file.toString().contains("${") || request.defaultFile() == null || file.equals(request.defaultFile());
    }

    /** The one provenance file of a folder of downloaded files. */
    private static Path onlyEnvelopeIn(Path folder) throws ProvenanceException {
        List<Path> envelopes;
        try (Stream<Path> files = Files.list(folder)) {
            envelopes = files.filter(file -> file.getFileName().toString().endsWith(".intoto.jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new ProvenanceException("Cannot list " + folder + " (secure-build.directory): " + e.getMessage(), e);
        }
        if (envelopes.size() == 1) {
            return envelopes.get(0);
        }
        throw new ProvenanceException((envelopes.isEmpty() ? "There is no .intoto.jsonl in " + folder
                : folder + " holds " + envelopes.size() + " provenance files (" + envelopes.stream().map(p -> p.getFileName().toString())
                        .collect(Collectors.joining(", ")) + ")")
                + ": give the one to check with -Dsecure-build.provenanceFile=PATH");
    }

    /**
     * Verifies the provenance file ({@link #locate}).
     *
     * @throws VerificationFailedException when it does not hold, with every problem found
     * @throws ProvenanceException         when it cannot be read, or a failure not recorded
     */
    public <E extends Exception> Passed verify(Path provenance, TrustedKeys trusted, EventLog events, Outputs<E> produced)
            throws VerificationFailedException, ProvenanceException, E {
        String name = provenance.getFileName().toString();
        List<Dsse.Envelope> envelopes;
        try {
            envelopes = Dsse.readLines(provenance);
        } catch (NoSuchFileException e) {
            throw fail(events, provenance, new ProvenanceVerifier.Failure(name, "missing", null, null, "There is no provenance file " + provenance
                    + (request.hasProject() ? ": run the provenance goal first (bind it in the same or an earlier phase)" : " (secure-build.provenanceFile)")));
        } catch (IOException e) {
            throw new ProvenanceException("Cannot read " + provenance + ": " + e.getMessage(), e);
        } catch (Dsse.InvalidEnvelopeException e) {
            throw fail(events, provenance, new ProvenanceVerifier.Failure(name, "envelope", null, null, e.getMessage()));
        }

        Map<String, Path> files = new LinkedHashMap<>();
        Set<String> mustCover = new LinkedHashSet<>();
        if (request.directory() == null) {
            for (ProducedFile file : ProvenanceBuilder.subjects(produced.get())) {
                files.put(file.repositoryName(), file.file());
                mustCover.add(file.repositoryName());
            }
        }
        Path folder = request.directory() == null ? null : request.base().resolve(request.directory());
        ProvenanceVerifier.Result result;
        try {
            result = new ProvenanceVerifier(keys(trusted), subject -> folder == null ? files.get(subject) : inFolder(folder, subject),
                    request.requireCleanSource()).verify(name, envelopes, mustCover);
        } catch (SigningException e) {
            throw new ProvenanceException(e.getMessage(), e);
        }
        for (String subject : result.verifiedSubjects()) {
            report.info("OK   " + Printable.of(subject));
        }
        if (!request.requireCleanSource()) {
            reportSources(result.sources());
        }
        if (!result.passed()) {
            for (ProvenanceVerifier.Failure failure : result.failures()) {
                report.error("BAD  " + failure.message());
                appendEvent(events, provenance, failure);
            }
            StringBuilder message = new StringBuilder("The provenance " + provenance + " failed verification (" + result.failures().size()
                    + (result.failures().size() == 1 ? " problem" : " problems") + "):");
            result.failures().forEach(failure -> message.append("\n  ").append(failure.message()));
            if (result.failures().stream().anyMatch(failure -> failure.check().equals("source"))) {
                message.append("\nA clean source is required by secure-build.requireCleanSource: build from a commit, or set it to false");
            }
            throw new VerificationFailedException(message.toString());
        }
        GoalResult.SourceTree sourceTree = sourceTree(result.sources());
        String signedBy = String.join(", ", result.signedBy());
        return new Passed(provenance, "Provenance verified: signed by " + signedBy + ", " + result.verifiedSubjects().size()
                + " subject(s) match their files; sources " + (sourceTree == GoalResult.SourceTree.CLEAN ? "committed"
                : sourceTree == GoalResult.SourceTree.DIRTY ? "with uncommitted changes" : "committed or not: unknown"), sourceTree,
                "Provenance " + provenance + " verified: signed by " + signedBy + ", " + result.verifiedSubjects().size() + " subject(s) match their files");
    }

    private static ProvenanceVerifier.Keys keys(TrustedKeys trusted) {
        return new ProvenanceVerifier.Keys() {
            @Override
            public MessageKey find(String keyid) throws SigningException {
                return trusted.known().messageKey(keyid).orElse(null);
            }

            @Override
            public boolean trusted(MessageKey key) {
                return trusted.trustedFingerprints().contains(key.primaryFingerprint()) || trusted.trustedFingerprints().contains(key.fingerprint());
            }
        };
    }

    /** A subject's name is a plain file name; anything else (a path) is not looked up. */
    static Path inFolder(Path folder, String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            return null;
        }
        return folder.resolve(name);
    }

    /** A provenance that does not vouch for a commit as the whole source passes, but not silently. */
    private void reportSources(List<ProvenanceVerifier.SourceState> sources) {
        for (ProvenanceVerifier.SourceState source : sources) {
            if (source.tree() == null) {
                report.info(source.where() + ": the provenance does not say whether its sources were committed"
                        + " (-Dsecure-build.requireCleanSource=true refuses such a provenance)");
            } else if (!source.tree().clean()) {
                report.warn(source.where() + ": built from a git working tree with uncommitted changes: " + source.tree().describe()
                        + " (-Dsecure-build.requireCleanSource=true refuses it)");
            }
        }
    }

    /** The least trustworthy state of all statements: dirty, then unknown, then clean. */
    static GoalResult.SourceTree sourceTree(List<ProvenanceVerifier.SourceState> sources) {
        GoalResult.SourceTree worst = sources.isEmpty() ? GoalResult.SourceTree.UNKNOWN : GoalResult.SourceTree.CLEAN;
        for (ProvenanceVerifier.SourceState source : sources) {
            GoalResult.SourceTree state = Provenance.WorkingTree.state(source.tree());
            if (state == GoalResult.SourceTree.DIRTY || (state == GoalResult.SourceTree.UNKNOWN && worst == GoalResult.SourceTree.CLEAN)) {
                worst = state;
            }
        }
        return worst;
    }

    private VerificationFailedException fail(EventLog events, Path provenance, ProvenanceVerifier.Failure failure) throws ProvenanceException {
        report.error("BAD  " + failure.message());
        appendEvent(events, provenance, failure);
        return new VerificationFailedException(failure.message());
    }

    private void appendEvent(EventLog events, Path provenance, ProvenanceVerifier.Failure failure) throws ProvenanceException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("provenance", provenance.getFileName().toString());
        fields.put("file", failure.file());
        fields.put("check", failure.check());
        fields.put("expected", failure.expected());
        fields.put("actual", failure.actual());
        SecurityEvents.append(events, EVENT_TYPE, request.projectId(), fields, failure.message());
    }
}
