package dev.securebuild.findings;

/** OpenVEX statuses; CycloneDX analysis states map onto them (resolved and false_positive are NOT_AFFECTED...). */
public enum VexStatus {
    NOT_AFFECTED, AFFECTED, FIXED, UNDER_INVESTIGATION;

    /** Only these clear a finding. */
    public boolean clears() {
        return this == NOT_AFFECTED || this == FIXED;
    }
}
