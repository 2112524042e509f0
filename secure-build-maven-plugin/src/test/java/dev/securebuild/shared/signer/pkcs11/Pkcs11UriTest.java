package dev.securebuild.shared.signer.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;

class Pkcs11UriTest {

    @Test
    void theAttributesThatSelectModuleTokenAndKeyAreRead() {
        Pkcs11Uri uri = Pkcs11Uri.parse("pkcs11:token=Release%20Token;slot-id=1765762509;object=signing%3Bkey;id=%01%a2;type=private"
                + "?module-path=/opt/hsm/lib/libcryptoki.so");
        assertEquals(new Pkcs11Uri("/opt/hsm/lib/libcryptoki.so", "Release Token", 1765762509L, "signing;key", "01:a2"), uri);
    }

    @Test
    void textIsUtf8AndAPlusStaysAPlus() {
        Pkcs11Uri uri = Pkcs11Uri.parse("PKCS11:object=cl%C3%A9+1");
        assertEquals("clé+1", uri.object());
    }

    @Test
    void aPinIsRefusedWithoutBeingShown() {
        for (String text : new String[] {"pkcs11:object=k?pin-value=s3cr3t-4711", "pkcs11:object=k;pin-value=s3cr3t-4711",
                "pkcs11:object=k?pin-source=file:/tmp/s3cr3t-4711"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Pkcs11Uri.parse(text));
            assertEquals(null, e.shownValue());
            assertFalse(e.getMessage().contains("s3cr3t-4711"), e.getMessage());
            assertEquals(true, e.getMessage().contains("the PIN comes from environment SECURE_BUILD_PKCS11_PIN"), e.getMessage());
        }
        IllegalArgumentException badEscape = assertThrows(IllegalArgumentException.class, () -> Pkcs11Uri.parse("pkcs11:object=k?pin-value=%zz4711"));
        assertFalse(badEscape.getMessage().contains("4711"), badEscape.getMessage());
    }

    @Test
    void whatCannotBeHonouredIsAnError() {
        assertEquals("PKCS#11 URI cannot be used: it does not start with pkcs11:", message("token=x"));
        assertEquals("PKCS#11 URI cannot be used: path attribute serial is not supported; expected token, slot-id, object, id, "
                + "type=private", message("pkcs11:serial=42;object=k"));
        assertEquals("PKCS#11 URI cannot be used: type=cert names no signing key; expected type=private or no type",
                message("pkcs11:object=k;type=cert"));
        assertEquals("PKCS#11 URI cannot be used: slot-id=one is not a decimal slot number", message("pkcs11:slot-id=one"));
        assertEquals("PKCS#11 URI cannot be used: object is given twice", message("pkcs11:object=a;object=b"));
        assertEquals("PKCS#11 URI cannot be used: query attribute module-name is not supported; expected module-path",
                message("pkcs11:object=k?module-name=softhsm2"));
        assertEquals("PKCS#11 URI cannot be used: attribute 2 after the scheme is not name=value", message("pkcs11:object=k;oops"));
    }

    @Test
    void parametersCompleteTheUriAndMustAgreeWithIt() {
        Pkcs11Uri uri = Pkcs11Uri.parse("pkcs11:token=release;id=%01");
        assertEquals(new Pkcs11Token.Location("/usr/lib/softhsm/libsofthsm2.so", "release", 7L, "signing", "01"),
                uri.merge("/usr/lib/softhsm/libsofthsm2.so", null, 7L, "signing", "0x01"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> uri.merge(null, "staging", null, null, null));
        assertEquals(Setting.PKCS11_URI, e.setting());
        assertEquals("PKCS#11 URI cannot be used: token is release but PKCS#11 token label is staging: give it once, "
                + "or the same in both", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> uri.merge(null, null, null, null, "02"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Pkcs11Uri.parse(text)).getMessage();
    }
}
