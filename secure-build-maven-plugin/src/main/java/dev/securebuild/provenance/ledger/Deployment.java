package dev.securebuild.provenance.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import dev.securebuild.shared.secrets.PublicProperties;
import dev.securebuild.shared.secrets.Redaction;

/**
 * What one ledger record says about one deployment: who, when, where, what, with which configuration, and the verdicts
 * of the other goals. Every value taken from properties or the environment is already redacted when it gets here:
 * {@link Configuration#of} is the only way in for them.
 */
public record Deployment(Instant time, Who who, Where where, List<Module> modules, Configuration configuration, Map<String, String> verdicts) {

    public Deployment {
        Objects.requireNonNull(time);
        Objects.requireNonNull(who);
        Objects.requireNonNull(where);
        modules = List.copyOf(modules);
        Objects.requireNonNull(configuration);
        verdicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
    }

    /**
     * Who deployed: the CI actor, else the operating-system user.
     *
     * @param name   the login or name
     * @param source where it came from: an environment variable's name, or {@code user.name}
     */
    public record Who(String name, String source) {

        /** The variables that name the person or bot a CI run acts for, in the order they are asked. */
        public static final List<String> CI_VARIABLES = List.of(
                "GITHUB_ACTOR",        // GitHub Actions
                "GITLAB_USER_LOGIN",   // GitLab CI
                "BUILD_USER_ID",       // Jenkins, build-user-vars plugin: the login
                "BUILD_USER");         // Jenkins, build-user-vars plugin: the display name

        public static Who of(Function<String, String> environment, String osUser) {
            for (String variable : CI_VARIABLES) {
                String value = environment.apply(variable);
                if (value != null && !value.isBlank()) {
                    return new Who(Redaction.redact(variable, value.strip()), variable);
                }
            }
            return new Who(Redaction.redact("user.name", osUser == null || osUser.isBlank() ? "unknown" : osUser), "user.name");
        }
    }

    /**
     * The repository deployed to.
     *
     * @param repositoryId its id (that of the settings.xml server holding its credentials)
     * @param url          its URL, credentials in it already withheld ({@link DeploymentRepository#redactUrl})
     */
    public record Where(String repositoryId, String url) {}

    /**
     * One module's deployed files.
     *
     * @param where      null when the module deploys where the record's {@code where} says (the usual case)
     * @param signingKey the fingerprint of the key that signed the module's files, null when it deployed no signatures
     * @param provenance the module's {@code <finalName>.intoto.jsonl}, null when there is none
     */
    public record Module(String groupId, String artifactId, String version, String packaging, List<DeployedFile> files,
                         String signingKey, NamedDigest provenance, Where where) {

        public Module {
            files = List.copyOf(files);
        }

        public String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /** A deployed file under its repository name, with its length and digests (lowercase hex). */
    public record DeployedFile(String name, long size, String sha256, String sha512) {}

    /** A file known by its name and SHA-256 (lowercase hex). */
    public record NamedDigest(String name, String sha256) {}

    /**
     * The configuration the build ran with, every value redacted.
     *
     * @param profiles       the active profiles' ids, sorted
     * @param userProperties every user property ({@code -Dname=value}) by name, sorted, the value only of public ones
     * @param environment    the named environment variables, sorted by name; null for a variable that is not set
     */
    public record Configuration(List<String> profiles, Map<String, String> userProperties, Map<String, String> environment) {

        public Configuration {
            profiles = List.copyOf(profiles);
            userProperties = java.util.Collections.unmodifiableMap(new TreeMap<>(userProperties));
            environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
        }

        /**
         * The configuration as it may be recorded: each user property by its name, its value only when
         * {@code publicProperties} lists it (and then through {@link Redaction#redact}); each named environment variable
         * through {@link Redaction#redact}; nothing from the environment that is not named.
         */
        public static Configuration of(Collection<String> profiles, Map<String, String> userProperties, PublicProperties publicProperties,
                                       Collection<String> environmentNames, Function<String, String> environment) {
            Map<String, String> properties = publicProperties.recordable(userProperties);
            Map<String, String> variables = new TreeMap<>();
            for (String name : environmentNames) {
                if (name != null && !name.isBlank()) {
                    String value = environment.apply(name.strip());
                    variables.put(name.strip(), value == null ? null : Redaction.redact(name.strip(), value));
                }
            }
            return new Configuration(new ArrayList<>(new TreeSet<>(profiles)), properties, variables);
        }
    }
}
