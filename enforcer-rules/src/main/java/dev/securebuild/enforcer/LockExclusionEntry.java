package dev.securebuild.enforcer;

/**
 * One exclusion of {@link RequireLockedDependencies}, as configured:
 * {@code <exclusions><exclusion><artifact>org.example.snapshots:*</artifact><reason>why</reason><owner>who</owner>
 * <expires>2027-03-31</expires></exclusion></exclusions>}: the artifacts left unlocked, why their bytes may change,
 * who answers for it and until when; all four mandatory.
 */
public class LockExclusionEntry extends ArtifactExemption {

    public LockExclusionEntry() {
    }
}
