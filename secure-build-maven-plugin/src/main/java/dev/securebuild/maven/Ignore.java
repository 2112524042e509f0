package dev.securebuild.maven;

import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;

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
    static List<dev.securebuild.reproducible.Ignore> toRules(List<Ignore> ignores) throws MojoExecutionException {
        try {
            return ignores == null ? List.of() : ignores.stream().map(Ignore::toRule).toList();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("verify-reproducible <ignores>: " + e.getMessage(), e);
        }
    }
}
