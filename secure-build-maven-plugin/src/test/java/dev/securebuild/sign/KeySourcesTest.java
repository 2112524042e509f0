package dev.securebuild.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.signer.SigningException;

class KeySourcesTest {

    @TempDir
    Path folder;

    @Test
    void theEnvironmentComesFirstThenTheKeyFileThenTheServer() throws Exception {
        Path keyFile = Files.writeString(folder.resolve("file.asc"), "FILE");
        Path serverKey = Files.writeString(folder.resolve("server.asc"), "SERVER");
        KeySources.ServerKey server = new KeySources.ServerKey("release", serverKey.toString(), "server-pass");
        Map<String, String> env = Map.of("SECURE_BUILD_SIGNING_KEY", "ENV", "SECURE_BUILD_SIGNING_PASSPHRASE", "env-pass");

        KeySources.Material fromEnv = KeySources.resolve(env, keyFile, server);
        assertEquals("environment SECURE_BUILD_SIGNING_KEY", fromEnv.source());
        assertArrayEquals("env-pass".toCharArray(), fromEnv.passphrase());

        KeySources.Material fromFile = KeySources.resolve(Map.of(), keyFile, server);
        assertEquals("FILE", new String(fromFile.key()));
        assertArrayEquals("server-pass".toCharArray(), fromFile.passphrase(), "the server can hold the passphrase of a key file");

        KeySources.Material fromServer = KeySources.resolve(Map.of(), null, server);
        assertEquals("SERVER", new String(fromServer.key()));
        assertTrue(fromServer.source().contains("settings.xml server 'release'"));
        assertArrayEquals("server-pass".toCharArray(), fromServer.passphrase());

        assertNull(KeySources.resolve(Map.of("SECURE_BUILD_SIGNING_KEY", "  "), null, null), "a blank variable is no key");
    }

    @Test
    void problemsNameTheSourceAndNeverTheSecret() {
        SigningException missing = assertThrows(SigningException.class,
                () -> KeySources.resolve(Map.of(), folder.resolve("nope.asc"), null));
        assertTrue(missing.getMessage().contains("nope.asc does not exist"), missing.getMessage());

        SigningException noPrivateKey = assertThrows(SigningException.class,
                () -> KeySources.resolve(Map.of(), null, new KeySources.ServerKey("release", null, "s3cret")));
        assertTrue(noPrivateKey.getMessage().contains("'release' has no <privateKey>"), noPrivateKey.getMessage());
        assertTrue(!noPrivateKey.getMessage().contains("s3cret"));
        assertTrue(!new KeySources.ServerKey("release", "k", "s3cret").toString().contains("s3cret"));
    }

    @Test
    void anEnvironmentKeyThatOverridesAConfiguredOneIsSaid() {
        Map<String, String> env = Map.of("SECURE_BUILD_SIGNING_KEY", "ENV");
        assertTrue(KeySources.overridden(env, Path.of("k.asc"), null).orElseThrow().contains("over the configured keyFile k.asc"));
        assertTrue(KeySources.overridden(env, null, "release").orElseThrow().contains("serverId 'release'"));
        assertTrue(KeySources.overridden(env, null, null).isEmpty());
        assertTrue(KeySources.overridden(Map.of(), Path.of("k.asc"), null).isEmpty());
    }

}
