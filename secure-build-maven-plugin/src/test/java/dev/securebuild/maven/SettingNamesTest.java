package dev.securebuild.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Token;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Uri;
import dev.securebuild.sign.SignerChoice;
import dev.securebuild.sign.SigningRequest;

class SettingNamesTest {

    @Test
    void everySettingHasItsOwnElementAndProperty() {
        Set<String> elements = new HashSet<>();
        Set<String> properties = new HashSet<>();
        for (Setting setting : Setting.values()) {
            SettingNames.Names names = SettingNames.TABLE.get(setting);
            assertNotNull(names, setting.name());
            assertTrue(names.property().startsWith("secure-build."), names.property());
            assertTrue(elements.add(names.element()), names.element());
            assertTrue(properties.add(names.property()), names.property());
        }
    }

    @Test
    void theMessageNamesTheElementAndTheProperty() {
        for (Setting setting : Setting.values()) {
            SettingNames.Names names = SettingNames.TABLE.get(setting);
            String message = SettingNames.message(InvalidSettingException.about(setting, "set " + setting.mentionElement()
                    + " (-D" + setting.mentionProperty() + ") or " + setting.mention(), null));
            assertEquals("set " + names.element() + " (-D" + names.property() + ") or " + names.usual(), message);
            assertTrue(message.contains(names.property()), message);
        }
        assertEquals("keyFingerprint (-Dsecure-build.keyFingerprint)", SettingNames.TABLE.get(Setting.KEY_FINGERPRINT).usual());
        assertEquals("secure-build.pkcs11.library", SettingNames.TABLE.get(Setting.PKCS11_LIBRARY).usual());
    }

    @Test
    void theMavenErrorKeepsTheTypedOneAsItsCause() {
        InvalidSettingException e = InvalidSettingException.invalid(Setting.PKCS11_KEY_ID, "zz", "hex", null);
        MojoExecutionException failure = SettingNames.failure(e);
        assertEquals("secure-build.pkcs11.keyId is 'zz': expected hex", failure.getMessage());
        InvalidSettingException cause = assertInstanceOf(InvalidSettingException.class, failure.getCause());
        // Maven's log appends a cause's message unless the message holds it already: the cause reads the same.
        assertEquals(failure.getMessage(), cause.getMessage());
        assertEquals(Setting.PKCS11_KEY_ID, cause.setting());
        assertEquals("zz", cause.shownValue());
        assertArrayEquals(e.getStackTrace(), cause.getStackTrace());

        IllegalStateException original = new IllegalStateException("why");
        assertSame(original, SettingNames.failure(InvalidSettingException.unusable(Setting.PKCS11_URI, "why", original)).getCause().getCause());
    }

    /** What users saw before the errors were typed, word for word. */
    @Test
    void theMessagesReadAsTheyAlwaysHave() {
        assertEquals("secure-build.pkcs11.keyId is 'zz': expected the key's CKA_ID in hex, such as 01 or 0a:1b",
                message(() -> Pkcs11Token.parseKeyId("zz")));
        assertEquals("secure-build.pkcs11.uri cannot be used: token is release but secure-build.pkcs11.tokenLabel is staging: give it once, "
                + "or the same in both", message(() -> Pkcs11Uri.parse("pkcs11:token=release").merge(null, "staging", null, null, null)));
        assertEquals("secure-build.pkcs11.uri cannot be used: it does not start with pkcs11:", message(() -> Pkcs11Uri.parse("token=x")));

        Map<String, String> environment = new HashMap<>();
        SignerChoice choice = new SignerChoice(environment, null);
        assertEquals("A passphrase was given as parameter 'passphrase' (in the POM or with -Dsecure-build.passphrase, where every reader "
                + "of the POM or the process list sees it); it was not used. Put it in environment SECURE_BUILD_SIGNING_PASSPHRASE, or in the "
                + "<passphrase> of a settings.xml <server> named by serverId (encrypted with mvn --encrypt-password).",
                message(() -> choice.choose(new SigningRequest("pgp", null, null, null, true, null))));
        assertEquals("secure-build.signer is 'gpg': expected pgp (an OpenPGP key file, the default) or pkcs11 (a key on a PKCS#11 token)",
                message(() -> choice.choose(new SigningRequest("gpg", null, null, null, false, null))));
        assertEquals("secure-build.pkcs11.keyCreated is not set: the OpenPGP key of a token key needs a fixed creation time (ISO-8601, "
                + "such as 2026-01-15T10:00:00Z), so that its fingerprint is the same in every build",
                message(() -> choice.choose(new SigningRequest("pkcs11", null, null, null, false, null))));
        environment.put(SignerChoice.PIN_VARIABLE, "1234");
        assertEquals("secure-build.signer is pkcs11 and no module is given: set secure-build.pkcs11.library (parameter pkcs11Library, or "
                + "module-path in secure-build.pkcs11.uri) to the token's PKCS#11 library, such as /usr/lib/softhsm/libsofthsm2.so",
                message(() -> choice.choose(new SigningRequest("pkcs11", null, null, null, false,
                        new SigningRequest.Pkcs11(null, null, null, "k", null, null, "2026-01-15T10:00:00Z", null)))));
        environment.clear();
        assertEquals("No PIN for the PKCS#11 token: set environment SECURE_BUILD_PKCS11_PIN, or name with serverId a settings.xml server "
                + "whose <password> is the PIN (encrypted with mvn --encrypt-password). Never put it in the POM.",
                message(() -> choice.choose(new SigningRequest("pkcs11", null, null, null, false,
                        new SigningRequest.Pkcs11("/lib/p11.so", null, null, "k", null, null, "2026-01-15T10:00:00Z", null)))));
    }

    @Test
    void aSecretValueNeverReachesTheMessage() {
        String message = SettingNames.message(InvalidSettingException.invalid(Setting.PASSPHRASE, "hunter2", "none", null));
        assertFalse(message.contains("hunter2"), message);
    }

    private interface Failing {
        void run() throws Exception;
    }

    private static String message(Failing failing) {
        return SettingNames.message(assertThrows(InvalidSettingException.class, failing::run));
    }
}
