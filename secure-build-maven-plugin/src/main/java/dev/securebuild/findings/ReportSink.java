package dev.securebuild.findings;

/** Where a reader puts what it reads: findings, and VEX statements that may clear findings of other reports. */
public interface ReportSink {

    void finding(Finding finding);

    void vexStatement(VexStatement statement);

    /** The tool that wrote the report, once known; a report of several runs may call it more than once. */
    default void tool(String name, String version) {}
}
