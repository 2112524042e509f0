package dev.securebuild.lock.maven;

import java.nio.file.Path;

import org.apache.maven.execution.MavenSession;

import dev.securebuild.lock.LockFile;
import dev.securebuild.shared.location.LocationBase;

/**
 * Where the reactor's lock is: {@value LockFile#FILE} at the top of the reactor ({@link LocationBase#reactorTop}, the
 * same folder for every module, so that the goal that writes it and the rule that reads it in each module agree), or
 * the configured path, relative to that folder.
 */
public final class LockLocation {

    private LockLocation() {}

    public static Path of(MavenSession session, String configured) {
        LocationBase top = LocationBase.reactorTop(session);
        return configured == null || configured.isBlank() ? top.folder().resolve(LockFile.FILE) : top.resolve(configured.strip());
    }
}
