package dev.securebuild.allowlist.report;

import java.util.List;

import dev.securebuild.shared.settings.InvalidSettingException;

/**
 * The {@code approvedDependencies} rule as the top-level POM configures it, so that the report decides as the rule does
 * without being told again. A value the report cannot use (an expression the POM does not resolve) is the user's to fix.
 */
public interface RuleConfiguration {

    /** Where the rule was found, for the log and messages. */
    String where();

    /** The rule's lists, in order; empty when it has none. */
    List<String> lists() throws InvalidSettingException;

    /** One of the rule's boolean options; null when it does not say. */
    Boolean flag(String name) throws InvalidSettingException;
}
