package dev.securebuild.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.reproducible.RebuildInvocation;
import dev.securebuild.reproducible.Variations;

/** How verify-reproducible rebuilds: the goals, what it takes over from this build, and how its environment differs. */
abstract class AbstractRebuildingMojo extends AbstractComparingMojo {

    /**
     * The goals of the rebuild. It never installs: keep it to phases up to {@code package}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.rebuildGoals", defaultValue = "package")
    private List<String> rebuildGoals;

    /**
     * More Maven options for the rebuild, after all the others, so they win (such as {@code -DskipTests=false}). The
     * rebuild already gets {@code -B}, {@code -o} when this build is offline, this build's local repository, settings
     * files, active profiles and thread count, and its user properties ({@code -D}) in a file only the owner reads.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.rebuildArguments")
    private List<String> rebuildArguments;

    /**
     * Run the tests in the rebuild. When false the rebuild gets {@code -DskipTests}: the tests are compiled but not
     * run (they do not change what is packaged). When true, this build's own {@code -DskipTests}, if given, still applies.
     *
     * @since 0.2.0
     */
    @Parameter(property = "secure-build.rebuildRunsTests", defaultValue = "false")
    private boolean rebuildRunsTests;

    /**
     * Rebuild offline even when this build is online. When false the rebuild is offline only when this build is
     * ({@code -o}); online, it may fetch what it lacks from this build's repositories.
     *
     * @since 0.2.0
     */
    @Parameter(property = "secure-build.rebuildOffline", defaultValue = "false")
    private boolean rebuildOffline;

    /**
     * How long the rebuild may take.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.rebuildTimeoutMinutes", defaultValue = "60")
    private int rebuildTimeoutMinutes;

    /**
     * Rebuild in another time zone ({@code TZ} and {@code -Duser.timezone}): Pacific/Kiritimati (UTC+14), or
     * Pacific/Honolulu when this build's zone is UTC+4 or east of it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.varyTimeZone", defaultValue = "true")
    private boolean varyTimeZone;

    /**
     * Rebuild with another locale ({@code LANG}, {@code LC_ALL}, {@code -Duser.language}, {@code -Duser.country}):
     * tr_TR, whose dotless i breaks case changes that ignore the locale, or de_DE when this build is Turkish.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.varyLocale", defaultValue = "true")
    private boolean varyLocale;

    /**
     * Rebuild with another umask: 0022 when this build's is 0002, else 0002, so that an archive which copies the
     * modes of the files on disk shows it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.varyUmask", defaultValue = "true")
    private boolean varyUmask;

    /**
     * Rebuild with another {@code user.name} ({@code secure-build-rebuild}), which archivers may record as the
     * author or owner.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.varyUserName", defaultValue = "true")
    private boolean varyUserName;

    /**
     * Remove {@code SOURCE_DATE_EPOCH} from the rebuild's environment, so that outputs that only a set
     * {@code SOURCE_DATE_EPOCH} makes stable show up as differences.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.unsetSourceDateEpoch", defaultValue = "true")
    private boolean unsetSourceDateEpoch;

    protected Variations variations() {
        return new Variations(varyTimeZone, varyLocale, varyUmask, varyUserName, unsetSourceDateEpoch);
    }

    /** The rebuild of {@code top}'s reactor, as this build ran. */
    protected RebuildInvocation invocation(MavenProject top) {
        return RebuildInvocations.of(session, top, rebuildGoals, rebuildArguments, rebuildTimeoutMinutes, variations())
                .runTests(rebuildRunsTests)
                .offline(session.isOffline() || rebuildOffline);
    }
}
