package dev.securebuild.reproducible;

import dev.securebuild.shared.io.Glob;

/**
 * An output that may differ, and why: an SBOM that records its creation time is the usual case. The reason is
 * required, so that every exception in a reproducibility check says what it is for.
 *
 * @param pattern a glob on the output's name ({@code *.cdx.json}, {@code *-sbom.*})
 */
public record Ignore(String pattern, String reason) {

    public Ignore {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("an ignore needs a <pattern> (a glob on the output's name, such as *.cdx.json)");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("the ignore of '" + pattern + "' needs a <reason>: say why this output may differ");
        }
        try {
            Glob.compile(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the ignore's <pattern> " + pattern + " is not a glob: " + e.getMessage(), e);
        }
    }

    /** Whether the output's path, or its name, matches the glob ({@link Glob}). */
    public boolean matches(String name) {
        Glob glob = Glob.compile(pattern);
        return glob.matches(name) || glob.matchesName(name);
    }
}
