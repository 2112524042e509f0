package dev.securebuild.allowlist.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.AllowListReport;
import dev.securebuild.allowlist.Component;
import dev.securebuild.allowlist.InvalidAllowListException;
import dev.securebuild.allowlist.ReportFailOn;
import dev.securebuild.allowlist.maven.BuildInputException;
import dev.securebuild.allowlist.maven.ProjectComponents;
import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;

/**
 * One run of the allow-list report, as the allowlist-report goal does it: settle the lists and options (the goal's own,
 * else the approvedDependencies rule's, else the rule's defaults) and failOn, then decide every module's components
 * against the lists, write allowlist-report.json and say what failOn matched. Settings the user must fix are an
 * {@link InvalidSettingException}; lists that cannot be had or read are the allow-list engine's own exceptions.
 */
public final class AllowlistReportRun {

    /** Reads the configured lists, in layer order (AllowListSources in a build). */
    @FunctionalInterface
    public interface ListSource {
        List<AllowList> load(List<String> lists) throws BuildInputException, InvalidAllowListException;
    }

    /** One module's components, collected when the lists are loaded. */
    @FunctionalInterface
    public interface Components {
        List<Component> of(ProjectComponents.Options options) throws BuildInputException;
    }

    /** A module ({@code groupId:artifactId}) and how its components are collected. */
    public record Module(String key, Components components) {}

    /**
     * The goal's parameters; a null flag or no lists: the rule's, else its default.
     *
     * @param topPom the top-level POM, named when no list is configured anywhere
     */
    public record Request(List<String> lists, Boolean includePlugins, Boolean includeLosers, Boolean readLicenses, Boolean includeParents,
                          Boolean includeImportedBoms, Boolean transitivePluginDependencies, String failOn, File topPom) {}

    private final ReportFailOn failOn;
    private final List<String> lists;
    private final Optional<String> ruleNote;
    private final Map<String, Boolean> choices;

    private AllowlistReportRun(ReportFailOn failOn, List<String> lists, Optional<String> ruleNote, Map<String, Boolean> choices) {
        this.failOn = failOn;
        this.lists = lists;
        this.ruleNote = ruleNote;
        this.choices = Map.copyOf(choices);
    }

    /** Settles what the run uses, in the order the goal has always checked it: failOn, the lists, the options. */
    public static AllowlistReportRun settle(Request request, Optional<? extends RuleConfiguration> rule) throws InvalidSettingException {
        ReportFailOn failOn = ReportFailOn.parse(request.failOn());
        List<String> lists = request.lists() == null ? List.of()
                : request.lists().stream().filter(list -> list != null && !list.isBlank()).toList();
        Optional<String> note = Optional.empty();
        if (lists.isEmpty() && rule.isPresent()) {
            lists = rule.get().lists();
            note = Optional.of("Allow-lists and options of the approvedDependencies rule in " + rule.get().where());
        }
        if (lists.isEmpty()) {
            throw InvalidSettingException.about(Setting.ALLOWLISTS, "allowlist-report: no allow-lists: give them with -Dsecure-build.allowlists=a.yaml,b.yaml or the"
                    + " <lists> parameter, or configure the approvedDependencies rule with <lists> for maven-enforcer-plugin in the top-level POM "
                    + request.topPom() + (rule.isPresent() ? " (the rule in " + rule.get().where() + " has no <lists>)" : ""), null);
        }
        Map<String, Boolean> choices = new LinkedHashMap<>();
        choices.put("includePlugins", choose(request.includePlugins(), rule, "includePlugins", true));
        choices.put("includeLosers", choose(request.includeLosers(), rule, "includeLosers", false));
        choices.put("readLicenses", choose(request.readLicenses(), rule, "readLicenses", true));
        choices.put("includeParents", choose(request.includeParents(), rule, "includeParents", true));
        choices.put("includeImportedBoms", choose(request.includeImportedBoms(), rule, "includeImportedBoms", false));
        choices.put("transitivePluginDependencies", choose(request.transitivePluginDependencies(), rule, "transitivePluginDependencies", false));
        return new AllowlistReportRun(failOn, lists, note, choices);
    }

    /** The goal's own parameter, else the rule's setting, else the rule's default. */
    private static boolean choose(Boolean parameter, Optional<? extends RuleConfiguration> rule, String name, boolean fallback)
            throws InvalidSettingException {
        if (parameter != null) {
            return parameter;
        }
        Boolean fromRule = rule.isPresent() ? rule.get().flag(name) : null;
        return fromRule != null ? fromRule : fallback;
    }

    /** Said when the lists and options are the rule's. */
    public Optional<String> ruleNote() {
        return ruleNote;
    }

    public List<String> lists() {
        return lists;
    }

    /** Each option of the component walk as settled, by its parameter's name. */
    public Map<String, Boolean> choices() {
        return choices;
    }

    private ProjectComponents.Options options() {
        return new ProjectComponents.Options()
                .includePlugins(choices.get("includePlugins"))
                .includeLosers(choices.get("includeLosers"))
                .readLicenses(choices.get("readLicenses"))
                .includeParents(choices.get("includeParents"))
                .includeImportedBoms(choices.get("includeImportedBoms"))
                .transitivePluginDependencies(choices.get("transitivePluginDependencies"));
    }

    /**
     * Decides every module's components and writes the JSON report to {@code json}, without the build's secret values
     * (a repository URL may carry a token).
     */
    public AllowlistReportOutcome run(ListSource source, List<Module> modules, LocalDate today, Path json, KnownSecrets secrets)
            throws BuildInputException, InvalidAllowListException, IOException {
        AllowListReport report = new AllowListReport(source.load(lists), today);
        ProjectComponents.Options options = options();
        for (Module module : modules) {
            report.add(module.key(), module.components().of(options));
        }
        try {
            AtomicFiles.write(json, secrets.redacting(report::writeJson));
        } catch (IOException e) {
            throw new IOException("allowlist-report could not write " + json + ": " + e.getMessage(), e);
        }
        return new AllowlistReportOutcome(report, json, failOn);
    }
}
