package dev.securebuild.maven;

/**
 * Which signer a goal uses, from the parameters that sign, provenance, record-deployment and export-public-key share:
 * {@code pgp} (an OpenPGP secret key in this JVM, the default) or {@code pkcs11} (a key on a PKCS#11 token).
 */
public record SignerChoice(String signer, String library, String tokenLabel, Long slot, String keyLabel, String keyId, String uri, String keyCreated, String userId) {

    static final String PGP = "pgp";
    static final String PKCS11 = "pkcs11";

    /** The in-process OpenPGP key: what goals use when {@code secure-build.signer} is not set. */
    public static SignerChoice pgp() {
        return new SignerChoice(PGP, null, null, null, null, null, null, null, null);
    }

    boolean isPkcs11() {
        return PKCS11.equalsIgnoreCase(signer == null ? "" : signer.trim());
    }

    boolean isPgp() {
        return signer == null || signer.isBlank() || PGP.equalsIgnoreCase(signer.trim());
    }
}
