package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.securebuild.allowlist.InvalidAllowListException;
import dev.securebuild.allowlist.maven.BuildInputException;
import dev.securebuild.allowlist.report.AllowlistReportOutcome;
import dev.securebuild.allowlist.report.AllowlistReportRun;
import dev.securebuild.shared.settings.InvalidSettingException;

/**
 * Decides every component of the whole reactor against the allow-lists, as the {@code approvedDependencies} rule
 * does, and writes the decisions as JSON and a short table in the log; lints the lists (entries unused, shadowed,
 * expired or expiring, too broad). Runs once for the reactor. Without lists of its own it takes those of the
 * {@code approvedDependencies} rule configured for maven-enforcer-plugin in the top-level POM.
 */
@Mojo(name = "allowlist-report", aggregator = true, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class AllowlistReportMojo extends AbstractSecureBuildMojo {

    static final String JSON_FILE = "allowlist-report.json";

    /**
     * The allow-lists, in layer order: paths (relative to the top of the reactor), file: or https: URLs, or
     * groupId:artifactId:version[:extension] (docs/locations.md). None: those of the approvedDependencies rule in the
     * top-level POM.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlists")
    private List<String> lists;

    /**
     * Also decide build plugins, their dependencies and build extensions. Default: as the rule says, else true.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlist.includePlugins")
    private Boolean includePlugins;

    /**
     * Also decide the versions that lost Maven's mediation. Default: as the rule says, else false.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlist.includeLosers")
    private Boolean includeLosers;

    /**
     * Read each component's licenses from its POM. Default: as the rule says, else true.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlist.readLicenses")
    private Boolean readLicenses;

    /**
     * Also decide the parent POM chain. Default: as the rule says, else true.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlist.includeParents")
    private Boolean includeParents;

    /**
     * Also decide the BOMs the dependency management imports. Default: as the rule says, else false.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlist.includeImportedBoms")
    private Boolean includeImportedBoms;

    /**
     * With includePlugins, also the transitive dependencies of each plugin. Default: as the rule says, else false.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlist.transitivePluginDependencies")
    private Boolean transitivePluginDependencies;

    /**
     * What fails the build, comma-separated: decision statuses {@code denied}, {@code expired}, {@code expiring},
     * {@code unlisted}, and lint kinds {@code unused}, {@code shadowed}, {@code expired}, {@code expiring},
     * {@code too-broad}. Empty: the goal reports and never fails on what it finds.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlist.failOn", defaultValue = "")
    private String failOn;

    /**
     * Where allowlist-report.json is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlist.outputDirectory", defaultValue = "${project.build.directory}/secure-build/allowlist")
    private String outputDirectory;

    /**
     * The most components listed in the log's table (failing ones first); the JSON has them all.
     *
     * @since 0.1.0
     */
    @Parameter(property = "secure-build.allowlist.maxLogRows", defaultValue = "50")
    private int maxLogRows;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        Path json = project.getBasedir().toPath().resolve(outputDirectory).resolve(JSON_FILE);
        AllowlistReportOutcome outcome;
        try {
            AllowlistReportRun run = AllowlistReportRun.settle(new AllowlistReportRun.Request(lists, includePlugins, includeLosers, readLicenses,
                    includeParents, includeImportedBoms, transitivePluginDependencies, failOn, top.getFile()), ApprovedDependenciesConfiguration.of(top));
            run.ruleNote().ifPresent(getLog()::info);
            outcome = run.run(ReactorComponents.sources(repositorySystem, session, top)::load,
                    ReactorComponents.modules(repositorySystem, session, getLog()), LocalDate.now(), json, secrets());
        } catch (InvalidSettingException e) {
            throw SettingNames.failure(e);
        } catch (InvalidAllowListException | IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (BuildInputException e) {
            throw new MojoExecutionException("allowlist-report: " + e.getMessage(), e);
        }
        LogLines.print(outcome.logLines(maxLogRows), getLog());
        if (outcome.failure().isPresent()) {
            throw new MojoFailureException(outcome.failure().get());
        }
    }
}
