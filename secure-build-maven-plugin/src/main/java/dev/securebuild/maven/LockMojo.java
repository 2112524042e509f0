package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.allowlist.maven.BuildInputException;
import dev.securebuild.lock.LockFile;
import dev.securebuild.lock.LockFiles;
import dev.securebuild.lock.maven.LockCollector;
import dev.securebuild.lock.maven.LockLocation;
import dev.securebuild.lock.maven.ReactorLock;

/**
 * Writes the reactor's lock, {@code secure-build.lock.json} at the top of the reactor: every artifact each module
 * resolves (dependencies of every scope, build plugins and their dependencies, extensions, parents from repositories,
 * imported BOMs) with the SHA-256 and SHA-512 of its file and the repository it came from, for the Enforcer rule
 * {@code requireLockedDependencies} to hold the build to (docs/goals/lock.md). Run by hand or by a bot, then review
 * the change of the file like any other. Runs once for the reactor; no phase.
 */
@Mojo(name = "lock", aggregator = true, threadSafe = true)
public class LockMojo extends AbstractSecureBuildMojo {

    /**
     * The lock file; relative to the top of the reactor. Default: {@code secure-build.lock.json} there.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.lockFile")
    private String lockFile;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        Path file = LockLocation.of(session, lockFile);
        LockFile lock;
        try {
            lock = ReactorLock.of(new LockCollector(repositorySystem, session), session.getProjects());
            LockFiles.write(lock, file);
        } catch (BuildInputException e) {
            throw new MojoExecutionException("lock: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("lock: cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("Locked " + lock.artifacts().size() + " artifact(s) of " + lock.modules().size() + " module(s) in " + file
                + ": review its changes, then commit it");
    }
}
