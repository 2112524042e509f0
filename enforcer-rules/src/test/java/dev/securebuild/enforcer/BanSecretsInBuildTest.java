package dev.securebuild.enforcer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.secrets.SecretValues;

class BanSecretsInBuildTest {

    private static final String TOKEN = "glpat-" + "Zq4Wm8".repeat(4);
    private static final String PARENT_PASSWORD = "parent-password-in-plain-sight";
    private static final String CONFIG_PASSWORD = "maven-config-password";
    private static final String RESOURCE_SECRET = "resource-secret-value";

    @TempDir
    Path root;

    private final List<String> log = new ArrayList<>();

    @Test
    void reportsEachFileOfTheBuildWithLineAndMaskedValueAndNeverTheValue() throws Exception {
        BanSecretsInBuild rule = rule(module());
        set(rule, "includes", List.of("src/main/resources/*.properties"));

        EnforcerRuleException failure = assertThrows(EnforcerRuleException.class, rule::execute);

        String message = failure.getMessage();
        assertFalse(failure instanceof EnforcerRuleError);
        assertTrue(message.startsWith("4 secret(s) in the build files of it:module:jar:1.0:\n"), message);
        assertTrue(message.contains("\n  module/pom.xml:3:19: GitLab token glpa****(30 chars) in <gitlab.token>\n"), message);
        assertTrue(message.contains("\n  pom.xml:2:13: password in plain text ****(30 chars) in <password>\n"), message);
        assertTrue(message.contains("\n  .mvn/maven.config:1:22: password in plain text ****(21 chars) in deploy.password\n"), message);
        assertTrue(message.contains("\n  module/src/main/resources/app.properties:1:12: password in plain text ****(21 chars) in app.secret"
                + "\nMove each one out of the build files"), message);
        // One security event, with the findings as printed: masked.
        List<String> events = Files.readAllLines(root.resolve("module/target/secure-build/security-events.jsonl"));
        assertEquals(1, events.size());
        assertTrue(events.get(0).contains("\"type\":\"secrets.found\",\"secrets\":4,\"files\":\"module/pom.xml, pom.xml, .mvn/maven.config,"
                + " module/src/main/resources/app.properties\",\"failsBuild\":true,"), events.get(0));
        for (String secret : List.of(TOKEN, PARENT_PASSWORD, CONFIG_PASSWORD, RESOURCE_SECRET)) {
            assertFalse(message.contains(secret), message);
            assertFalse(String.join("\n", log).contains(secret));
            assertFalse(events.get(0).contains(secret), events.get(0));
        }
    }

    @Test
    void allowedSecretsAreLoggedWithTheirReasonAndUnusedEntriesWarned() throws Exception {
        BanSecretsInBuild rule = rule(module());
        set(rule, "allowed", List.of(
                new AllowedSecret("module/pom.xml", null, SecretValues.fingerprint(TOKEN), "a revoked token kept for the docs"),
                new AllowedSecret("pom.xml", "<password>", null, "the parent's test server"),
                new AllowedSecret(".mvn/*", null, SecretValues.fingerprint(CONFIG_PASSWORD), "a throwaway password"),
                new AllowedSecret("*.properties", null, SecretValues.fingerprint("nothing"), "left over")));

        rule.execute();

        assertTrue(log.contains("INFO module/pom.xml:3:19: GitLab token glpa****(30 chars) in <gitlab.token> allowed: "
                + "a revoked token kept for the docs"), log::toString);
        assertTrue(log.stream().anyMatch(line -> line.startsWith("WARN allowed secret file *.properties") && line.contains("matched nothing")),
                log::toString);
    }

    @Test
    void aParentOutsideTheRepositoryIsNotScanned() throws Exception {
        MavenProject module = module();
        Path outside = Files.createTempDirectory("outside");
        Path external = Files.write(outside.resolve("pom.xml"), List.of("<password>" + PARENT_PASSWORD + "</password>"));
        MavenProject externalParent = new MavenProject();
        externalParent.setFile(external.toFile());
        module.getParent().setParent(externalParent);
        BanSecretsInBuild rule = rule(module);
        set(rule, "allowed", List.of(new AllowedSecret("**", null, SecretValues.fingerprint(PARENT_PASSWORD), "checked: outside")));

        EnforcerRuleException failure = assertThrows(EnforcerRuleException.class, rule::execute);

        assertTrue(failure.getMessage().startsWith("2 secret(s)"), failure.getMessage());
        assertTrue(log.stream().anyMatch(line -> line.startsWith("INFO pom.xml:2:13")), log::toString);
    }

    @Test
    void aBrokenAllowListStopsTheBuild() throws Exception {
        BanSecretsInBuild rule = rule(module());
        set(rule, "allowed", List.of(new AllowedSecret("pom.xml", null, SecretValues.fingerprint(TOKEN), null)));

        EnforcerRuleException error = assertThrows(EnforcerRuleException.class, rule::execute);

        assertInstanceOf(EnforcerRuleError.class, error);
        assertTrue(error.getMessage().contains("has no <reason>"), error.getMessage());
    }

    @Test
    void anIncludeOutsideTheProjectIsAnError() throws Exception {
        BanSecretsInBuild rule = rule(module());
        set(rule, "includes", List.of("../*.properties"));

        assertInstanceOf(EnforcerRuleError.class, assertThrows(EnforcerRuleException.class, rule::execute));
    }

    @Test
    void aLinkedFileInTheIncludesIsNotFollowedAndNotPassedAsClean() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("shadow"), "root:" + PARENT_PASSWORD);
        MavenProject module = module();
        Files.createSymbolicLink(root.resolve("module/src/main/resources/linked.properties"), outside.resolve("shadow"));
        BanSecretsInBuild rule = rule(module);
        set(rule, "includes", List.of("src/main/resources/*.properties"));

        EnforcerRuleException error = assertThrows(EnforcerRuleException.class, rule::execute);

        assertInstanceOf(EnforcerRuleError.class, error);
        assertTrue(error.getMessage().startsWith("banSecretsInBuild: src/main/resources/linked.properties (for src/main/resources/*.properties)"
                + " is a symbolic link: the rule does not follow links out of the project, so the file was not scanned"), error.getMessage());
        assertFalse(error.getMessage().contains(PARENT_PASSWORD));
    }

    @Test
    void aLinkedFolderOnTheWayOfAnIncludeIsNotEntered() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("app.properties"), "app.secret=" + RESOURCE_SECRET);
        MavenProject module = module();
        Files.createSymbolicLink(root.resolve("module/conf"), outside);
        Files.createSymbolicLink(root.resolve("module/src/loop"), root.resolve("module/src"));

        BanSecretsInBuild viaLink = rule(module);
        set(viaLink, "includes", List.of("conf/*.properties"));
        EnforcerRuleException error = assertThrows(EnforcerRuleException.class, viaLink::execute);
        assertInstanceOf(EnforcerRuleError.class, error);
        assertTrue(error.getMessage().startsWith("banSecretsInBuild: conf (for conf/*.properties) is a symbolic link"), error.getMessage());

        // A glob over the whole tree meets the linked folder and the loop as links, whose names it does not match: never
        // entered, so only the project's own app.properties is found.
        BanSecretsInBuild everything = rule(module);
        set(everything, "includes", List.of("**/*.properties"));
        String all = assertThrows(EnforcerRuleException.class, everything::execute).getMessage();
        assertTrue(all.contains("module/src/main/resources/app.properties:1:12"), all);
        assertFalse(all.contains("conf/app.properties"), all);
        assertFalse(all.contains("loop"), all);
    }

    @Test
    void aCleanFileIsScannedOncePerBuildAndAFileWithFindingsByEveryModule() throws Exception {
        MavenProject module = module();
        MavenSession session = session();
        assertThrows(EnforcerRuleException.class, rule(module, session)::execute);
        Path config = root.resolve(".mvn/maven.config");
        write(config, "-B -Dsizeof=abc1");
        assertThrows(EnforcerRuleException.class, rule(module, session)::execute);
        // The same size and time as the clean file scanned before: taken as that file, not read again.
        java.nio.file.attribute.FileTime scanned = Files.getLastModifiedTime(config);
        write(config, "-B -Dpassword=x1");
        Files.setLastModifiedTime(config, scanned);

        String second = assertThrows(EnforcerRuleException.class, rule(module, session)::execute).getMessage();

        assertTrue(second.startsWith("2 secret(s) in the build files of it:module:jar:1.0:\n"), second);
        assertTrue(second.contains("pom.xml:2:13: password in plain text"), "the parent has findings: scanned again, " + second);
        assertFalse(second.contains(".mvn/maven.config"), second);
        String fresh = assertThrows(EnforcerRuleException.class, rule(module, session())::execute).getMessage();
        assertTrue(fresh.contains(".mvn/maven.config:1:15: password in plain text"), "another build reads it: " + fresh);
    }

    /** root/pom.xml (a parent with a password), root/.mvn/maven.config, root/module/pom.xml with a token, a resource. */
    private MavenProject module() throws IOException {
        Path parentPom = write(root.resolve("pom.xml"), "<project>", "  <password>" + PARENT_PASSWORD + "</password>", "</project>");
        write(root.resolve(".mvn/maven.config"), "-B -Ddeploy.password=" + CONFIG_PASSWORD);
        Path modulePom = write(root.resolve("module/pom.xml"), "<project>", "  <properties>",
                "    <gitlab.token>" + TOKEN + "</gitlab.token>", "  </properties>", "</project>");
        write(root.resolve("module/src/main/resources/app.properties"), "app.secret=" + RESOURCE_SECRET);
        write(root.resolve("module/src/main/resources/other.txt"), "app.secret=not-included");

        MavenProject parent = new MavenProject();
        parent.setFile(parentPom.toFile());
        MavenProject module = new MavenProject();
        module.setGroupId("it");
        module.setArtifactId("module");
        module.setVersion("1.0");
        module.setFile(modulePom.toFile());
        module.getBuild().setDirectory(root.resolve("module/target").toString());
        module.setParent(parent);
        return module;
    }

    @Test
    void whatTheRuleLogsHoldsNoSecretTheBuildKnows() {
        MavenSession session = session();
        session.getUserProperties().setProperty("deploy.password", "a-long-deploy-password");
        BanSecretsInBuild rule = rule(new MavenProject(), session);

        rule.getLog().warn("allowed secret matched nothing: a-long-deploy-password");
        rule.getLog().info(() -> "again a-long-deploy-password");

        assertEquals(List.of("WARN allowed secret matched nothing: [redacted]", "INFO again [redacted]"), log.subList(log.size() - 2, log.size()));
    }

    private BanSecretsInBuild rule(MavenProject project) {
        return rule(project, session());
    }

    private MavenSession session() {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setMultiModuleProjectDirectory(root.toFile());
        return new MavenSession(null, new DefaultRepositorySystemSession(), request, new DefaultMavenExecutionResult());
    }

    private BanSecretsInBuild rule(MavenProject project, MavenSession session) {
        BanSecretsInBuild rule = new BanSecretsInBuild(project, session);
        rule.setLog(new RecordingLog(log));
        return rule;
    }

    private static Path write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }

    /** As Maven's configurator does: straight into the field. */
    private static void set(Object rule, String field, Object value) throws ReflectiveOperationException {
        Field f = BanSecretsInBuild.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(rule, value);
    }

    private static final class RecordingLog implements EnforcerLogger {
        private final List<String> lines;

        RecordingLog(List<String> lines) {
            this.lines = lines;
        }

        private void add(String level, CharSequence text) {
            lines.add(level + " " + text);
        }

        @Override
        public void warnOrError(CharSequence message) {
            add("WARN", message);
        }

        @Override
        public void warnOrError(Supplier<CharSequence> message) {
            add("WARN", message.get());
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public void debug(CharSequence message) {
            add("DEBUG", message);
        }

        @Override
        public void debug(Supplier<CharSequence> message) {
            add("DEBUG", message.get());
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public void info(CharSequence message) {
            add("INFO", message);
        }

        @Override
        public void info(Supplier<CharSequence> message) {
            add("INFO", message.get());
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public void warn(CharSequence message) {
            add("WARN", message);
        }

        @Override
        public void warn(Supplier<CharSequence> message) {
            add("WARN", message.get());
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public void error(CharSequence message) {
            add("ERROR", message);
        }

        @Override
        public void error(Supplier<CharSequence> message) {
            add("ERROR", message.get());
        }
    }
}
