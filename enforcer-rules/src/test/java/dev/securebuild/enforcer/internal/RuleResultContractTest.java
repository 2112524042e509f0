package dev.securebuild.shared.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.allowlist.AllowList;
import dev.securebuild.allowlist.AllowListDecider;
import dev.securebuild.allowlist.AllowListLoader;
import dev.securebuild.allowlist.Component;
import dev.securebuild.allowlist.Decision;
import dev.securebuild.enforcer.internal.RuleResult;

/** The Enforcer rules write their result without the plugin's classes: release-gate must read what they write. */
class RuleResultContractTest {

    @Test
    void theAllowListResultWithAnApprovalAboutToEndIsReadByTheGate(@TempDir Path folder) throws Exception {
        String list = "version: 1\nlayer: organization\napproved:\n"
                + "  - {groupId: g, artifactId: a, reason: until the migration, owner: alice@example.com, expires: 2027-01-20}\n";
        AllowList loaded = AllowListLoader.load(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), "org.yaml", "list 1");
        Decision expiring = new AllowListDecider(List.of(loaded)).decide(
                new Component("g", "a", "1.0", "compile", List.of(), List.of("com.example:app:1.0", "g:a:1.0")), LocalDate.of(2027, 1, 1));
        assertEquals(Decision.Status.EXPIRING, expiring.status());
        Path file = GoalResults.file(folder, "allowlist");

        RuleResult.write(file, "allowlist", "enforce (approvedDependencies)", "com.example:app", "1.0", GoalResult.Verdict.WARN,
                "1 component(s) decided: 0 not approved, 1 warning(s)", List.of(expiring), Instant.parse("2027-01-01T10:00:00Z"),
                dev.securebuild.shared.secrets.KnownSecrets.NONE);

        GoalResult read = GoalResults.read(file);
        assertEquals("allowlist", read.check());
        assertEquals(GoalResult.Verdict.WARN, read.verdict());
        assertEquals(List.of(new GoalResult.ResultException("g:a:1.0 (compile)", "until the migration (entry org.yaml:4)",
                "alice@example.com", "2027-01-20")), read.exceptions());
    }
}
