package dev.securebuild.enforcer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.enforcer.rule.api.EnforcerLevel;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

import dev.securebuild.enforcer.internal.RedactingEnforcerLogger;
import dev.securebuild.enforcer.internal.RuleEvents;
import dev.securebuild.shared.ci.CiOutput;
import dev.securebuild.shared.ci.WorkflowCommand;
import dev.securebuild.shared.session.SessionCache;
import dev.securebuild.shared.secrets.AllowList;
import dev.securebuild.shared.secrets.SecretFinding;
import dev.securebuild.shared.secrets.SecretScanner;
import dev.securebuild.shared.io.Globs;
import dev.securebuild.shared.io.Links;
import dev.securebuild.shared.text.Printable;

/**
 * Fails when the files that define the build hold something that looks like a secret: the POM, its parents in the same
 * repository, {@code .mvn/maven.config}, {@code .mvn/jvm.config}, {@code .mvn/extensions.xml} and configured
 * {@code includes}. Values are reported masked: the secret never reaches the log.
 */
@Named("banSecretsInBuild")
public class BanSecretsInBuild extends AbstractEnforcerRule {

    private static final String CLEAN_FILES_KEY = BanSecretsInBuild.class.getName() + ".cleanFiles";
    private static final List<String> MVN_FILES = List.of(".mvn/maven.config", ".mvn/jvm.config", ".mvn/extensions.xml");

    /** Further files, as globs relative to the project's folder ({@code src/main/resources/*.properties}). */
    private List<String> includes = new ArrayList<>();
    /** Known false positives, each with a reason. */
    private List<AllowedSecret> allowed = new ArrayList<>();
    /** Also report random-looking strings (off by default: it finds checksums and ids too). */
    private boolean highEntropy;
    /** Bits per character above which a string counts as random (base64 alphabet; hex 1.5 bits less). */
    private double entropyThreshold = SecretScanner.DEFAULT_ENTROPY_THRESHOLD;

    private final MavenProject project;
    private final MavenSession session;

    @Inject
    public BanSecretsInBuild(MavenProject project, MavenSession session) {
        this.project = project;
        this.session = session;
    }

    /** The Enforcer's log without the build's secret values (shared with the plugin's goals). */
    @Override
    public EnforcerLogger getLog() {
        return new RedactingEnforcerLogger(super.getLog(), RuleEvents.secrets(session));
    }

    @Override
    public void execute() throws EnforcerRuleException {
        AllowList allowList = allowList();
        Path root = repositoryRoot();
        SecretScanner scanner = new SecretScanner(allowList, highEntropy, entropyThreshold);
        List<SecretFinding> findings = new ArrayList<>();
        Map<Path, String> files = filesToScan(root);
        Map<String, Boolean> cleanFiles = SessionCache.map(session.getRepositorySession().getData(), CLEAN_FILES_KEY);
        for (Map.Entry<Path, String> file : files.entrySet()) {
            try {
                // A parent POM or .mvn/ file that every module shares is scanned once per build while it stays clean; a
                // file with findings is scanned by each module, so that each applies its own allow-list.
                String cleanKey = file.getKey() + "|" + Files.size(file.getKey()) + "|" + Files.getLastModifiedTime(file.getKey()).toMillis()
                        + "|" + highEntropy + "|" + entropyThreshold;
                if (cleanFiles.containsKey(cleanKey)) {
                    continue;
                }
                List<SecretFinding> found = scanner.scan(file.getKey(), file.getValue());
                if (found.isEmpty()) {
                    cleanFiles.put(cleanKey, Boolean.TRUE);
                }
                findings.addAll(found);
            } catch (IOException e) {
                throw new EnforcerRuleError("cannot read " + file.getValue() + " to look for secrets: " + e.getMessage(), e);
            }
        }
        List<SecretFinding> blocking = new ArrayList<>();
        for (SecretFinding finding : findings) {
            if (finding.allowed()) {
                getLog().info(finding + " allowed: " + finding.allowedBy().reason());
            } else {
                blocking.add(finding);
            }
        }
        for (AllowList.Entry unused : allowList.unused()) {
            getLog().warn("allowed secret " + unused + " matched nothing in " + project.getId() + ": remove it if it is no longer needed");
        }
        if (!blocking.isEmpty()) {
            annotate(blocking, root);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("secrets", blocking.size());
            fields.put("files", blocking.stream().map(SecretFinding::file).distinct().collect(Collectors.joining(", ")));
            fields.put("failsBuild", getLevel() != EnforcerLevel.WARN);
            // The findings as they are printed: file, line, kind and the masked value, never the value.
            RuleEvents.append(session, project, "secrets.found", fields, blocking.stream().map(SecretFinding::toString)
                    .collect(Collectors.joining("; ")), message -> getLog().warn(message));
            throw new EnforcerRuleException(blocking.size() + " secret(s) in the build files of " + project.getId() + ":\n  "
                    + blocking.stream().map(SecretFinding::toString).collect(Collectors.joining("\n  "))
                    + "\nMove each one out of the build files (an environment variable read as ${env.NAME}, or ~/.m2/settings.xml"
                    + " encrypted with mvn --encrypt-password) and revoke it: it is in the history. A false positive goes into"
                    + " <allowed> with its file, its fingerprint (printf %s 'value' | sha256sum) and a reason.");
        }
        getLog().debug("no secrets in " + files.size() + " build file(s) of " + project.getId());
    }

    /** In GitHub Actions, each secret at its file, line and column: the kind and the masked value, never the value. */
    private void annotate(List<SecretFinding> blocking, Path root) {
        CiOutput ci = CiOutput.of(session, RuleEvents.secrets(session));
        if (!ci.annotates()) {
            return;
        }
        WorkflowCommand.Level level = getLevel() == EnforcerLevel.WARN ? WorkflowCommand.Level.WARNING : WorkflowCommand.Level.ERROR;
        List<WorkflowCommand> commands = new ArrayList<>();
        for (SecretFinding finding : blocking) {
            commands.add(ci.at(WorkflowCommand.of(level, finding.kind().label() + " " + finding.masked() + (finding.where() == null ? ""
                    : " in " + finding.where()) + ": move it out of the build files and revoke it, it is in the history")
                    .titled("secure-build banSecretsInBuild"), root.resolve(finding.file()), finding.line()));
        }
        ci.annotate(commands, "the build log of " + project.getId());
    }

    private AllowList allowList() throws EnforcerRuleError {
        List<AllowList.Entry> entries = new ArrayList<>();
        for (AllowedSecret secret : allowed) {
            try {
                entries.add(new AllowList.Entry(secret.file(), secret.lineContains(), secret.fingerprint(), secret.reason()));
            } catch (IllegalArgumentException e) {
                throw new EnforcerRuleError("banSecretsInBuild: " + e.getMessage());
            }
        }
        if (!(entropyThreshold > 0 && entropyThreshold <= 8)) {
            throw new EnforcerRuleError("banSecretsInBuild: entropyThreshold " + entropyThreshold + " is not between 0 and 8 bits per character");
        }
        return new AllowList(entries);
    }

    /** The folder of the whole build: parents outside it are someone else's POMs, from a repository. */
    private Path repositoryRoot() {
        File multiModule = session.getRequest().getMultiModuleProjectDirectory();
        String root = multiModule != null ? multiModule.getPath() : session.getExecutionRootDirectory();
        if (root == null) {
            root = project.getBasedir().getPath();
        }
        return normalized(Path.of(root));
    }

    /** Each file once, in a stable order, with its name relative to the root. */
    private Map<Path, String> filesToScan(Path root) throws EnforcerRuleError {
        Map<Path, String> files = new LinkedHashMap<>();
        if (project.getFile() != null) {
            add(files, root, project.getFile().toPath());
        }
        for (MavenProject parent = project.getParent(); parent != null && parent.getFile() != null; parent = parent.getParent()) {
            Path pom = normalized(parent.getFile().toPath());
            if (!pom.startsWith(root)) {
                break;
            }
            add(files, root, pom);
        }
        for (String name : MVN_FILES) {
            Path file = root.resolve(name);
            if (Links.exists(file) && !Links.isFolder(file)) {
                add(files, root, notALink(root, file, name));
            }
        }
        Path basedir = normalized(project.getBasedir().toPath());
        for (String include : includes) {
            List<Path> matched = matching(basedir, include);
            if (matched.isEmpty()) {
                getLog().debug("banSecretsInBuild: no file matches include " + include + " in " + basedir);
            }
            matched.forEach(file -> add(files, root, file));
        }
        return files;
    }

    private static void add(Map<Path, String> files, Path root, Path file) {
        Path path = normalized(file);
        String name = (path.startsWith(root) ? root.relativize(path) : path).toString().replace(File.separatorChar, '/');
        files.putIfAbsent(path, name);
    }

    /** The files under {@code basedir} that the glob matches ({@link Globs}: the same syntax as check-findings' reports). */
    static List<Path> matching(Path basedir, String glob) throws EnforcerRuleError {
        String pattern = glob.trim().replace('\\', '/');
        if (pattern.isEmpty() || pattern.startsWith("/") || pattern.contains("..")) {
            throw new EnforcerRuleError("banSecretsInBuild: include '" + glob + "' must be a glob relative to the project folder");
        }
        Globs matcher;
        try {
            matcher = Globs.compile(basedir, pattern);
        } catch (PatternSyntaxException e) {
            throw new EnforcerRuleError("banSecretsInBuild: include '" + glob + "' is not a glob: " + e.getDescription());
        }
        Path start = matcher.root();
        if (!Links.exists(start)) {
            return List.of();
        }
        notALink(basedir, start, glob);
        if (!Links.isFolder(start)) {
            return List.of();
        }
        List<Path> matched = new ArrayList<>();
        try {
            for (Path file : Links.filesAndLinks(start)) {
                if (matcher.matches(file)) {
                    matched.add(notALink(basedir, file, glob));
                }
            }
        } catch (IOException e) {
            throw new EnforcerRuleError("banSecretsInBuild: cannot list the files of include '" + Printable.of(glob) + "': "
                    + Printable.of(e.getMessage()), e);
        }
        return matched;
    }

    /**
     * A link is not followed out of the project, and a file that is not read is not passed as clean: the rule stops,
     * naming it. The build would read what the link points to, so it must be checked or left out.
     */
    private static Path notALink(Path base, Path file, String what) throws EnforcerRuleError {
        Path link = Links.firstLinkBelow(base, file);
        if (link != null) {
            throw new EnforcerRuleError("banSecretsInBuild: " + Printable.of(base.relativize(normalized(link)).toString())
                    + " (for " + Printable.of(what) + ") is a symbolic link: the rule does not follow links out of the project, "
                    + "so the file was not scanned for secrets. Put the file itself there, or leave it out of <includes>");
        }
        return file;
    }

    private static Path normalized(Path path) {
        return path.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return "BanSecretsInBuild[includes=" + includes + ", allowed=" + allowed.size() + ", highEntropy=" + highEntropy + "]";
    }
}
