package dev.securebuild.sign;

import java.nio.file.Path;

/**
 * What a goal was told about its signing key, as plain values: which signer, where an OpenPGP key is, and where a
 * PKCS#11 token key is. Secrets are not in it: a passphrase given as a parameter is only noted, to be refused; the
 * environment and settings.xml servers are asked by {@link SignerChoice}.
 *
 * @param signer {@code pgp} (also when blank) or {@code pkcs11}
 * @param keyFile an OpenPGP secret key file, or null
 * @param serverId a settings.xml server (key file and passphrase for pgp, PIN for pkcs11), or null
 * @param keyFingerprint which OpenPGP key to use when the source holds several, or null
 * @param passphraseGiven whether a passphrase was given as a parameter (it is refused)
 * @param pkcs11 where the token key is, for signer pkcs11
 */
public record SigningRequest(String signer, Path keyFile, String serverId, String keyFingerprint, boolean passphraseGiven,
                             Pkcs11 pkcs11) {

    /** An OpenPGP key request, with no token. */
    public static SigningRequest openPgp(Path keyFile, String serverId, String keyFingerprint, boolean passphraseGiven) {
        return new SigningRequest(SignerChoice.PGP, keyFile, serverId, keyFingerprint, passphraseGiven, Pkcs11.NONE);
    }

    public SigningRequest {
        pkcs11 = pkcs11 == null ? Pkcs11.NONE : pkcs11;
    }

    /** The token key's parameters as given; blank ones count as not given. */
    public record Pkcs11(String library, String tokenLabel, Long slot, String keyLabel, String keyId, String uri, String keyCreated,
                         String userId) {

        public static final Pkcs11 NONE = new Pkcs11(null, null, null, null, null, null, null, null);

        @Override
        public String toString() {
            // The URI may carry a PIN (it is refused when read): it is not shown.
            return "Pkcs11[library=" + library + ", tokenLabel=" + tokenLabel + ", slot=" + slot + ", keyLabel=" + keyLabel + ", keyId="
                    + keyId + ", uri=" + (uri == null ? null : "(given)") + ", keyCreated=" + keyCreated + ", userId=" + userId + "]";
        }
    }
}
