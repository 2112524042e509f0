package dev.securebuild.shared.results;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one goal decided for one project (or, for a goal that acts for the whole reactor, for several modules): the
 * small JSON file every deciding goal writes under {@code target/secure-build/results/}, and the only thing the
 * release gate reads of it. The format is documented in docs/release-gate.md.
 *
 * @param check      what was checked ({@code sign}, {@code findings}, {@code reproducible}, ...): the release gate's unit
 * @param goal       the goal (or Enforcer rule) that wrote it
 * @param project    the project it was written for ({@code groupId:artifactId})
 * @param modules    the modules it covers ({@code groupId:artifactId}): the project alone, or every module of an aggregate check
 * @param version    the project's version
 * @param time       when it was decided
 * @param verdict    pass, fail or warn
 * @param summary    one sentence for a person
 * @param exceptions exceptions the check accepted (findings exceptions used, approvals about to expire)
 * @param details    the goal's own report, or null
 */
public record GoalResult(String check, String goal, String project, List<String> modules, String version, Instant time, Verdict verdict,
                         String summary, List<ResultException> exceptions, String details) {

    /** The value of the {@code format} field this version writes and reads. */
    public static final String FORMAT = "secure-build-result/1";

    public GoalResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(verdict, "verdict");
        modules = modules == null || modules.isEmpty() ? List.of(project) : List.copyOf(modules);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        summary = summary == null ? "" : summary;
    }

    /** pass, fail or warn, as written in the file. */
    public enum Verdict {
        PASS, WARN, FAIL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Verdict parse(String text) {
            for (Verdict verdict : values()) {
                if (verdict.label().equals(text)) {
                    return verdict;
                }
            }
            throw new IllegalArgumentException("expected pass, fail or warn; got \"" + text + "\"");
        }
    }

    /**
     * One exception a check accepted.
     *
     * @param id         its id in the policy or list
     * @param reason     why it was accepted
     * @param approvedBy who approved it
     * @param expires    when it ends ({@code YYYY-MM-DD}), or null
     */
    public record ResultException(String id, String reason, String approvedBy, String expires) {
        public ResultException {
            Objects.requireNonNull(id, "id");
        }
    }
}
