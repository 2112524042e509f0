package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.sign.ArtifactVerifier;
import dev.securebuild.shared.signer.pgp.TrustedKeys;
import dev.securebuild.sign.VerificationTarget;
import dev.securebuild.sign.VerificationTargets;

/**
 * Verifies signatures and checksums before anything is released: the project's artifacts (after {@code sign}), or
 * every file of a directory, usable without a project. One line per file: OK, BAD, MISSING or UNTRUSTED KEY.
 */
@Mojo(name = "verify-signatures", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class VerifySignaturesMojo extends AbstractVerifyingMojo {

    /**
     * Verify every file under this directory instead of the project's artifacts: {@code FILE.asc}, {@code FILE.sha256}
     * and the like next to each, and {@code SHA256SUMS}-style summaries in its folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.directory")
    private File directory;

    /**
     * With {@code directory}: glob patterns, relative to it, of files not to verify (e.g. {@code **}{@code /*.md}).
     * Repository bookkeeping ({@code _remote.repositories}, {@code maven-metadata*.xml}, ...) is always left out.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.excludes")
    private List<String> excludes;

    /**
     * A file without any checksum file is BAD.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.requireChecksums", defaultValue = "false")
    private boolean requireChecksums;

    /**
     * Where {@code sign} wrote the project's signatures and sidecars.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.outputDirectory", defaultValue = "${project.build.directory}/secure-build/sign")
    private File outputDirectory;

    /**
     * How many files are read at once; 0 means one per processor.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.threads", defaultValue = "0")
    private int threads;

    @Inject
    public VerifySignaturesMojo(MavenSigningKeys signingKeys) {
        super(signingKeys);
    }

    @Override
    protected void verify() throws MojoExecutionException, MojoFailureException {
        // Without a POM, Maven's stand-in project has the current folder as its base directory.
        Path base = project != null && project.getBasedir() != null ? project.getBasedir().toPath() : Path.of("").toAbsolutePath();
        List<VerificationTarget> targets;
        try {
            if (directory != null) {
                targets = VerificationTargets.inDirectory(base.resolve(directory.toPath()), excludes == null ? List.of() : excludes);
            } else if (project != null && project.getFile() != null) {
                targets = VerificationTargets.forProducedFiles(ProducedFiles.of(project), outputDirectory.toPath());
            } else {
                throw new MojoExecutionException("There is no project here: give the directory to verify with -Dsecure-build.directory=PATH");
            }
        } catch (IOException e) {
            throw new MojoExecutionException(Printable.of(e.getMessage()), e);
        }
        TrustedKeys trusted = trustedKeys(base);

        List<ArtifactVerifier.Line> lines = new ArtifactVerifier(trusted.known(), trusted.trustedFingerprints(), requireChecksums,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors()).verify(targets);
        Map<ArtifactVerifier.Status, Integer> counts = new TreeMap<>();
        for (ArtifactVerifier.Line line : lines) {
            counts.merge(line.status(), 1, Integer::sum);
            // The names come from the folder verified: escaped, so that none can make a log line of its own.
            if (line.status() == ArtifactVerifier.Status.OK) {
                getLog().info(Printable.of(line.toString()));
            } else {
                getLog().error(Printable.of(line.toString()));
            }
        }
        if (lines.isEmpty()) {
            GoalResultFiles.fail(session, project, "verify-signatures", "verify-signatures", "Nothing to verify", null, getLog());
            throw new MojoFailureException("Nothing to verify" + (directory != null ? " in " + Printable.of(directory.toString()) : ""));
        }
        int failed = lines.size() - counts.getOrDefault(ArtifactVerifier.Status.OK, 0);
        if (failed > 0) {
            EventLog events = openEventLog();
            for (ArtifactVerifier.Line line : lines) {
                if (line.status() != ArtifactVerifier.Status.OK) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("file", line.name());
                    fields.put("status", line.status().label());
                    SecurityEventLogs.append(events, project, "artifact.verification-failed", fields, line.detail(), getLog());
                }
            }
            StringBuilder message = new StringBuilder(failed + " of " + lines.size() + " files failed verification:");
            lines.stream().filter(l -> l.status() != ArtifactVerifier.Status.OK).forEach(l -> message.append("\n  ").append(Printable.of(l.toString())));
            GoalResultFiles.fail(session, project, "verify-signatures", "verify-signatures", failed + " of " + lines.size() + " files failed verification", null, getLog());
            throw new MojoFailureException(message.toString());
        }
        String verified = (lines.size() == 1 ? "The file verified" : "All " + lines.size() + " files verified")
                + ": signatures by trusted keys, checksums match";
        GoalResultFiles.pass(session, project, "verify-signatures", "verify-signatures", verified, null, getLog());
        getLog().info(verified);
    }
}
