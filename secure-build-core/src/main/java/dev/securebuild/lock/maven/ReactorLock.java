package dev.securebuild.lock.maven;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.project.MavenProject;
import org.eclipse.aether.repository.RemoteRepository;

import dev.securebuild.allowlist.maven.BuildInputException;
import dev.securebuild.lock.LockFile;
import dev.securebuild.lock.LockKey;
import dev.securebuild.lock.LockedArtifact;
import dev.securebuild.lock.ModuleLock;
import dev.securebuild.lock.RemoteChecksum;
import dev.securebuild.lock.ResolvedFile;

/**
 * The lock of a whole reactor: each module collected ({@link LockCollector}), each artifact's digests once, and, when
 * asked, each file compared with the checksum its repository publishes ({@link RemoteChecksums}).
 */
public final class ReactorLock {

    private final LockFile lock;
    private final List<String> warnings;

    private ReactorLock(LockFile lock, List<String> warnings) {
        this.lock = lock;
        this.warnings = warnings;
    }

    public LockFile lock() {
        return lock;
    }

    /** What the one who locks is to be told (artifacts that could not be compared with their repository, and why). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * @param remote compares the files with their repositories' checksums; null not to
     * @throws RemoteChecksumMismatchException when a file is not what its repository publishes: nothing is to be locked
     */
    public static ReactorLock of(LockCollector collector, List<MavenProject> modules, RemoteChecksums remote)
            throws BuildInputException, RemoteChecksumMismatchException {
        Map<LockKey, ResolvedFile> files = new LinkedHashMap<>();
        Map<LockKey, List<RemoteRepository>> repositories = new LinkedHashMap<>();
        List<ModuleLock> locked = new ArrayList<>();
        for (MavenProject module : modules) {
            LockCollector.Collected collected = collector.collect(module);
            locked.add(collected.module());
            collected.files().forEach(files::putIfAbsent);
            collected.repositories().forEach(repositories::putIfAbsent);
        }
        List<LockedArtifact> artifacts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (remote == null) {
            files.values().forEach(file -> artifacts.add(file.locked()));
        } else {
            RemoteChecksums.Outcome outcome;
            try {
                outcome = remote.compare(files, repositories);
            } catch (IOException e) {
                throw new BuildInputException("cannot compare the files with their repositories' checksums: " + e.getMessage(), e);
            }
            if (!outcome.mismatches().isEmpty()) {
                throw new RemoteChecksumMismatchException(outcome.mismatches());
            }
            for (ResolvedFile file : files.values()) {
                RemoteChecksum found = outcome.found().get(file.key());
                artifacts.add(found == null ? file.locked() : file.locked().withRemoteChecksum(found));
            }
            warnings.addAll(outcome.warnings());
        }
        return new ReactorLock(new LockFile(artifacts, locked), List.copyOf(warnings));
    }
}
