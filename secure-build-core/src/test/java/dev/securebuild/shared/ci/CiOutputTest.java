package dev.securebuild.shared.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.secrets.KnownSecrets;

class CiOutputTest {

    @TempDir
    Path dir;

    private final List<String> console = new ArrayList<>();
    private final SessionData data = new DefaultSessionData();

    private CiOutput github(Path summary) throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        return CiOutput.of(CiEnvironment.of(Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", repo.toString(), "GITHUB_STEP_SUMMARY",
                summary.toString())), repo.resolve("app"), data, new KnownSecrets(Set.of("s3cr3t-t0ken-value")), console::add);
    }

    @Test
    void annotationsArePrintedOnlyInGitHubActionsPlacedAndWithoutSecrets() throws IOException {
        CiOutput ci = github(dir.resolve("summary.md"));
        Path pom = ci.repositoryRoot().resolve("app/pom.xml");

        ci.annotate(List.of(ci.at(WorkflowCommand.of(WorkflowCommand.Level.ERROR, "token s3cr3t-t0ken-value leaked"), pom, 12)), "report");

        assertEquals(List.of("::error file=app/pom.xml,line=12::token [redacted] leaked"), console);

        List<String> plain = new ArrayList<>();
        CiOutput local = CiOutput.of(CiEnvironment.of(Map.of()), dir, new DefaultSessionData(), KnownSecrets.NONE, plain::add);
        local.annotate(List.of(WorkflowCommand.of(WorkflowCommand.Level.ERROR, "x")), "report");
        assertTrue(plain.isEmpty());
        assertFalse(local.annotates());
    }

    @Test
    void theCapIsSharedByEveryGoalOfTheBuild() throws IOException {
        for (int goal = 0; goal < 3; goal++) {
            List<WorkflowCommand> commands = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                commands.add(WorkflowCommand.of(WorkflowCommand.Level.ERROR, "goal " + goal + " item " + i));
            }
            github(dir.resolve("summary.md")).annotate(commands, "report " + goal);
        }
        assertEquals(AnnotationCap.DEFAULT_PER_LEVEL, console.size());
        assertEquals("::error::3 more error(s) not shown as annotations (GitHub shows 10 per step): report 1", console.get(9));
    }

    @Test
    void aFailedResultIsAnnotatedAtThePomAndEveryResultIsALineOfTheSummary() throws IOException {
        Path summary = dir.resolve("summary.md");
        CiOutput ci = github(summary);
        GoalResult failed = new GoalResult("sign", "verify-signatures", "org.example:app", List.of(), "1.0", Instant.EPOCH,
                GoalResult.Verdict.FAIL, "2 signature(s) do not verify", List.of(), "target/secure-build/verify.json");
        GoalResult passed = new GoalResult("sign", "sign", "org.example:app", List.of(), "1.0", Instant.EPOCH, GoalResult.Verdict.PASS,
                "3 file(s) signed with [x](https://evil.example/p.png)", List.of(), null);

        assertTrue(ci.result(failed, ci.repositoryRoot().resolve("app/pom.xml"), false).isEmpty());
        assertTrue(ci.result(passed, ci.repositoryRoot().resolve("app/pom.xml"), false).isEmpty());

        assertEquals(List.of("::error file=app/pom.xml,title=secure-build verify-signatures%3A org.example%3Aapp::2 signature(s) do not verify"),
                console);
        String markdown = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(markdown.startsWith("## secure-build\n\n- ❌ **verify-signatures** `org.example:app`: FAIL · 2 signature(s) do not verify\n\n"),
                markdown);
        assertTrue(markdown.contains("with \\[x\\](https:"), "an input cannot make a link or an image: " + markdown);
        assertEquals(1, markdown.split("## secure-build", -1).length - 1, "one heading per build");
    }

    @Test
    void anItemisedFailureIsNotAnnotatedTwice() throws IOException {
        CiOutput ci = github(dir.resolve("summary.md"));
        ci.result(new GoalResult("findings", "check-findings", "org.example:app", List.of(), "1.0", Instant.EPOCH, GoalResult.Verdict.FAIL,
                "1 finding blocks", List.of(), null), null, true);
        assertTrue(console.isEmpty());
    }

    @Test
    void theRepositoryRootIsTheNearestGitFolderInsideTheCheckout() throws IOException {
        Path checkout = Files.createDirectories(dir.resolve("w"));
        Path repo = Files.createDirectories(checkout.resolve("sub/.git")).getParent();
        Path reactor = Files.createDirectories(repo.resolve("build"));

        assertEquals(repo, CiEnvironment.of(Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", checkout.toString())).repositoryRoot(reactor));
        // A .git above the checkout is not this checkout's: the checkout itself.
        Path other = Files.createDirectories(dir.resolve("outer/.git")).getParent();
        Path inner = Files.createDirectories(other.resolve("ws/project"));
        assertEquals(inner.getParent(), CiEnvironment.of(Map.of("GITLAB_CI", "true", "CI_PROJECT_DIR", inner.getParent().toString()))
                .repositoryRoot(inner));
        // Outside CI: the nearest .git, else the reactor's top.
        assertEquals(other, CiEnvironment.of(Map.of()).repositoryRoot(inner));
        assertEquals(checkout.resolve("sub/build"), CiEnvironment.of(Map.of()).repositoryRoot(reactor).resolve("build"));
    }
}
