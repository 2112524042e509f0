package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.allowlist.maven.BuildInputException;
import dev.securebuild.lock.LockFiles;
import dev.securebuild.lock.maven.LockCollector;
import dev.securebuild.lock.maven.LockLocation;
import dev.securebuild.lock.maven.ReactorLock;
import dev.securebuild.lock.maven.RemoteChecksumMismatchException;
import dev.securebuild.lock.maven.RemoteChecksums;
import dev.securebuild.shared.events.EventLog;

/**
 * Writes the reactor's lock, {@code secure-build.lock.json} at the top of the reactor: every artifact each module
 * resolves (dependencies of every scope, build plugins and their dependencies, extensions, parents from repositories,
 * imported BOMs) with the SHA-256 and SHA-512 of its file and the repository it came from, for the Enforcer rule
 * {@code requireLockedDependencies} to hold the build to (docs/goals/lock.md). Each file is first compared with the
 * checksum its repository publishes, so that a local repository poisoned before locking is not locked. Run by hand or
 * by a bot, then review the change of the file like any other. Runs once for the reactor; no phase.
 */
@Mojo(name = "lock", aggregator = true, threadSafe = true)
public class LockMojo extends AbstractEventLoggingMojo {

    /**
     * The lock file; relative to the top of the reactor. Default: {@code secure-build.lock.json} there.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.lockFile")
    private String lockFile;

    /**
     * Compare each file with the checksum its remote repository publishes ({@code .sha256}, else {@code .sha512}, else
     * {@code .sha1} with a warning) before locking it; a file that differs fails the goal and nothing is written. What
     * was found is recorded per artifact ({@code remoteChecksum}); an artifact whose repository cannot be reached (or
     * {@code -o}) is locked with a warning as {@code "unreachable"}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.lock.verifyRemoteChecksums", defaultValue = "true")
    private boolean verifyRemoteChecksums;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        Path file = LockLocation.of(session, lockFile);
        RemoteChecksums remote = verifyRemoteChecksums ? new RemoteChecksums(repositorySystem, session.getRepositorySession(),
                Path.of(session.getTopLevelProject().getBuild().getDirectory(), "secure-build")) : null;
        ReactorLock locked;
        try {
            locked = ReactorLock.of(LockCollector.forLocking(repositorySystem, session), session.getProjects(), remote);
            LockFiles.write(locked.lock(), file);
        } catch (BuildInputException e) {
            throw new MojoExecutionException("lock: " + e.getMessage(), e);
        } catch (RemoteChecksumMismatchException e) {
            recordMismatch(e, file);
            throw new MojoFailureException("lock: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("lock: cannot write " + file + ": " + e.getMessage(), e);
        }
        locked.warnings().forEach(getLog()::warn);
        getLog().info("Locked " + locked.lock().artifacts().size() + " artifact(s) of " + locked.lock().modules().size() + " module(s) in "
                + file + (remote == null ? " (not compared with their repositories)" : "") + ": review its changes, then commit it");
    }

    private void recordMismatch(RemoteChecksumMismatchException e, Path file) throws MojoExecutionException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("violations", e.mismatches().size());
        fields.put("lock", file.toString());
        fields.put("kinds", "REMOTE_CHECKSUM_MISMATCH");
        fields.put("failsBuild", true);
        EventLog events = openEventLog();
        try {
            events.append("lock.failed", project.getGroupId() + ":" + project.getArtifactId(), fields, e.mismatches().size() + " file(s) in the local repository are not what their"
                    + " repository publishes; the lock was not written");
        } catch (IOException failure) {
            throw new MojoExecutionException("lock: cannot record the event in " + eventLogFile() + ": " + failure.getMessage(), failure);
        }
    }
}
