package dev.securebuild.enforcer;

/**
 * One exclusion of {@link RequireLockedDependencies}, as configured:
 * {@code <exclusions><exclusion><artifact>org.example.snapshots:*</artifact><reason>why</reason><owner>who</owner>
 * <expires>2027-03-31</expires></exclusion></exclusions>}. Filled by Maven's configurator, field by field.
 */
public class LockExclusionEntry {

    /** {@code groupId:artifactId} of the artifacts it leaves unlocked, each a name or a pattern with {@code *}. */
    private String artifact;
    /** Why their bytes may change: mandatory. */
    private String reason;
    /** Who answers for it: mandatory. */
    private String owner;
    /** Its last day in force, {@code YYYY-MM-DD}: mandatory. */
    private String expires;

    public LockExclusionEntry() {
    }

    String artifact() {
        return artifact;
    }

    String reason() {
        return reason;
    }

    String owner() {
        return owner;
    }

    String expires() {
        return expires;
    }
}
