package dev.securebuild.shared.signer.pgp;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;

/**
 * The keys a verification trusts, from a list whose entries are files of armored public keys (every key in them is
 * trusted) or fingerprints (the key with that fingerprint is trusted, its certificate found in those files or in the
 * configured signing key).
 */
public record TrustedKeys(PublicKeys known, Set<String> trustedFingerprints) {

    public static TrustedKeys resolve(List<String> entries, Path baseDirectory, PublicKeys configuredKey) throws SigningException {
        PublicKeys known = new PublicKeys();
        Set<String> trusted = new LinkedHashSet<>();
        Set<String> fingerprints = new LinkedHashSet<>();
        for (String entry : entries) {
            for (String item : entry.split(",")) {
                String value = item.strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (isFingerprint(value)) {
                    fingerprints.add(normalize(value));
                } else {
                    Path file = baseDirectory.resolve(value);
                    PublicKeys fromFile = PublicKeys.read(file);
                    known.addAll(fromFile);
                    trusted.addAll(fromFile.primaryFingerprints());
                }
            }
        }
        if (configuredKey != null) {
            known.addAll(configuredKey);
            if (entries.stream().allMatch(String::isBlank)) {
                // With no list, the key this build signs with is the one to trust.
                trusted.addAll(configuredKey.primaryFingerprints());
            }
        }
        for (String fingerprint : fingerprints) {
            if (known.certificateOf(fingerprint).isEmpty()) {
                throw InvalidSettingException.about(Setting.TRUSTED_KEYS, "Trusted key " + fingerprint + " is listed by fingerprint, but no key "
                        + "file given in " + Setting.TRUSTED_KEYS.mentionElement() + " (nor the configured signing key) holds its certificate", null);
            }
            trusted.add(fingerprint);
        }
        if (trusted.isEmpty()) {
            throw InvalidSettingException.about(Setting.TRUSTED_KEYS, "No trusted keys: set " + Setting.TRUSTED_KEYS.mention()
                    + " to a file of armored public keys and/or fingerprints, or configure the signing key (SECURE_BUILD_SIGNING_KEY, "
                    + Setting.KEY_FILE.mentionElement() + " or " + Setting.SERVER_ID.mentionElement() + ")", null);
        }
        return new TrustedKeys(known, trusted);
    }

    static boolean isFingerprint(String value) {
        String compact = normalize(value);
        return (compact.length() == 40 || compact.length() == 64) && compact.matches("[0-9A-F]+");
    }

    private static String normalize(String value) {
        String compact = value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.startsWith("0X") ? compact.substring(2) : compact;
    }
}
