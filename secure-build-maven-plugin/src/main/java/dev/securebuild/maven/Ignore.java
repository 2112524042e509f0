package dev.securebuild.maven;

/**
 * One {@code <ignore>} of verify-reproducible: {@code <pattern>} (a glob on the output's name) and {@code <reason>},
 * both required. Maven fills the fields from the POM.
 */
public class Ignore {

    private String pattern;
    private String reason;

    public Ignore() {}

    public Ignore(String pattern, String reason) {
        this.pattern = pattern;
        this.reason = reason;
    }

    dev.securebuild.reproducible.Ignore toRule() {
        return new dev.securebuild.reproducible.Ignore(pattern, reason);
    }

    /** The {@code <ignores>} as the comparison's rules; none when not set. A pattern or reason missing is a broken setup. */
    static java.util.List<dev.securebuild.reproducible.Ignore> toRules(java.util.List<Ignore> ignores)
            throws org.apache.maven.plugin.MojoExecutionException {
        try {
            return ignores == null ? java.util.List.of() : ignores.stream().map(Ignore::toRule).toList();
        } catch (IllegalArgumentException e) {
            throw new org.apache.maven.plugin.MojoExecutionException("verify-reproducible <ignores>: " + e.getMessage(), e);
        }
    }
}
