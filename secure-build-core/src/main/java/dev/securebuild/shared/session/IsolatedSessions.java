package dev.securebuild.shared.session;

import java.nio.file.Path;

import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.LocalRepository;

/**
 * A resolver session that must fetch from the remote repositories: the build's session (its mirrors, proxies,
 * authentication, offline mode) with a local repository of its own and no reactor, so that nothing comes from this
 * build's outputs or from what is already in {@code ~/.m2}.
 */
public final class IsolatedSessions {

    private IsolatedSessions() {}

    /** @param localRepository an empty folder, or one only sessions made here have filled */
    public static DefaultRepositorySystemSession remoteOnly(RepositorySystem system, RepositorySystemSession build, Path localRepository) {
        DefaultRepositorySystemSession isolated = new DefaultRepositorySystemSession(build);
        isolated.setWorkspaceReader(null);
        isolated.setLocalRepositoryManager(system.newLocalRepositoryManager(isolated, new LocalRepository(localRepository.toFile())));
        return isolated;
    }
}
