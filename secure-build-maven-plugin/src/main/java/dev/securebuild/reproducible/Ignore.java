package dev.securebuild.reproducible;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

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
    }

    public boolean matches(String name) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.strip());
        return matcher.matches(Path.of(name)) || matcher.matches(Path.of(name).getFileName());
    }
}
