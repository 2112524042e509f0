package dev.securebuild.shared.results;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one goal decided for one project (or, for a goal that acts for the whole reactor, for several modules): the
 * small JSON file every deciding goal and Enforcer rule writes under {@code target/secure-build/results/}, and the only
 * thing the release gate reads of it. The format is documented in docs/release-gate.md.
 *
 * <p>A final class with a record's accessors, equals, hashCode and toString rather than a record: it lives in the rules
 * jar, which is compiled for Java 11 so that old Sisu indexers still find the rules.
 */
public final class GoalResult {

    /** The value of the {@code format} field this version writes and reads. */
    public static final String FORMAT = "secure-build-result/1";

    private final String check;
    private final String goal;
    private final String project;
    private final List<String> modules;
    private final String version;
    private final Instant time;
    private final Verdict verdict;
    private final String summary;
    private final List<ResultException> exceptions;
    private final String details;
    private final SourceTree sourceTree;

    /**
     * @param check      what was checked ({@code sign}, {@code findings}, {@code reproducible}, ...): the release gate's unit
     * @param goal       the goal (or Enforcer rule) that wrote it
     * @param project    the project it was written for ({@code groupId:artifactId})
     * @param modules    the modules it covers ({@code groupId:artifactId}): the project alone (null or empty), or every
     *                   module of an aggregate check
     * @param version    the project's version
     * @param time       when it was decided
     * @param verdict    pass, fail, warn or not applicable
     * @param summary    one sentence for a person (null is written as empty)
     * @param exceptions exceptions the check accepted (findings exceptions used, approvals about to expire), or null
     * @param details    the goal's own report, or null
     */
    public GoalResult(String check, String goal, String project, List<String> modules, String version, Instant time, Verdict verdict,
                      String summary, List<ResultException> exceptions, String details) {
        this(check, goal, project, modules, version, time, verdict, summary, exceptions, details, null);
    }

    /**
     * @param sourceTree whether the sources built were those of a commit, for the goals that know (provenance,
     *                   verify-provenance); null for the others
     */
    public GoalResult(String check, String goal, String project, List<String> modules, String version, Instant time, Verdict verdict,
                      String summary, List<ResultException> exceptions, String details, SourceTree sourceTree) {
        this.sourceTree = sourceTree;
        this.check = Objects.requireNonNull(check, "check");
        this.goal = Objects.requireNonNull(goal, "goal");
        this.project = Objects.requireNonNull(project, "project");
        this.time = Objects.requireNonNull(time, "time");
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.modules = modules == null || modules.isEmpty() ? List.of(project) : List.copyOf(modules);
        this.version = version;
        this.summary = summary == null ? "" : summary;
        this.exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        this.details = details;
    }

    public String check() {
        return check;
    }

    public String goal() {
        return goal;
    }

    public String project() {
        return project;
    }

    public List<String> modules() {
        return modules;
    }

    public String version() {
        return version;
    }

    public Instant time() {
        return time;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String summary() {
        return summary;
    }

    public List<ResultException> exceptions() {
        return exceptions;
    }

    public String details() {
        return details;
    }

    /** Whether the sources built were those of a commit; null when the goal does not say. */
    public SourceTree sourceTree() {
        return sourceTree;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof GoalResult)) {
            return false;
        }
        GoalResult that = (GoalResult) other;
        return check.equals(that.check) && goal.equals(that.goal) && project.equals(that.project) && modules.equals(that.modules)
                && Objects.equals(version, that.version) && time.equals(that.time) && verdict == that.verdict
                && summary.equals(that.summary) && exceptions.equals(that.exceptions) && Objects.equals(details, that.details)
                && sourceTree == that.sourceTree;
    }

    @Override
    public int hashCode() {
        return Objects.hash(check, goal, project, modules, version, time, verdict, summary, exceptions, details, sourceTree);
    }

    @Override
    public String toString() {
        return "GoalResult[check=" + check + ", goal=" + goal + ", project=" + project + ", modules=" + modules + ", version=" + version
                + ", time=" + time + ", verdict=" + verdict + ", summary=" + summary + ", exceptions=" + exceptions + ", details=" + details
                + (sourceTree == null ? "" : ", sourceTree=" + sourceTree.label()) + "]";
    }

    /**
     * pass, fail or warn, as written in the file; {@code not-applicable} when the project had nothing for the goal to
     * check (check-findings in a module without code). Declared from best to worst: the worst of several is the greatest.
     */
    public enum Verdict {
        /** Nothing to check: not a pass, and no reason to block. */
        NOT_APPLICABLE,
        PASS, WARN, FAIL;

        /** The words every verdict is written as, for messages. */
        public static final String LABELS = "pass, fail, warn or not-applicable";

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Verdict parse(String text) {
            for (Verdict verdict : values()) {
                if (verdict.label().equals(text)) {
                    return verdict;
                }
            }
            throw new IllegalArgumentException("expected " + LABELS + "; got \"" + text + "\"");
        }
    }

    /**
     * The working tree the build read its sources from: {@code clean} (what the commit holds), {@code dirty}
     * (uncommitted changes or untracked files) or {@code unknown} (not a git work tree, git missing, or a provenance
     * that does not say).
     */
    public enum SourceTree {
        CLEAN, DIRTY, UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static SourceTree parse(String text) {
            for (SourceTree tree : values()) {
                if (tree.label().equals(text)) {
                    return tree;
                }
            }
            throw new IllegalArgumentException("expected clean, dirty or unknown; got \"" + text + "\"");
        }
    }

    /** One exception a check accepted. */
    public static final class ResultException {

        private final String id;
        private final String reason;
        private final String approvedBy;
        private final String expires;
        private final List<String> modules;

        /**
         * @param id         its id in the policy or list
         * @param reason     why it was accepted
         * @param approvedBy who approved it
         * @param expires    when it ends ({@code YYYY-MM-DD}), or null
         */
        public ResultException(String id, String reason, String approvedBy, String expires) {
            this(id, reason, approvedBy, expires, null);
        }

        /**
         * @param modules the modules ({@code groupId:artifactId}) whose findings or components it applied to, for a
         *                result that covers several modules; null or empty: every module the result covers
         */
        public ResultException(String id, String reason, String approvedBy, String expires, List<String> modules) {
            this.id = Objects.requireNonNull(id, "id");
            this.reason = reason;
            this.approvedBy = approvedBy;
            this.expires = expires;
            this.modules = modules == null ? List.of() : List.copyOf(modules);
        }

        public String id() {
            return id;
        }

        public String reason() {
            return reason;
        }

        public String approvedBy() {
            return approvedBy;
        }

        public String expires() {
            return expires;
        }

        /** The modules it applied to; empty: every module of the result. */
        public List<String> modules() {
            return modules;
        }

        /** Whether it applied to {@code module}, one of the modules of its result. */
        public boolean appliesTo(String module) {
            return modules.isEmpty() || modules.contains(module);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof ResultException)) {
                return false;
            }
            ResultException that = (ResultException) other;
            return id.equals(that.id) && Objects.equals(reason, that.reason) && Objects.equals(approvedBy, that.approvedBy)
                    && Objects.equals(expires, that.expires) && modules.equals(that.modules);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, reason, approvedBy, expires, modules);
        }

        @Override
        public String toString() {
            return "ResultException[id=" + id + ", reason=" + reason + ", approvedBy=" + approvedBy + ", expires=" + expires
                    + (modules.isEmpty() ? "" : ", modules=" + modules) + "]";
        }
    }
}
