package dev.securebuild.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;

class HashingSettingsTest {

    private static final Path OUT = Path.of("out");

    @Test
    void readsCommaListsInEveryEntryAndAnyCase() {
        HashAndSign.Options options = HashingSettings.options(List.of("sha-256, SHA512", "md5"), "gnu", OUT, 3);
        assertEquals(Set.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512, DigestAlgorithm.MD5), options.algorithms());
        assertSame(SummaryFormat.GNU, options.summaryFormat());
        assertEquals(3, options.threads());
    }

    @Test
    void noThreadCountMeansOnePerProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors(), HashingSettings.options(List.of("SHA-256"), "NONE", OUT, 0).threads());
    }

    @Test
    void anUnknownDigestNamesTheSettingAndTheValue() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HashingSettings.options(List.of("SHA-256,SHA-3"), "NONE", OUT, 1));
        assertSame(Setting.DIGEST_ALGORITHMS, e.setting());
        assertEquals("digest algorithms is 'SHA-3': expected SHA-256, SHA-512, SHA-1 or MD5", e.getMessage());
    }

    @Test
    void anUnknownSummaryFormatNamesTheSettingAndTheValue() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HashingSettings.options(List.of("SHA-256"), "sha256sum", OUT, 1));
        assertSame(Setting.SUMMARY_FORMAT, e.setting());
        assertEquals("checksum summary format is 'sha256sum': expected NONE, GNU or BSD", e.getMessage());
    }
}
