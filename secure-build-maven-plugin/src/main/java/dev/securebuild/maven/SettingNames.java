package dev.securebuild.maven;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;

/**
 * The one table of how a user gives each {@link Setting}: its POM element and its {@code -D} property, and how messages
 * name it (the element with its property, or the property alone, as each message always has). Capability code names
 * settings only by {@link Setting}; this turns its {@link InvalidSettingException} into Maven's.
 */
final class SettingNames {

    /** How a setting is given, and whether messages name it by its element (with the property) or by its property. */
    record Names(String element, String property, boolean namedByElement) {
        String usual() {
            return namedByElement ? element + " (-D" + property + ")" : property;
        }
    }

    static final Map<Setting, Names> TABLE = table();

    private SettingNames() {}

    private static Map<Setting, Names> table() {
        Map<Setting, Names> table = new EnumMap<>(Setting.class);
        table.put(Setting.KEY_FILE, new Names("keyFile", "secure-build.keyFile", true));
        table.put(Setting.SERVER_ID, new Names("serverId", "secure-build.serverId", true));
        table.put(Setting.KEY_FINGERPRINT, new Names("keyFingerprint", "secure-build.keyFingerprint", true));
        table.put(Setting.PASSPHRASE, new Names("passphrase", "secure-build.passphrase", true));
        table.put(Setting.TRUSTED_KEYS, new Names("trustedKeys", "secure-build.trustedKeys", true));
        table.put(Setting.DIGEST_ALGORITHMS, new Names("algorithms", "secure-build.algorithms", true));
        table.put(Setting.SUMMARY_FORMAT, new Names("summaryFormat", "secure-build.summaryFormat", true));
        table.put(Setting.SIGNER, new Names("signer", "secure-build.signer", false));
        table.put(Setting.PKCS11_LIBRARY, new Names("pkcs11Library", "secure-build.pkcs11.library", false));
        table.put(Setting.PKCS11_TOKEN_LABEL, new Names("pkcs11TokenLabel", "secure-build.pkcs11.tokenLabel", false));
        table.put(Setting.PKCS11_SLOT, new Names("pkcs11Slot", "secure-build.pkcs11.slot", false));
        table.put(Setting.PKCS11_KEY_LABEL, new Names("pkcs11KeyLabel", "secure-build.pkcs11.keyLabel", false));
        table.put(Setting.PKCS11_KEY_ID, new Names("pkcs11KeyId", "secure-build.pkcs11.keyId", false));
        table.put(Setting.PKCS11_URI, new Names("pkcs11Uri", "secure-build.pkcs11.uri", false));
        table.put(Setting.PKCS11_KEY_CREATED, new Names("pkcs11KeyCreated", "secure-build.pkcs11.keyCreated", false));
        table.put(Setting.PKCS11_USER_ID, new Names("pkcs11UserId", "secure-build.pkcs11.userId", false));
        table.put(Setting.ALLOWLISTS, new Names("lists", "secure-build.allowlists", true));
        table.put(Setting.ALLOWLIST_FAIL_ON, new Names("failOn", "secure-build.allowlist.failOn", true));
        table.put(Setting.REPORTS, new Names("reports", "secure-build.reports", true));
        table.put(Setting.MAX_REPORT_AGE, new Names("maxReportAge", "secure-build.maxReportAge", true));
        table.put(Setting.MAX_STRING_LENGTH, new Names("maxStringLength", "secure-build.findings.maxStringLength", true));
        table.put(Setting.MAX_NESTING_DEPTH, new Names("maxNestingDepth", "secure-build.findings.maxNestingDepth", true));
        table.put(Setting.DIFF_LEFT, new Names("left", "secure-build.left", true));
        table.put(Setting.DIFF_RIGHT, new Names("right", "secure-build.right", true));
        table.put(Setting.REFERENCE_DIRECTORY, new Names("referenceDirectory", "secure-build.referenceDirectory", true));
        table.put(Setting.REFERENCE_BUILDINFO, new Names("referenceBuildinfo", "secure-build.referenceBuildinfo", true));
        table.put(Setting.REFERENCE_REPOSITORY, new Names("referenceRepository", "secure-build.referenceRepository", true));
        return Collections.unmodifiableMap(table);
    }

    /** The message the user sees: every setting it mentions named as the POM and the command line give it. */
    static String message(InvalidSettingException e) {
        return e.render(SettingNames::name);
    }

    /**
     * The broken setting as Maven's error. Its cause is the typed error named the same way, with the original cause:
     * Maven's log adds each cause's message that the message does not already hold, so words would read twice.
     */
    static MojoExecutionException failure(InvalidSettingException e) {
        InvalidSettingException named = e.named(SettingNames::name);
        return new MojoExecutionException(named.getMessage(), named);
    }

    private static String name(Setting setting, String form) {
        Names names = TABLE.get(setting);
        if (names == null) {
            return setting.words(); // a setting added without an entry still reads as words, never as a placeholder
        }
        if ("element".equals(form)) {
            return names.element();
        }
        return "property".equals(form) ? names.property() : names.usual();
    }
}
