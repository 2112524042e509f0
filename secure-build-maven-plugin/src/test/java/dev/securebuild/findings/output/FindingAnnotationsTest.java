package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.Severity;
import dev.securebuild.shared.ci.WorkflowCommand;

class FindingAnnotationsTest {

    @TempDir
    Path repo;

    private Path app;

    @BeforeEach
    void reactor() throws IOException {
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        app = Files.createDirectories(repo.resolve("app"));
        Files.writeString(app.resolve("pom.xml"), "<project/>");
        Files.createDirectories(app.resolve("src/main/java/dev/example"));
        Files.writeString(app.resolve("src/main/java/dev/example/Web Page.java"), "class A {}");
        Files.createDirectories(app.resolve("target"));
    }

    private static Finding at(String path, String report) {
        return new Finding("SpotBugs", "4.9", FindingKind.CODE, "XSS", Set.of(), Severity.HIGH, "rank", null, null, null, path, 7, "f", null,
                "m", report);
    }

    @Test
    void aRelativePathIsFoundFromItsReportsModuleTheProjectItsSourcesOrTheRepository() {
        FindingPlaces fromTop = new FindingPlaces(repo, repo);
        String file = "app/src/main/java/dev/example/Web Page.java";

        assertEquals(file, fromTop.repositoryPath(at("src/main/java/dev/example/Web Page.java", "app/target/spotbugsSarif.json")));
        assertEquals(file, fromTop.repositoryPath(at("dev/example/Web Page.java", "app/target/spotbugsSarif.json")), "a path from the source folder");
        assertEquals(file, fromTop.repositoryPath(at(file, "target/trivy.json")), "a path from the checkout");
        assertEquals(file, new FindingPlaces(repo, app).repositoryPath(at("src/main/java/dev/example/Web Page.java", "target/codeql.sarif")));
        assertEquals(file, fromTop.repositoryPath(at(app.resolve("src/main/java/dev/example/Web Page.java").toString(), "x.sarif")));
    }

    @Test
    void aFileOutsideTheRepositoryMissingOrBehindALinkHasNoPlace() throws IOException {
        FindingPlaces places = new FindingPlaces(app, app);
        Files.writeString(repo.resolve("secret.txt"), "x");

        assertNull(places.repositoryPath(at("../secret.txt", "target/r.sarif")));
        assertNull(places.repositoryPath(at(repo.resolve("secret.txt").toString(), "target/r.sarif")));
        assertNull(places.repositoryPath(at("src/Missing.java", "target/r.sarif")));
        assertNull(places.repositoryPath(at("/etc/passwd", "target/r.sarif")));
        Files.createSymbolicLink(app.resolve("linked.txt"), repo.resolve("secret.txt"));
        assertNull(places.repositoryPath(at("linked.txt", "target/r.sarif")));
    }

    @Test
    void blockingFindingsAreErrorsWarningsAndExceptionsWarningsEachPlaced() throws IOException {
        Files.createDirectories(repo.resolve("src/main/java/dev/example"));
        Files.writeString(repo.resolve("src/main/java/dev/example/Web Page.java"), "class A {}");
        List<WorkflowCommand> commands = FindingAnnotations.commands(TestResults.failing(), new FindingPlaces(repo, repo), repo,
                repo.resolve("pom.xml"));

        List<String> lines = commands.stream().map(WorkflowCommand::line).toList();
        // 3 blocking, 2 warnings, 1 excepted, 1 policy violation, then the check's warnings; VEX and suppressed are not shown.
        assertEquals(7 + TestResults.failing().warnings().size(), lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("::error file=pom.xml,title=CVE-2021-44228 critical::"), lines.get(0));
        assertTrue(lines.get(1).startsWith("::error file=src/main/java/dev/example/Web Page.java,line=12,title=java/xss high::Writes <script>"),
                lines.get(1));
        assertTrue(lines.get(5).startsWith("::warning file=pom.xml,title=CVE-2023-2976 high::") && lines.get(5).contains("allowed by exception E-1"),
                lines.get(5));
        assertTrue(lines.get(6).startsWith("::error file=pom.xml,title=secure-build policy violation::"), lines.get(6));
        assertFalse(String.join("\n", lines).contains("CVE-2022-1471"), "a finding VEX cleared is not annotated");
    }

    @Test
    void theSummaryTablesTheBlockingFindingsWithTheirTextEscaped() {
        String md = FindingAnnotations.markdown(TestResults.failing(), "org.example:app", "target/secure-build/findings/report.html");

        assertTrue(md.startsWith("### check-findings `org.example:app`: failed\n\n"), md);
        assertTrue(md.contains("| Finding | Severity | Where | Tools | Why it blocks |"), md);
        assertTrue(md.contains("| CVE-2021-44228 | critical | `org.apache.logging.log4j:log4j-core:2.14.1` |"), md);
        assertTrue(md.endsWith("Every finding: `target/secure-build/findings/report.html`\n"), md);
        assertEquals(3, md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Finding") && !l.startsWith("| ---")).count());
    }
}
