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
}
