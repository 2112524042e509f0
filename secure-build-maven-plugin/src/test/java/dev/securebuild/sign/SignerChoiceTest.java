package dev.securebuild.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Token;

class SignerChoiceTest {

    private static final String CREATED = "2026-01-15T10:00:00.750Z";

    @TempDir
    Path folder;

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, KeySources.ServerKey> keys = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();

    private final SignerChoice.Servers servers = new SignerChoice.Servers() {
        @Override
        public KeySources.ServerKey key(String id) throws SigningException {
            if (!keys.containsKey(id)) {
                throw new SigningException("no server " + id);
            }
            return keys.get(id);
        }

        @Override
        public String password(String id) throws SigningException {
            if (!passwords.containsKey(id)) {
                throw new SigningException("no server " + id);
            }
            return passwords.get(id);
        }
    };

    private SignerChoice choice() {
        return new SignerChoice(environment, servers);
    }

    private SignerChoice.OpenPgp openPgp(SigningRequest request) throws SigningException {
        return assertInstanceOf(SignerChoice.OpenPgp.class, choice().choose(request));
    }

    private SignerChoice.Token token(SigningRequest.Pkcs11 pkcs11, String serverId) throws SigningException {
        return assertInstanceOf(SignerChoice.Token.class, choice().choose(pkcs11(pkcs11, serverId)));
    }

    private static SigningRequest pkcs11(SigningRequest.Pkcs11 pkcs11, String serverId) {
        return new SigningRequest("pkcs11", null, serverId, null, false, pkcs11);
    }

    private static SigningRequest.Pkcs11 tokenKey(String library, String uri, String keyCreated) {
        return new SigningRequest.Pkcs11(library, "release", null, "signing", null, uri, keyCreated, null);
    }

    private Path keyFile(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content);
    }

    @Test
    void theEnvironmentsKeyComesBeforeAKeyFileAndSaysSo() throws Exception {
        environment.put(KeySources.KEY_VARIABLE, "ENV-KEY");
        environment.put(KeySources.PASSPHRASE_VARIABLE, "env-passphrase");
        Path file = keyFile("key.asc", "FILE-KEY");
        SignerChoice.OpenPgp chosen = openPgp(SigningRequest.openPgp(file, null, "ABCD", false));
        assertEquals("environment SECURE_BUILD_SIGNING_KEY", chosen.material().source());
        assertArrayEquals("ENV-KEY".getBytes(StandardCharsets.UTF_8), chosen.material().key());
        assertArrayEquals("env-passphrase".toCharArray(), chosen.material().passphrase());
        assertEquals("ABCD", chosen.fingerprint());
        assertTrue(chosen.overridden().orElseThrow().contains("keyFile " + file), chosen.overridden().toString());
    }

    @Test
    void aKeyFileComesBeforeTheServersKeyAndTakesTheServersPassphraseWhenTheEnvironmentHasNone() throws Exception {
        Path file = keyFile("key.asc", "FILE-KEY");
        Path serverFile = keyFile("server.asc", "SERVER-KEY");
        keys.put("release", new KeySources.ServerKey("release", serverFile.toString(), "server-passphrase"));
        SignerChoice.OpenPgp chosen = openPgp(SigningRequest.openPgp(file, "release", null, false));
        assertEquals("key file " + file, chosen.material().source());
        assertArrayEquals("server-passphrase".toCharArray(), chosen.material().passphrase());
        assertTrue(chosen.overridden().isEmpty());

        environment.put(KeySources.PASSPHRASE_VARIABLE, "env-passphrase");
        assertArrayEquals("env-passphrase".toCharArray(), openPgp(SigningRequest.openPgp(file, "release", null, false)).material().passphrase());
    }

    @Test
    void theServersKeyIsTheLastSource() throws Exception {
        Path serverFile = keyFile("server.asc", "SERVER-KEY");
        keys.put("release", new KeySources.ServerKey("release", serverFile.toString(), "server-passphrase"));
        SignerChoice.OpenPgp chosen = openPgp(SigningRequest.openPgp(null, "release", null, false));
        assertEquals("key file " + serverFile + " from settings.xml server 'release'", chosen.material().source());
        assertArrayEquals("server-passphrase".toCharArray(), chosen.material().passphrase());
    }

    @Test
    void noKeyConfiguredIsNoMaterial() throws Exception {
        assertNull(openPgp(SigningRequest.openPgp(null, null, null, false)).material());
        assertNull(openPgp(SigningRequest.openPgp(null, " ", null, false)).material());
    }

    @Test
    void aServerThatDoesNotExistIsAnErrorEvenWhenTheEnvironmentsKeyWins() {
        environment.put(KeySources.KEY_VARIABLE, "ENV-KEY");
        SigningException e = assertThrows(SigningException.class, () -> choice().choose(SigningRequest.openPgp(null, "nope", null, false)));
        assertEquals("no server nope", e.getMessage());
    }

    @Test
    void aPassphraseGivenAsAParameterIsRefusedWhicheverSignerIsChosen() {
        for (String signer : new String[] {"pgp", "pkcs11", "unknown"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> choice().choose(new SigningRequest(signer, null, null, null, true, null)));
            assertEquals(Setting.PASSPHRASE, e.setting());
            assertTrue(e.getMessage().startsWith("A passphrase was given as parameter 'passphrase'"), e.getMessage());
        }
    }

    @Test
    void pgpIsTheDefaultAndSignerNamesAreReadWithoutCase() throws Exception {
        for (String signer : new String[] {null, "", " ", "pgp", "PGP"}) {
            assertInstanceOf(SignerChoice.OpenPgp.class, choice().choose(new SigningRequest(signer, null, null, null, false, null)));
        }
        environment.put(SignerChoice.PIN_VARIABLE, "1234");
        assertInstanceOf(SignerChoice.Token.class, choice().choose(pkcs11(tokenKey("/lib/p11.so", null, CREATED), null)));
        assertInstanceOf(SignerChoice.Token.class, choice().choose(new SigningRequest(" PKCS11 ", null, null, null, false,
                tokenKey("/lib/p11.so", null, CREATED))));
    }

    @Test
    void anUnknownSignerIsNamedWithWhatIsExpected() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> choice().choose(new SigningRequest("gpg", null, null, null, false, null)));
        assertEquals(Setting.SIGNER, e.setting());
        assertEquals("gpg", e.shownValue());
        assertEquals("signer is 'gpg': expected pgp (an OpenPGP key file, the default) or pkcs11 (a key on a PKCS#11 token)", e.getMessage());
    }

    @Test
    void aTokenKeyIsLocatedByItsParametersWithAFixedCreationTimeAndADefaultUserId() throws Exception {
        environment.put(SignerChoice.PIN_VARIABLE, "1234");
        SignerChoice.Token token = token(tokenKey(" /lib/p11.so ", null, CREATED), null);
        assertEquals(new Pkcs11Token.Location("/lib/p11.so", "release", null, "signing", null), token.location());
        assertEquals(Instant.parse("2026-01-15T10:00:00Z"), token.keyCreated());
        assertEquals("secure-build PKCS#11 key signing", token.userId());
        assertArrayEquals("1234".toCharArray(), token.pin());
        assertFalse(token.toString().contains("1234"), token.toString());

        SigningRequest.Pkcs11 withUserId = new SigningRequest.Pkcs11("/lib/p11.so", null, 3L, null, "01", null, CREATED, "Releases <r@example.org>");
        SignerChoice.Token byId = token(withUserId, null);
        assertEquals(new Pkcs11Token.Location("/lib/p11.so", null, 3L, null, "01"), byId.location());
        assertEquals("Releases <r@example.org>", byId.userId());
    }

    @Test
    void theUriNamesTheModuleAndMustAgreeWithTheParameters() throws Exception {
        environment.put(SignerChoice.PIN_VARIABLE, "1234");
        SignerChoice.Token token = token(tokenKey(null, "pkcs11:token=release;object=signing?module-path=/lib/p11.so", CREATED), null);
        assertEquals("/lib/p11.so", token.location().library());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> choice().choose(pkcs11(tokenKey(null, "pkcs11:token=staging?module-path=/lib/p11.so", CREATED), null)));
        assertEquals(Setting.PKCS11_URI, e.setting());
    }

    @Test
    void aTokenKeyNeedsAModule() {
        environment.put(SignerChoice.PIN_VARIABLE, "1234");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> choice().choose(pkcs11(tokenKey(" ", null, CREATED), null)));
        assertEquals(Setting.PKCS11_LIBRARY, e.setting());
        assertTrue(e.getMessage().startsWith("signer is pkcs11 and no module is given: set PKCS#11 module library"), e.getMessage());
    }

    @Test
    void theCreationTimeIsNeededFirstAndMustBeAnIsoTimeWithItsOffset() {
        InvalidSettingException missing = assertThrows(InvalidSettingException.class,
                () -> choice().choose(pkcs11(tokenKey(null, null, null), null)));
        assertEquals(Setting.PKCS11_KEY_CREATED, missing.setting());
        assertTrue(missing.getMessage().startsWith("PKCS#11 key creation time is not set: "), missing.getMessage());

        InvalidSettingException malformed = assertThrows(InvalidSettingException.class,
                () -> choice().choose(pkcs11(tokenKey("/lib/p11.so", null, "2026-01-15 10:00"), null)));
        assertEquals("2026-01-15 10:00", malformed.shownValue());
        assertInstanceOf(DateTimeParseException.class, malformed.getCause());
    }

    @Test
    void thePinComesFromTheEnvironmentBeforeTheServersPassword() throws Exception {
        passwords.put("token", "server-pin");
        assertArrayEquals("server-pin".toCharArray(), token(tokenKey("/lib/p11.so", null, CREATED), "token").pin());
        environment.put(SignerChoice.PIN_VARIABLE, "env-pin");
        assertArrayEquals("env-pin".toCharArray(), token(tokenKey("/lib/p11.so", null, CREATED), "token").pin());
    }

    @Test
    void withoutAPinTheMessageSaysWhereOneGoes() {
        passwords.put("token", null);
        InvalidSettingException noPassword = assertThrows(InvalidSettingException.class,
                () -> choice().choose(pkcs11(tokenKey("/lib/p11.so", null, CREATED), "token")));
        assertEquals(Setting.SERVER_ID, noPassword.setting());
        assertTrue(noPassword.getMessage().startsWith("The settings.xml server 'token' has no <password>"), noPassword.getMessage());

        InvalidSettingException none = assertThrows(InvalidSettingException.class,
                () -> choice().choose(pkcs11(tokenKey("/lib/p11.so", null, CREATED), null)));
        assertTrue(none.getMessage().startsWith("No PIN for the PKCS#11 token: set environment SECURE_BUILD_PKCS11_PIN"), none.getMessage());
    }

    @Test
    void aPinIsClearedOnRequest() {
        char[] pin = "1234".toCharArray();
        SignerChoice.clear(pin);
        assertArrayEquals(new char[4], pin);
        SignerChoice.clear(null);
    }
}
