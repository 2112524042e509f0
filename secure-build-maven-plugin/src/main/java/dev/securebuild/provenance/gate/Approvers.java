package dev.securebuild.provenance.gate;

import java.util.List;
import java.util.Map;

/** Who gives an approval: the CI's actor when the build runs in CI, otherwise the user running Maven. */
public final class Approvers {

    /** GitHub Actions, GitLab CI, Jenkins (build-user-vars plugin), Azure Pipelines, Bitbucket, CircleCI. */
    private static final List<String> ACTOR_VARIABLES = List.of("GITHUB_ACTOR", "GITLAB_USER_LOGIN", "BUILD_USER_ID", "BUILD_REQUESTEDFOREMAIL",
            "BITBUCKET_STEP_TRIGGERER_UUID", "CIRCLE_USERNAME");

    private Approvers() {}

    public static String who(Map<String, String> environment, String userName) {
        for (String variable : ACTOR_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.strip() + " (" + variable + ")";
            }
        }
        return (userName == null || userName.isBlank() ? "unknown" : userName) + " (user.name)";
    }
}
