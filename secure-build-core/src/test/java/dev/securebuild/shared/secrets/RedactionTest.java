package dev.securebuild.shared.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String GITHUB_TOKEN = "ghp_" + "aB3dE5gH7jK9".repeat(3);

    @Test
    void namesThatHoldSecretsAreWithheldWhole() {
        for (String name : new String[] {"GITHUB_TOKEN", "gpg.passphrase", "deploy.password", "AWS_SECRET_ACCESS_KEY", "SIGNING_KEY",
                "SECURE_BUILD_PKCS11_PIN", "NPM_AUTH_TOKEN", "sonar.login.token", "DB_PWD", "apiKey", "api-key", "private_key", "CREDENTIALS"}) {
            assertTrue(Redaction.isSecretName(name), name);
            assertEquals(Redaction.REDACTED, Redaction.redact(name, "anything"), name);
        }
        for (String name : new String[] {"JAVA_HOME", "maven.compiler.release", "skipTests", "GITHUB_ACTOR", "keystore.type.default", "author",
                "monkey.business", "PWD", "OLDPWD", "env.PWD"}) {
            assertFalse(Redaction.isSecretName(name), name);
        }
    }

    @Test
    void secretLookingPiecesOfOtherValuesAreReplacedAndTheRestKept() {
        assertEquals("-Xmx1g -Dgpg.passphrase=[redacted] -Dx=1", Redaction.redact("MAVEN_OPTS", "-Xmx1g -Dgpg.passphrase=hunter22 -Dx=1"));
        assertEquals("https://deployer:[redacted]@repo.example.com/releases",
                Redaction.redact("altDeploymentRepository", "https://deployer:s3cret-pw@repo.example.com/releases"));
        assertEquals("token [redacted] here", Redaction.redact("note", "token " + GITHUB_TOKEN + " here"));
        assertEquals("release", Redaction.redact("profile", "release"));
        assertEquals("${env.DEPLOY_PASSWORD}", Redaction.redact("server", "${env.DEPLOY_PASSWORD}"));
        assertEquals(Redaction.REDACTED, Redaction.redact("KEY_FILE_CONTENT", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxyz\n-----END PGP PRIVATE KEY BLOCK-----"));
        assertEquals("line one\n[redacted]\n", Redaction.redactPieces("line one\n" + GITHUB_TOKEN + "\n"));
    }
}
