package dev.securebuild.reproducible;

/**
 * The JDK and operating system this build runs on, as the reports and the notes about a reference's build name them.
 *
 * @param javaSpecificationVersion the JDK's major version ("17")
 */
public record BuildPlatform(String javaVersion, String javaVendor, String javaSpecificationVersion, String osName,
                            String lineSeparator) {

    public static BuildPlatform current() {
        return new BuildPlatform(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.specification.version"), System.getProperty("os.name"), System.lineSeparator());
    }
}
