package dev.securebuild.reproducible;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.securebuild.shared.io.Links;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.settings.InvalidSettingException;

/**
 * Works out compare's reference from its settings: a folder of files ({@code referenceDirectory}), a reference
 * {@code .buildinfo} ({@code referenceBuildinfo}), else the same coordinates in a remote repository.
 */
public final class ReferenceResolver {

    /**
     * @param directory  a folder holding the reference files under their repository names, or null
     * @param buildinfo  a reference .buildinfo, or null
     * @param repository the id of the repository to take the reference from when neither is set
     * @param offline    true when Maven runs offline: no repository can be asked
     */
    public record Settings(Path directory, Path buildinfo, String repository, boolean offline) {}

    private ReferenceResolver() {}

    /** @param work the folder of compare's reports: a repository reference is downloaded below it */
    public static Reference resolve(Settings settings, Path work, RemoteReferences remote, BuildPlatform platform)
            throws InvalidSettingException, IOException {
        if (settings.directory() != null && settings.buildinfo() != null) {
            throw InvalidSettingException.about(Setting.REFERENCE_BUILDINFO, "Set referenceDirectory or referenceBuildinfo, not both", null);
        }
        if (settings.directory() != null) {
            return folder(settings.directory().toAbsolutePath().normalize());
        }
        if (settings.buildinfo() != null) {
            return buildinfo(settings.buildinfo().toAbsolutePath(), platform);
        }
        return repository(settings, remote, work.resolve("reference-repository"));
    }

    private static Reference folder(Path folder) throws InvalidSettingException {
        if (Links.isLink(folder)) {
            throw InvalidSettingException.about(Setting.REFERENCE_DIRECTORY, "referenceDirectory " + Printable.of(folder.toString()) + " is a symbolic link: compare "
                    + "does not follow links out of its inputs; set -Dsecure-build.referenceDirectory to the folder itself", null);
        }
        if (!Links.isFolder(folder)) {
            throw InvalidSettingException.about(Setting.REFERENCE_DIRECTORY, "referenceDirectory " + Printable.of(folder.toString()) + " is not a folder: set "
                    + "-Dsecure-build.referenceDirectory to the folder that holds the reference files", null);
        }
        return new Reference() {
            public String describe() {
                return "the folder " + folder;
            }

            public Path file(ReactorModule module, ReactorModule.Output output) {
                return folder.resolve(output.name());
            }
        };
    }

    private static Reference repository(Settings settings, RemoteReferences remote, Path cache) throws InvalidSettingException {
        if (settings.offline()) {
            throw InvalidSettingException.about(Setting.REFERENCE_REPOSITORY, "compare takes the reference from repository '" + settings.repository()
                    + "', and Maven runs offline (-o): run online, or set referenceDirectory or referenceBuildinfo", null);
        }
        return new Reference() {
            public String describe() {
                return "repository " + settings.repository();
            }

            public Path file(ReactorModule module, ReactorModule.Output output) throws InvalidSettingException {
                return remote.fetch(module, output, settings.repository(), cache);
            }
        };
    }

    private static Reference buildinfo(Path file, BuildPlatform platform) throws IOException {
        Properties info = BuildInfo.read(file);
        List<String> notes = new ArrayList<>();
        String javaVersion = info.getProperty("java.version");
        if (javaVersion != null && !javaVersion.equals(platform.javaVersion())) {
            notes.add("the reference .buildinfo was made with Java " + javaVersion + " (" + info.getProperty("java.vendor", "vendor unknown")
                    + "), this build runs " + platform.javaVersion() + " (" + platform.javaVendor() + ")");
        }
        String os = info.getProperty("os.name");
        if (os != null && !os.equals(platform.osName())) {
            notes.add("the reference .buildinfo was made on " + os + ", this build runs on " + platform.osName());
        }
        return new Reference() {
            public String describe() {
                return "the .buildinfo " + file;
            }

            public Path file(ReactorModule module, ReactorModule.Output output) {
                return null;
            }

            public ArtifactComparison compare(DiffEngine engine, ReactorModule.Output output, Path referenceFile) throws IOException {
                return BuildInfoReference.compare(info, output.name(), output.file());
            }

            public List<String> notes() {
                return notes;
            }
        };
    }
}
