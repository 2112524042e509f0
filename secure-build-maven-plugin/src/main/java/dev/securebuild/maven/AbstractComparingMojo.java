package dev.securebuild.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.securebuild.reproducible.ArchiveLimits;

/** The limits every goal that compares archives takes (diff, verify-reproducible, compare): one engine, one set of limits. */
abstract class AbstractComparingMojo extends AbstractMojo {

    /**
     * The most entries one archive may have.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxEntries", defaultValue = "200000")
    private int maxEntries;

    /**
     * The most bytes one comparison may decompress, over all entries and nesting levels (archive bombs stop here).
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxExpandedSize", defaultValue = "17179869184")
    private long maxExpandedSize;

    /**
     * How deep archives inside archives are opened.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxDepth", defaultValue = "5")
    private int maxDepth;

    /**
     * The largest entry held in memory to be opened (a nested archive) or diffed line by line; larger ones are compared
     * by digest.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.maxInMemorySize", defaultValue = "268435456")
    private long maxInMemorySize;

    protected ArchiveLimits limits() throws MojoExecutionException {
        try {
            return new ArchiveLimits(maxEntries, maxExpandedSize, maxDepth, maxInMemorySize);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
