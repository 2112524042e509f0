package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * The public-key operation of an OpenPGP signature over a SHA-512 hash that is already computed, through JCA: what a
 * "SHA512withX" signature would do after hashing. This lets one SHA-512 of a file serve its sidecar and its signature.
 * The packet around it is BouncyCastle's; only the choice of operation and input per key algorithm is made here.
 */
final class RawSignatures {

    private RawSignatures() {}

    static boolean supports(int keyAlgorithm) {
        return switch (keyAlgorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN, PublicKeyAlgorithmTags.ECDSA,
                 PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> true;
            default -> false;
        };
    }

    static String name(int keyAlgorithm) {
        return switch (keyAlgorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> "RSA";
            case PublicKeyAlgorithmTags.ECDSA -> "ECDSA";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> "Ed25519";
            case PublicKeyAlgorithmTags.DSA -> "DSA";
            case PublicKeyAlgorithmTags.Ed448 -> "Ed448";
            default -> "algorithm " + keyAlgorithm;
        };
    }

    /** Signs the hash: Ed25519 over the hash bytes (as v4 EdDSA does), PKCS#1 v1.5 over its DigestInfo, ECDSA over the hash. */
    static byte[] sign(int keyAlgorithm, PrivateKey key, Provider provider, byte[] sha512) throws GeneralSecurityException, IOException {
        Signature signature = Signature.getInstance(jcaAlgorithm(keyAlgorithm), provider);
        signature.initSign(key);
        signature.update(input(keyAlgorithm, sha512));
        return signature.sign();
    }

    /**
     * Checks a signature value as BouncyCastle hands it to a verifier (RSA: the unsigned integer; ECDSA: DER; EdDSA:
     * R and S, 32 bytes each) with the JDK's own providers.
     */
    static boolean verify(PGPPublicKey pgpKey, PublicKey key, byte[] sha512, byte[] value) throws GeneralSecurityException, IOException {
        int keyAlgorithm = pgpKey.getAlgorithm();
        Signature signature = Signature.getInstance(jcaAlgorithm(keyAlgorithm));
        signature.initVerify(key);
        signature.update(input(keyAlgorithm, sha512));
        return signature.verify(isRsa(keyAlgorithm) ? padToModulus(pgpKey, value) : value);
    }

    private static String jcaAlgorithm(int keyAlgorithm) {
        return switch (keyAlgorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> "NONEwithRSA";
            case PublicKeyAlgorithmTags.ECDSA -> "NONEwithECDSA";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> "Ed25519";
            default -> throw new IllegalArgumentException("no raw signature for " + name(keyAlgorithm) + " keys");
        };
    }

    private static byte[] input(int keyAlgorithm, byte[] sha512) throws IOException {
        if (isRsa(keyAlgorithm)) {
            return new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512, DERNull.INSTANCE), sha512).getEncoded("DER");
        }
        return sha512;
    }

    private static boolean isRsa(int keyAlgorithm) {
        return keyAlgorithm == PublicKeyAlgorithmTags.RSA_GENERAL || keyAlgorithm == PublicKeyAlgorithmTags.RSA_SIGN;
    }

    /** OpenPGP stores the RSA signature as an integer without leading zeros; the JDK wants it as long as the modulus. */
    private static byte[] padToModulus(PGPPublicKey key, byte[] value) {
        BigInteger modulus = ((RSAPublicBCPGKey) key.getPublicKeyPacket().getKey()).getModulus();
        int length = (modulus.bitLength() + 7) / 8;
        if (value.length >= length) {
            return value;
        }
        byte[] padded = new byte[length];
        System.arraycopy(value, 0, padded, length - value.length, value.length);
        return padded;
    }
}
