package dev.securebuild.shared.signer.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;

class TrustedKeysTest {

    @TempDir
    Path folder;

    @Test
    void aFileTrustsEveryKeyInIt() throws Exception {
        Path keys = folder.resolve("keys.asc");
        Files.write(keys, TestKeys.ed25519().armoredPublicKey());
        Files.write(keys, TestKeys.rsa().armoredPublicKey(), java.nio.file.StandardOpenOption.APPEND);
        TrustedKeys trusted = TrustedKeys.resolve(List.of("keys.asc"), folder, null);
        assertEquals(Set.of(TestKeys.ed25519().fingerprint(), TestKeys.rsa().fingerprint()), trusted.trustedFingerprints());
    }

    @Test
    void aFingerprintTrustsOneKeyOfTheFiles() throws Exception {
        Path keys = folder.resolve("keys.asc");
        Files.write(keys, TestKeys.ed25519().armoredPublicKey());
        Files.write(keys, TestKeys.rsa().armoredPublicKey(), java.nio.file.StandardOpenOption.APPEND);
        // A fingerprint on its own, from the configured key's certificate:
        PublicKeys configured = PublicKeys.parse(TestKeys.rsa().armoredPublicKey(), "configured");
        TrustedKeys trusted = TrustedKeys.resolve(List.of(TestKeys.rsa().fingerprint().toLowerCase()), folder, configured);
        assertEquals(Set.of(TestKeys.rsa().fingerprint()), trusted.trustedFingerprints());
    }

    @Test
    void withNoListTheConfiguredKeyIsTrusted() throws Exception {
        PublicKeys configured = PublicKeys.parse(TestKeys.ed25519().armoredSecretKey(), "configured");
        assertEquals(Set.of(TestKeys.ed25519().fingerprint()), TrustedKeys.resolve(List.of(), folder, configured).trustedFingerprints());
    }

    @Test
    void nothingTrustedOrAFingerprintWithoutCertificateIsAnError() {
        InvalidSettingException none = assertThrows(InvalidSettingException.class, () -> TrustedKeys.resolve(List.of(), folder, null));
        assertTrue(none.getMessage().contains("No trusted keys"), none.getMessage());
        assertEquals(Setting.TRUSTED_KEYS, none.setting());
        InvalidSettingException orphan = assertThrows(InvalidSettingException.class,
                () -> TrustedKeys.resolve(List.of(TestKeys.rsa().fingerprint()), folder, null));
        assertTrue(orphan.getMessage().contains("no key file"), orphan.getMessage());
    }
}
