package dev.securebuild.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import dev.securebuild.allowlist.report.RuleConfiguration;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;

/**
 * The {@code approvedDependencies} rule as a project configures it for maven-enforcer-plugin: its lists and its
 * options (includePlugins, includeLosers, readLicenses, includeParents, includeImportedBoms, transitivePluginDependencies), so that {@code allowlist-report} decides exactly as the rule does
 * without being told again. Looked for in the build plugins, then in pluginManagement: first the plugin's own
 * configuration, then each execution's, the first {@code <rules><approvedDependencies>} found wins.
 */
final class ApprovedDependenciesConfiguration implements RuleConfiguration {

    static final String ENFORCER_PLUGIN = "org.apache.maven.plugins:maven-enforcer-plugin";
    static final String RULE = "approvedDependencies";
    private static final String RULE_CLASS = "dev.securebuild.enforcer.ApprovedDependencies";

    private final String where;
    private final Xpp3Dom rule;

    private ApprovedDependenciesConfiguration(String where, Xpp3Dom rule) {
        this.where = where;
        this.rule = rule;
    }

    /** The rule's configuration in {@code project}'s POM (with what it inherits), if it has one. */
    static Optional<ApprovedDependenciesConfiguration> of(MavenProject project) {
        List<Plugin> candidates = new ArrayList<>();
        Plugin declared = project.getPlugin(ENFORCER_PLUGIN);
        if (declared != null) {
            candidates.add(declared);
        }
        if (project.getPluginManagement() != null) {
            Plugin managed = project.getPluginManagement().getPluginsAsMap().get(ENFORCER_PLUGIN);
            if (managed != null) {
                candidates.add(managed);
            }
        }
        for (Plugin plugin : candidates) {
            String section = plugin == declared ? "build plugins" : "pluginManagement";
            Xpp3Dom rule = rule(plugin.getConfiguration());
            if (rule != null) {
                return Optional.of(new ApprovedDependenciesConfiguration("maven-enforcer-plugin (" + section + ") of " + project.getId(), rule));
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                rule = rule(execution.getConfiguration());
                if (rule != null) {
                    return Optional.of(new ApprovedDependenciesConfiguration("maven-enforcer-plugin execution '" + execution.getId() + "' ("
                            + section + ") of " + project.getId(), rule));
                }
            }
        }
        return Optional.empty();
    }

    private static Xpp3Dom rule(Object configuration) {
        if (!(configuration instanceof Xpp3Dom)) {
            return null;
        }
        Xpp3Dom rules = ((Xpp3Dom) configuration).getChild("rules");
        if (rules == null) {
            return null;
        }
        for (Xpp3Dom rule : rules.getChildren()) {
            if (RULE.equals(rule.getName()) || RULE_CLASS.equals(rule.getAttribute("implementation"))) {
                return rule;
            }
        }
        return null;
    }

    /** The rule's lists, in order; values are checked when asked for, so that lists given to the goal make them irrelevant. */
    @Override
    public List<String> lists() throws InvalidSettingException {
        List<String> lists = new ArrayList<>();
        Xpp3Dom listsNode = rule.getChild("lists");
        if (listsNode != null) {
            for (Xpp3Dom list : listsNode.getChildren()) {
                String value = value(list, where);
                if (value != null) {
                    lists.add(value);
                }
            }
        }
        return lists;
    }

    /** One of the rule's boolean options; null when it does not say. */
    @Override
    public Boolean flag(String name) throws InvalidSettingException {
        Xpp3Dom child = rule.getChild(name);
        String value = child == null ? null : value(child, where);
        return value == null ? null : Boolean.valueOf(value);
    }

    /** The trimmed text; an expression the POM's model did not resolve (Enforcer resolves it later, we cannot) is an error. */
    private static String value(Xpp3Dom node, String where) throws InvalidSettingException {
        String value = node.getValue();
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.contains("${")) {
            throw InvalidSettingException.about(Setting.ALLOWLISTS, "The " + RULE + " rule in " + where + " has <" + node.getName() + ">" + value.strip() + "</"
                    + node.getName() + ">, an expression the POM does not resolve: give " + ("list".equals(node.getName())
                    ? "the lists to allowlist-report with -Dsecure-build.allowlists=... or its <lists> parameter"
                    : "allowlist-report -Dsecure-build.allowlist." + node.getName() + "=..."), null);
        }
        return value.strip();
    }

    /** Where the rule was found, for the log. */
    @Override
    public String where() {
        return where;
    }
}
