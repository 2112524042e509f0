package dev.securebuild.reproducible;

import java.nio.file.Path;
import dev.securebuild.shared.settings.InvalidSettingException;

/** Downloads an output's reference from a remote repository: Maven's resolver in a build, a stand-in in a test. */
public interface RemoteReferences {

    /**
     * @param repositoryId the repository of the module to take it from
     * @param cache        a local repository of its own, so that nothing this build or an earlier install made is taken
     * @return the downloaded file, or null when the repository does not have it
     * @throws InvalidSettingException when the module has no repository of that id
     */
    Path fetch(ReactorModule module, ReactorModule.Output output, String repositoryId, Path cache) throws InvalidSettingException;
}
