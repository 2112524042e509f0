package dev.securebuild.shared.notify;

import java.util.Properties;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import dev.securebuild.shared.ci.CiEnvironment;
import dev.securebuild.shared.events.EventLog;
import dev.securebuild.shared.text.LogSink;

/**
 * The notifier of a Maven build, for the plugin's goals and the Enforcer rules alike: targets read from the build's
 * {@code -D} properties, the project's POM properties, the environment Maven started with and settings.xml servers.
 */
public final class MavenNotifications {

    private MavenNotifications() {}

    /**
     * @param decrypter decrypts a server's password written with {@code mvn --encrypt-password}; null when the caller
     *                  has none (then such a password is not used, and the message says why)
     */
    public static EventLog.Listener of(MavenSession session, MavenProject project, SettingsDecrypter decrypter, LogSink log) {
        if (CiEnvironment.isRebuild(session)) {
            return (events, type, fields, about, message, line) -> { }; // the build that started it notifies
        }
        return Notifier.of(new NotifyTargets(sources(session, project, decrypter)), log);
    }

    static NotifyTargets.Sources sources(MavenSession session, MavenProject project, SettingsDecrypter decrypter) {
        Properties user = session.getUserProperties();
        Properties system = session.getSystemProperties();
        Properties pom = project == null ? null : project.getProperties();
        return new NotifyTargets.Sources() {
            @Override
            public String userProperty(String name) {
                return user == null ? null : user.getProperty(name);
            }

            @Override
            public String pomProperty(String name) {
                return pom == null ? null : pom.getProperty(name);
            }

            @Override
            public String variable(String name) {
                String value = system == null ? null : system.getProperty("env." + name);
                return value != null ? value : System.getenv(name);
            }

            @Override
            public String serverPassword(String id) {
                Server server = session.getSettings() == null ? null : session.getSettings().getServer(id);
                if (server == null || server.getPassword() == null) {
                    return null;
                }
                if (decrypter == null) {
                    String password = server.getPassword().strip();
                    return password.startsWith("{") && password.endsWith("}") ? null : password; // encrypted: not readable here
                }
                SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
                return decrypted.getServer() == null ? null : decrypted.getServer().getPassword();
            }
        };
    }
}
