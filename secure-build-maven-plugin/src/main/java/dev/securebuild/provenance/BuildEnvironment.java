package dev.securebuild.provenance;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who ran the build and which run it was, read from the CI system's environment variables (GitHub Actions, GitLab
 * CI, Jenkins), else the local machine. Only the variables named here are read; the environment is passed in, so that
 * tests choose it. Values are redacted where they are recorded ({@link Provenance.RunDetails}, {@link Provenance.Source}).
 *
 * @param system    {@code github-actions}, {@code gitlab-ci}, {@code jenkins} or {@code local}
 * @param builderId runDetails.builder.id
 * @param invocationId runDetails.metadata.invocationId
 * @param source    the repository and commit, or null when neither the CI nor git says
 */
public record BuildEnvironment(String system, String builderId, String invocationId, Provenance.Source source) {

    /** The builder id of a build on a developer's machine, outside any CI we recognize. */
    public static final String LOCAL_BUILDER = "https://securebuild.dev/provenance/builders/local";

    /**
     * @param environment the process environment
     * @param git         asked for the source (e.g. {@code git rev-parse HEAD}) when the CI does not name the commit; may return null
     */
    public static BuildEnvironment detect(Map<String, String> environment, Supplier<Provenance.Source> git) {
        Vars env = new Vars(environment);
        if (env.has("GITHUB_RUN_ID")) {
            String server = env.get("GITHUB_SERVER_URL", "https://github.com");
            String repository = env.get("GITHUB_REPOSITORY", null);
            String repositoryUrl = repository == null ? null : server + "/" + repository;
            String builder = env.has("GITHUB_WORKFLOW_REF") ? server + "/" + env.get("GITHUB_WORKFLOW_REF", null)
                    : repositoryUrl != null ? repositoryUrl + "/actions" : server + "/actions";
            String invocation = (repositoryUrl != null ? repositoryUrl : server) + "/actions/runs/" + env.get("GITHUB_RUN_ID", null)
                    + "/attempts/" + env.get("GITHUB_RUN_ATTEMPT", "1");
            String uri = repositoryUrl == null ? null : "git+" + repositoryUrl + (env.has("GITHUB_REF") ? "@" + env.get("GITHUB_REF", null) : "");
            return new BuildEnvironment("github-actions", builder, invocation, source(uri, env.get("GITHUB_SHA", null), git));
        }
        if (env.has("CI_JOB_ID") && env.has("CI_SERVER_URL")) {
            String server = env.get("CI_SERVER_URL", null);
            String projectUrl = env.has("CI_PROJECT_PATH") ? server + "/" + env.get("CI_PROJECT_PATH", null) : server;
            String builder = env.has("CI_RUNNER_ID") ? projectUrl + "/-/runners/" + env.get("CI_RUNNER_ID", null) : projectUrl;
            String invocation = env.get("CI_JOB_URL", projectUrl + "/-/jobs/" + env.get("CI_JOB_ID", null));
            return new BuildEnvironment("gitlab-ci", builder, invocation, source("git+" + projectUrl, env.get("CI_COMMIT_SHA", null), git));
        }
        if (env.has("JENKINS_URL")) {
            String jenkins = env.get("JENKINS_URL", null);
            String invocation = env.get("BUILD_URL", jenkins + (env.has("BUILD_TAG") ? "#" + env.get("BUILD_TAG", null) : ""));
            String uri = env.has("GIT_URL") ? "git+" + env.get("GIT_URL", null) : null;
            return new BuildEnvironment("jenkins", jenkins, invocation, source(uri, env.get("GIT_COMMIT", null), git));
        }
        return new BuildEnvironment("local", LOCAL_BUILDER, "urn:uuid:" + UUID.randomUUID(), git.get());
    }

    /** The CI's repository and commit; what git says fills in what the CI left out. */
    private static Provenance.Source source(String uri, String commit, Supplier<Provenance.Source> git) {
        if (uri != null && commit != null) {
            return new Provenance.Source(uri, commit);
        }
        Provenance.Source local = git.get();
        if (local == null) {
            return uri == null && commit == null ? null : new Provenance.Source(uri, commit);
        }
        return new Provenance.Source(uri != null ? uri : local.uri(), commit != null ? commit : local.commit());
    }

    private record Vars(Map<String, String> environment) {
        boolean has(String name) {
            String value = environment.get(name);
            return value != null && !value.isBlank();
        }

        String get(String name, String otherwise) {
            return has(name) ? environment.get(name).strip() : otherwise;
        }
    }
}
