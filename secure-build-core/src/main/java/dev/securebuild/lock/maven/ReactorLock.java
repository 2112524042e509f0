package dev.securebuild.lock.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.project.MavenProject;

import dev.securebuild.allowlist.maven.BuildInputException;
import dev.securebuild.lock.LockFile;
import dev.securebuild.lock.LockKey;
import dev.securebuild.lock.LockedArtifact;
import dev.securebuild.lock.ModuleLock;
import dev.securebuild.lock.ResolvedFile;

/** The lock of a whole reactor: each module collected ({@link LockCollector}), each artifact's digests once. */
public final class ReactorLock {

    private ReactorLock() {}

    public static LockFile of(LockCollector collector, List<MavenProject> modules) throws BuildInputException {
        Map<LockKey, LockedArtifact> artifacts = new LinkedHashMap<>();
        List<ModuleLock> locked = new ArrayList<>();
        for (MavenProject module : modules) {
            LockCollector.Collected collected = collector.collect(module);
            locked.add(collected.module());
            for (ResolvedFile file : collected.files().values()) {
                artifacts.putIfAbsent(file.digests().key(), file.digests());
            }
        }
        return new LockFile(artifacts.values(), locked);
    }
}
