package dev.securebuild.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.AllowListReport;
import dev.securebuild.allowlist.LintFinding;
import dev.securebuild.allowlist.ReportFailOn;
import dev.securebuild.allowlist.maven.AllowListSources;
import dev.securebuild.allowlist.maven.ProjectComponents;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.allowlist.InvalidAllowListException;
import dev.securebuild.allowlist.maven.BuildInputException;

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
     * The allow-lists, in layer order: paths (relative to the top-level project), file: or https: URLs, or
     * groupId:artifactId:version[:extension]. None: those of the approvedDependencies rule in the top-level POM.
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

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    private final RepositorySystem repositorySystem;

    @Inject
    public AllowlistReportMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: secure-build.skip is set");
            return;
        }
        ReportFailOn failures;
        try {
            failures = ReportFailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        Optional<ApprovedDependenciesConfiguration> rule = ApprovedDependenciesConfiguration.of(top);
        List<String> configured = lists == null ? List.of() : lists.stream().filter(list -> list != null && !list.isBlank()).toList();
        if (configured.isEmpty() && rule.isPresent()) {
            configured = rule.get().lists();
            getLog().info("Allow-lists and options of the approvedDependencies rule in " + rule.get().where());
        }
        if (configured.isEmpty()) {
            throw new MojoExecutionException("allowlist-report: no allow-lists: give them with -Dsecure-build.allowlists=a.yaml,b.yaml or the"
                    + " <lists> parameter, or configure the approvedDependencies rule with <lists> for maven-enforcer-plugin in the top-level POM "
                    + top.getFile() + (rule.isPresent() ? " (the rule in " + rule.get().where() + " has no <lists>)" : ""));
        }
        ProjectComponents.Options options = new ProjectComponents.Options()
                .includePlugins(choose(includePlugins, rule, "includePlugins", true))
                .includeLosers(choose(includeLosers, rule, "includeLosers", false))
                .readLicenses(choose(readLicenses, rule, "readLicenses", true))
                .includeParents(choose(includeParents, rule, "includeParents", true))
                .includeImportedBoms(choose(includeImportedBoms, rule, "includeImportedBoms", false))
                .transitivePluginDependencies(choose(transitivePluginDependencies, rule, "transitivePluginDependencies", false));
        AllowListReport report = decide(top, configured, options);
        Path output = project.getBasedir().toPath().resolve(outputDirectory).resolve(JSON_FILE);
        try {
            AtomicFiles.write(output, secrets().redacting(report::writeJson));
        } catch (IOException e) {
            throw new MojoExecutionException("allowlist-report could not write " + output + ": " + e.getMessage(), e);
        }
        log(report, output);
        List<String> reasons = failures.reasons(report);
        if (!reasons.isEmpty()) {
            throw new MojoFailureException("allowlist-report: failOn=" + String.join(",", failures.names()) + " matched: "
                    + String.join("; ", reasons) + ". Details: " + output);
        }
    }

    private AllowListReport decide(MavenProject top, List<String> configured, ProjectComponents.Options options) throws MojoExecutionException {
        try {
            List<AllowList> loaded = new AllowListSources(repositorySystem, session.getRepositorySession(),
                    top.getRemoteProjectRepositories(), top.getBasedir().toPath()).load(configured);
            AllowListReport report = new AllowListReport(loaded, LocalDate.now());
            ProjectComponents components = new ProjectComponents(repositorySystem, session,
                    message -> getLog().warn("allowlist-report: " + message), message -> getLog().debug(message));
            for (MavenProject module : session.getProjects()) {
                report.add(module.getGroupId() + ":" + module.getArtifactId(), components.of(module, options));
            }
            return report;
        } catch (BuildInputException e) {
            throw new MojoExecutionException("allowlist-report: " + e.getMessage(), e);
        } catch (InvalidAllowListException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private void log(AllowListReport report, Path output) {
        report.table(maxLogRows).forEach(line -> getLog().info(line));
        List<LintFinding> lint = report.lint();
        if (lint.isEmpty()) {
            getLog().info("Lint of the allow-lists: nothing to report");
        } else {
            getLog().warn("Lint of the allow-lists: " + lint.size() + " finding(s)");
            lint.forEach(finding -> getLog().warn(finding.toString()));
        }
        getLog().info(report.summary() + "; report: " + output);
    }

    /** The goal's own parameter, else the rule's setting, else the rule's default. */
    private static boolean choose(Boolean parameter, Optional<ApprovedDependenciesConfiguration> rule, String name, boolean fallback)
            throws MojoExecutionException {
        if (parameter != null) {
            return parameter;
        }
        Boolean fromRule = rule.isPresent() ? rule.get().flag(name) : null;
        return fromRule != null ? fromRule : fallback;
    }
}
