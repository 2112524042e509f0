package dev.securebuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.KeyGenerator;
import dev.securebuild.sign.KeySources;
import dev.securebuild.sign.ThrowawayKeys;

/**
 * Writes a throwaway OpenPGP key pair ({@code secret-key.asc}, {@code public-key.asc}, {@code fingerprint.txt}) for
 * demos, tests and CI smoke tests, and prints its fingerprint. Not for releases: a real key is made and kept with care.
 */
@Mojo(name = "generate-key", requiresProject = false, threadSafe = true)
public class GenerateKeyMojo extends AbstractSecureBuildMojo {

    /**
     * The directory to write the key files to. Default: {@code target/secure-build/throwaway-key} of the project, or of
     * the current folder when there is no project.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.output")
    private File output;

    /**
     * ED25519 or RSA-3072.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.keyType", defaultValue = "ED25519")
    private String keyType;

    /**
     * The key's user ID.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.userId", defaultValue = "secure-build throwaway key <throwaway@secure-build.invalid>")
    private String userId;

    /**
     * The key's creation time (ISO-8601, e.g. 2026-01-01T00:00:00Z); empty means now.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.keyCreated")
    private String keyCreated;

    /**
     * Days until the key expires; 0 means never.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.validDays", defaultValue = "0")
    private int validDays;

    /**
     * Protect the secret key with the passphrase in environment SECURE_BUILD_SIGNING_PASSPHRASE.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.protect", defaultValue = "false")
    private boolean protect;

    /**
     * Replace a key already in {@code output}; by default it is kept, so the goal can run on every build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.overwrite", defaultValue = "false")
    private boolean overwrite;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        Path directory = outputDirectory();
        try {
            if (ThrowawayKeys.exists(directory) && !overwrite) {
                getLog().info("Kept the throwaway key " + ThrowawayKeys.fingerprintOf(directory) + " in " + directory
                        + " (-Dsecure-build.overwrite=true replaces it)");
                return;
            }
            char[] passphrase = null;
            if (protect) {
                String value = System.getenv(KeySources.PASSPHRASE_VARIABLE);
                if (value == null || value.isEmpty()) {
                    throw new MojoExecutionException("protect is set, but environment " + KeySources.PASSPHRASE_VARIABLE + " is empty");
                }
                passphrase = value.toCharArray();
            }
            KeyGenerator.GeneratedKey key = new KeyGenerator().generate(new KeyGenerator.Request(KeyGenerator.KeyType.parse(keyType), userId,
                    created(), validDays > 0 ? Duration.ofDays(validDays) : null, passphrase, true));
            ThrowawayKeys.write(directory, key);
            getLog().info("Generated throwaway " + keyType + " key " + key.fingerprint() + " in " + directory);
            getLog().info("Sign with it: -Dsecure-build.keyFile=" + directory.resolve(ThrowawayKeys.SECRET_KEY_FILE));
        } catch (SigningException | IOException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Without a POM, Maven's stand-in project has no usable build directory: use the current folder's target/. */
    private Path outputDirectory() throws MojoExecutionException {
        if (output != null) {
            return OutputFolders.check(output.toPath(), "secure-build.output", "the key files (secret and public key)");
        }
        boolean realProject = project != null && project.getFile() != null;
        Path base = realProject ? Path.of(project.getBuild().getDirectory()) : Path.of("target").toAbsolutePath();
        return base.resolve("secure-build").resolve("throwaway-key");
    }

    private Instant created() throws MojoExecutionException {
        if (keyCreated == null || keyCreated.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(keyCreated.strip());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("keyCreated '" + keyCreated + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z", e);
        }
    }
}
