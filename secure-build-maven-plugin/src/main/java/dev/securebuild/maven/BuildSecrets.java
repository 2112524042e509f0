package dev.securebuild.maven;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.SessionData;

import dev.securebuild.shared.secrets.KnownSecrets;

/**
 * Feeds the build's {@link KnownSecrets} from what the plugin's realm sees: secret-named environment variables, user and
 * system properties (as the Enforcer rules do), and the password, passphrase and private key of every settings.xml
 * server, as written and decrypted. Each source is read once per build; the signing key's material is added where it
 * is loaded ({@link MavenSigningKeys}).
 */
@Named
@Singleton
public class BuildSecrets {

    private final SettingsDecrypter settingsDecrypter;

    @Inject
    public BuildSecrets(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    SettingsDecrypter settingsDecrypter() {
        return settingsDecrypter;
    }

    /** The build's secret values; {@link KnownSecrets#NONE} without a session (a goal run outside Maven). */
    public KnownSecrets of(MavenSession session) {
        if (session == null || session.getRepositorySession() == null) {
            return KnownSecrets.NONE;
        }
        SessionData data = session.getRepositorySession().getData();
        KnownSecrets secrets = KnownSecrets.ofBuild(data, "plugin", System.getenv(), session.getUserProperties(), session.getSystemProperties());
        if (KnownSecrets.firstTime(data, "plugin-settings") && session.getSettings() != null) {
            for (Server server : session.getSettings().getServers()) {
                addServer(secrets, server);
                SettingsDecryptionResult decrypted = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
                // A server that cannot be decrypted is reported by the goal that uses it; its text as written is kept above.
                if (decrypted.getServer() != null) {
                    addServer(secrets, decrypted.getServer());
                }
            }
        }
        return secrets;
    }

    private static void addServer(KnownSecrets secrets, Server server) {
        secrets.add(server.getPassword()).add(server.getPassphrase());
        if (server.getPrivateKey() != null && server.getPrivateKey().contains("PRIVATE KEY")) {
            secrets.add(server.getPrivateKey()); // the key itself, not a path to it
        }
    }
}
