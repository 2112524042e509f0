package dev.securebuild.shared.outputs;

import java.nio.file.Path;

/**
 * Maven 4's consumer POM, as plain values. Maven 4 attaches to every project with a POM file an artifact of extension
 * {@code pom} and classifier {@code consumer}: the POM made for the project's users (no build section, versions
 * resolved), written on first use to a temporary {@code target/consumer-<number>.pom} that Maven deletes when it exits.
 * When it installs or deploys, Maven swaps the names: the consumer POM goes to the repository as the project's POM
 * ({@code demo-1.0.pom}) and the POM file as classifier {@code build} ({@code demo-1.0-build.pom}), each with the
 * signatures and checksums attached beside it ({@code pom.asc}, {@code pom.sha256}, ...). Maven 3 makes none.
 */
public final class ConsumerPom {

    /** The classifier Maven 4 attaches the consumer POM with, in the project. */
    public static final String CLASSIFIER = "consumer";

    /** The classifier Maven 4 installs and deploys the POM file with, when it deploys a consumer POM. */
    public static final String BUILD_CLASSIFIER = "build";

    /** Where Maven 4 keeps a copy of each project's outputs once the project is packaged: under the root's build folder. */
    public static final String PROJECT_LOCAL_REPOSITORY = "project-local-repo";

    private ConsumerPom() {}

    /**
     * The classifier a project's file is installed and deployed with.
     *
     * @param classifier the classifier it is attached with in the project; null or empty for the POM and the main artifact
     * @param extension  its extension ({@code pom}, {@code pom.asc}, {@code jar})
     * @param swapped    whether Maven swaps the POMs: Maven 4, and the project has a consumer POM attached
     * @return null for none
     */
    public static String deployedClassifier(String classifier, String extension, boolean swapped) {
        String attached = classifier == null || classifier.isEmpty() ? null : classifier;
        if (!swapped || !("pom".equals(extension) || extension.startsWith("pom."))) {
            return attached;
        }
        if (attached == null) {
            return BUILD_CLASSIFIER;
        }
        return CLASSIFIER.equals(attached) ? null : attached;
    }

    /** Whether an attached artifact is Maven 4's consumer POM. */
    public static boolean isConsumerPom(String classifier, String extension) {
        return CLASSIFIER.equals(classifier) && "pom".equals(extension);
    }

    /**
     * The name a file has in a repository ({@code demo-1.0-sources.jar}).
     *
     * @param classifier as {@link #deployedClassifier} gives it; null for none
     */
    public static String repositoryName(String artifactId, String baseVersion, String classifier, String extension) {
        return artifactId + "-" + baseVersion + (classifier == null || classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
    }

    /**
     * Where Maven 4 leaves a copy of a project's consumer POM once the project is packaged: the project local repository
     * of the build's root, {@code <build folder>/project-local-repo/<groupId>/<artifactId>/<version>/<artifactId>-<version>-consumer.pom}.
     * The temporary file is gone when Maven exits; this copy stays, so it is where a rebuild's consumer POM is read.
     *
     * @param buildFolder the build folder of the project at the root of the build (the folder with {@code .mvn/}), or
     *                    {@code target/} of the root when the root is not a project of the build
     */
    public static Path inProjectLocalRepository(Path buildFolder, String groupId, String artifactId, String version) {
        return buildFolder.resolve(PROJECT_LOCAL_REPOSITORY).resolve(groupId).resolve(artifactId).resolve(version)
                .resolve(repositoryName(artifactId, version, CLASSIFIER, "pom"));
    }
}
