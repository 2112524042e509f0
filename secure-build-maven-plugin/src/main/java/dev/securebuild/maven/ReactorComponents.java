package dev.securebuild.maven;

import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import dev.securebuild.allowlist.maven.AllowListSources;
import dev.securebuild.allowlist.maven.ProjectComponents;
import dev.securebuild.allowlist.report.AllowlistReportRun;

/** What allowlist-report reads of the build: the lists, from the top project's repositories, and each module's components. */
final class ReactorComponents {

    private ReactorComponents() {}

    /** The lists as the top-level project reads them (relative paths from the top of the reactor). */
    static AllowListSources sources(RepositorySystem system, MavenSession session, MavenProject top) {
        return new AllowListSources(system, session, top.getRemoteProjectRepositories());
    }

    /** Every module of the reactor, whose components are collected when the report asks, with the options it settled. */
    static List<AllowlistReportRun.Module> modules(RepositorySystem system, MavenSession session, Log log) {
        ProjectComponents components = new ProjectComponents(system, session, message -> log.warn("allowlist-report: " + message), log::debug);
        return session.getProjects().stream().map(module -> new AllowlistReportRun.Module(module.getGroupId() + ":" + module.getArtifactId(),
                options -> components.of(module, options))).toList();
    }
}
