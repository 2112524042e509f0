package dev.securebuild.shared.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class InvalidSettingExceptionTest {

    @Test
    void namesTheSettingInItsOwnWordsAndShowsTheValue() {
        InvalidSettingException e = InvalidSettingException.invalid(Setting.PKCS11_KEY_ID, "zz", "hex digits", null);
        assertEquals("PKCS#11 key id is 'zz': expected hex digits", e.getMessage());
        assertEquals(Setting.PKCS11_KEY_ID, e.setting());
        assertEquals("zz", e.shownValue());
    }

    @Test
    void rendersEveryMentionUnderTheNamesItIsGiven() {
        InvalidSettingException e = InvalidSettingException.about(Setting.PKCS11_KEY_LABEL,
                "No key label: set " + Setting.PKCS11_KEY_LABEL.mention() + " (or " + Setting.PKCS11_KEY_ID.mentionElement()
                        + ", -D" + Setting.PKCS11_KEY_ID.mentionProperty() + ")", null);
        assertEquals("No key label: set p:PKCS11_KEY_LABEL (or e:PKCS11_KEY_ID, -Dp:PKCS11_KEY_ID)",
                e.render((setting, form) -> ("element".equals(form) ? "e:" : "p:") + setting.name()));
        assertEquals("No key label: set PKCS#11 key label (or PKCS#11 key id, -DPKCS#11 key id)", e.getMessage());
    }

    @Test
    void neverShowsASecretValue() {
        InvalidSettingException e = InvalidSettingException.invalid(Setting.PASSPHRASE, "hunter2-secret", "no passphrase here", null);
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertNull(e.shownValue());
        assertEquals("passphrase is set: expected no passphrase here", e.getMessage());
    }

    @Test
    void showsAValueSafelyAndNeverReadsItAsAMention() {
        InvalidSettingException e = InvalidSettingException.invalid(Setting.SIGNER, "x\n[INFO] {KEY_FILE}", "pgp", null);
        assertEquals("signer is 'x\\n[INFO] {KEY_FILE}': expected pgp", e.getMessage());
        String long_ = "a".repeat(5000);
        assertFalse(InvalidSettingException.invalid(Setting.SIGNER, long_, "pgp", null).getMessage().contains(long_));
    }

    @Test
    void keepsTheCause() {
        RuntimeException cause = new RuntimeException("parse error");
        assertSame(cause, InvalidSettingException.unusable(Setting.PKCS11_URI, "it does not start with pkcs11:", cause).getCause());
        assertEquals("PKCS#11 URI cannot be used: it does not start with pkcs11:",
                InvalidSettingException.unusable(Setting.PKCS11_URI, "it does not start with pkcs11:", null).getMessage());
        assertEquals("PKCS#11 key creation time is not set: give it",
                InvalidSettingException.notSet(Setting.PKCS11_KEY_CREATED, "give it").getMessage());
    }

    @Test
    void aNamedCopyKeepsSettingValueCauseAndStackTrace() {
        RuntimeException cause = new RuntimeException("parse error");
        InvalidSettingException e = InvalidSettingException.invalid(Setting.SIGNER, "gpg", "pgp", cause);
        InvalidSettingException named = e.named((setting, form) -> "-D" + setting.name());
        assertEquals("-DSIGNER is 'gpg': expected pgp", named.getMessage());
        assertEquals(Setting.SIGNER, named.setting());
        assertEquals("gpg", named.shownValue());
        assertSame(cause, named.getCause());
        assertEquals(e.getStackTrace().length, named.getStackTrace().length);
    }

    @Test
    void leavesUnknownMentionsAlone() {
        assertEquals("text {NOT_A_SETTING} stays", InvalidSettingException.about(Setting.SIGNER, "text {NOT_A_SETTING} stays", null).getMessage());
    }
}
