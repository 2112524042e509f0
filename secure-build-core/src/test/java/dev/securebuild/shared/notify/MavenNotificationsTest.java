package dev.securebuild.shared.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Properties;

import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

class MavenNotificationsTest {

    private static Server server(String id, String password) {
        Server server = new Server();
        server.setId(id);
        server.setPassword(password);
        return server;
    }

    private static MavenSession session(Properties user, Properties system, Server... servers) {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(user);
        request.setSystemProperties(system);
        for (Server server : servers) {
            request.addServer(server);
        }
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, new DefaultRepositorySystemSession(), request, new DefaultMavenExecutionResult());
        return session;
    }

    private static MavenProject project(Properties pom) {
        Model model = new Model();
        model.setProperties(pom);
        return new MavenProject(model);
    }

    /** A decrypter that "decrypts" {x} to x, as Maven's does for passwords written with mvn --encrypt-password. */
    private static final SettingsDecrypter UNBRACES = request -> {
        Server decrypted = request.getServers().get(0).clone();
        String password = decrypted.getPassword();
        decrypted.setPassword(password.startsWith("{") ? password.substring(1, password.length() - 1) : password);
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return decrypted;
            }

            @Override
            public List<Server> getServers() {
                return List.of(decrypted);
            }

            @Override
            public org.apache.maven.settings.Proxy getProxy() {
                return null;
            }

            @Override
            public List<org.apache.maven.settings.Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return List.of();
            }
        };
    };

    @Test
    void theUrlComesFromTheSettingsServerDecryptedWithMavensDecrypter() {
        Properties none = new Properties();
        MavenSession session = session(none, none, server(NotifyTargets.SERVER_ID, "{https://hooks.example.com/T/B/secret}"));

        NotifyTargets targets = new NotifyTargets(MavenNotifications.sources(session, project(none), UNBRACES));
        assertEquals(List.of("https://hooks.example.com/T/B/secret"), targets.of(NotifyKind.BLOCKED).urls());

        // Without a decrypter (a part of the build that has none), an encrypted password is not taken for the URL.
        NotifyTargets.Sources without = MavenNotifications.sources(session, project(none), null);
        assertNull(without.serverPassword(NotifyTargets.SERVER_ID));
        assertEquals(List.of(), new NotifyTargets(without).of(NotifyKind.BLOCKED).urls());
    }

    @Test
    void minusDTheEnvironmentMavenStartedWithAndThePomAreReadFromTheSession() {
        Properties user = new Properties();
        user.setProperty(NotifyTargets.URL_PROPERTY, "https://from-d.example.com/x");
        Properties system = new Properties();
        system.setProperty("env.CHAT_HOOK", "https://from-env.example.com/y");
        Properties pom = new Properties();
        pom.setProperty(NotifyKind.EXPIRING.property(), "env:CHAT_HOOK");
        NotifyTargets targets = new NotifyTargets(MavenNotifications.sources(session(user, system), project(pom), null));

        assertEquals(List.of("https://from-d.example.com/x"), targets.of(NotifyKind.BLOCKED).urls());
        assertEquals(List.of("https://from-env.example.com/y"), targets.of(NotifyKind.EXPIRING).urls());
    }
}
