package dev.securebuild.allowlist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.AllowListLoader;
import dev.securebuild.allowlist.Component;
import dev.securebuild.allowlist.InvalidAllowListException;
import dev.securebuild.allowlist.maven.BuildInputException;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.text.LogLine;

/** The allow-list report without Maven: settings settled against the rule, components decided, JSON written, failOn applied. */
class AllowlistReportRunTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 1);
    private static final File POM = new File("/work/app/pom.xml");

    @TempDir
    Path dir;

    /** A rule configuration as a POM would give it; records which options were asked of it. */
    private static final class Rule implements RuleConfiguration {
        final List<String> lists;
        final Map<String, Boolean> flags;
        final List<String> asked = new ArrayList<>();

        Rule(List<String> lists, Map<String, Boolean> flags) {
            this.lists = lists;
            this.flags = flags;
        }

        @Override
        public String where() {
            return "maven-enforcer-plugin (build plugins) of g:app:pom:1.0";
        }

        @Override
        public List<String> lists() {
            return lists;
        }

        @Override
        public Boolean flag(String name) {
            asked.add(name);
            return flags.get(name);
        }
    }

    private static AllowlistReportRun.Request request(List<String> lists, Boolean includePlugins, String failOn) {
        return new AllowlistReportRun.Request(lists, includePlugins, null, null, null, null, null, failOn, POM);
    }

    private static AllowList list() throws Exception {
        String text = String.join("\n", "version: 1", "approved:", "  - {groupId: commons-io, artifactId: commons-io, reason: files, owner: o}",
                "  - {groupId: com.example, artifactId: unused, reason: r, owner: o}", "layer: organization", "");
        return AllowListLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "/work/lists/org.yaml", "list 1");
    }

    private static Component component(String coordinates) {
        String[] parts = coordinates.split(":");
        return new Component(parts[0], parts[1], parts[2], "compile", List.of(), List.of("g:app:1.0", coordinates));
    }

    @Test
    void theGoalsOwnSettingsWinThenTheRulesThenTheRulesDefaults() throws InvalidSettingException {
        Rule rule = new Rule(List.of("rule.yaml"), Map.of("includePlugins", false, "includeLosers", true));

        AllowlistReportRun fromRule = AllowlistReportRun.settle(request(null, null, ""), Optional.of(rule));
        assertEquals(List.of("rule.yaml"), fromRule.lists());
        assertEquals(Optional.of("Allow-lists and options of the approvedDependencies rule in " + rule.where()), fromRule.ruleNote());
        assertEquals(false, fromRule.choices().get("includePlugins"));
        assertEquals(true, fromRule.choices().get("includeLosers"));
        assertEquals(true, fromRule.choices().get("readLicenses"), "the rule's default when it does not say");
        assertEquals(false, fromRule.choices().get("transitivePluginDependencies"));

        rule.asked.clear();
        AllowlistReportRun own = AllowlistReportRun.settle(request(List.of(" ", "own.yaml"), true, ""), Optional.of(rule));
        assertEquals(List.of("own.yaml"), own.lists(), "blank entries are no lists");
        assertTrue(own.ruleNote().isEmpty());
        assertEquals(true, own.choices().get("includePlugins"));
        assertFalse(rule.asked.contains("includePlugins"), "a parameter given is not asked of the rule");

        AllowlistReportRun noRule = AllowlistReportRun.settle(request(List.of("own.yaml"), null, ""), Optional.empty());
        assertEquals(Map.of("includePlugins", true, "includeLosers", false, "readLicenses", true, "includeParents", true,
                "includeImportedBoms", false, "transitivePluginDependencies", false), noRule.choices());
    }

    @Test
    void settingsTheUserMustFixAreInvalidSettings() {
        InvalidSettingException failOn = assertThrows(InvalidSettingException.class,
                () -> AllowlistReportRun.settle(request(List.of("a.yaml"), null, "denied,allowed"), Optional.empty()));
        assertTrue(failOn.getMessage().startsWith("failOn: unknown 'allowed'"), failOn.getMessage());

        InvalidSettingException none = assertThrows(InvalidSettingException.class,
                () -> AllowlistReportRun.settle(request(null, null, ""), Optional.empty()));
        assertTrue(none.getMessage().startsWith("allowlist-report: no allow-lists: give them with -Dsecure-build.allowlists=a.yaml,b.yaml"),
                none.getMessage());
        assertTrue(none.getMessage().endsWith("in the top-level POM " + POM), none.getMessage());

        Rule empty = new Rule(List.of(), Map.of());
        InvalidSettingException ruleWithout = assertThrows(InvalidSettingException.class,
                () -> AllowlistReportRun.settle(request(null, null, ""), Optional.of(empty)));
        assertTrue(ruleWithout.getMessage().endsWith(" (the rule in " + empty.where() + " has no <lists>)"), ruleWithout.getMessage());
    }

    @Test
    void everyModulesComponentsAreDecidedWrittenAndFailOnNamesWhatItMatched() throws Exception {
        AllowlistReportRun run = AllowlistReportRun.settle(request(List.of("org.yaml"), null, "unlisted"), Optional.empty());
        Path json = dir.resolve("out/allowlist-report.json");
        List<String> loaded = new ArrayList<>();
        AllowList org = list();
        AllowlistReportOutcome outcome = run.run(lists -> {
            loaded.addAll(lists);
            return List.of(org);
        }, List.of(new AllowlistReportRun.Module("g:a", options -> List.of(component("commons-io:commons-io:2.17.0"))),
                new AllowlistReportRun.Module("g:b", options -> List.of(component("org.apache.commons:commons-lang3:3.14.0")))),
                TODAY, json, KnownSecrets.NONE);

        assertEquals(List.of("org.yaml"), loaded);
        assertTrue(Files.readString(json).contains("secure-build-allowlist-report/1"));
        assertEquals(Optional.of("allowlist-report: failOn=unlisted matched: 1 component(s) unlisted: org.apache.commons:commons-lang3:3.14.0"
                + " (compile). Details: " + json), outcome.failure());
        List<LogLine> lines = outcome.logLines(50);
        assertTrue(lines.contains(LogLine.warn("Lint of the allow-lists: 1 finding(s)")), lines.toString());
        LogLine last = lines.get(lines.size() - 1);
        assertEquals(LogLine.Level.INFO, last.level());
        assertTrue(last.text().endsWith("; report: " + json), last.text());
    }

    @Test
    void withoutFailOnTheReportNeverFailsAndAListThatCannotBeReadStopsIt() throws Exception {
        AllowlistReportRun run = AllowlistReportRun.settle(request(List.of("org.yaml"), null, null), Optional.empty());
        Path json = dir.resolve("allowlist-report.json");
        AllowList org = list();
        AllowlistReportOutcome outcome = run.run(lists -> List.of(org),
                List.of(new AllowlistReportRun.Module("g:b", options -> List.of(component("org.apache.commons:commons-lang3:3.14.0")))),
                TODAY, json, KnownSecrets.NONE);
        assertTrue(outcome.failure().isEmpty());

        Files.delete(json);
        assertThrows(InvalidAllowListException.class, () -> run.run(lists -> {
            throw new InvalidAllowListException("org.yaml at line 1, column 1: expected version");
        }, List.of(), TODAY, json, KnownSecrets.NONE));
        assertThrows(BuildInputException.class, () -> run.run(lists -> List.of(org), List.of(new AllowlistReportRun.Module("g:b", options -> {
            throw new BuildInputException("cannot collect the dependencies of g:b");
        })), TODAY, json, KnownSecrets.NONE));
        assertFalse(Files.exists(json), "nothing written when the report cannot be made");
    }
}
