package dev.securebuild.maven;

import javax.inject.Inject;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProjectHelper;

import dev.securebuild.shared.signer.Signer;

/** Writes checksum sidecars (and optionally summaries) for every file the project installs and deploys, without a key. */
@Mojo(name = "checksums", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ChecksumsMojo extends AbstractHashingMojo {

    @Inject
    public ChecksumsMojo(MavenProjectHelper projectHelper) {
        super(projectHelper);
    }

    @Override
    protected Signer signer() {
        return null;
    }
}
