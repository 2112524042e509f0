package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * The public-key operation of an OpenPGP signature over a SHA-512 hash that is already computed: what a
 * "SHA512withX" signature would do after hashing. Signing uses BouncyCastle's lightweight API, checking the JDK's JCA
 * providers, so that each signature is checked by a second implementation. This lets one SHA-512 of a file serve its sidecar and its signature.
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

    /**
     * Signs the hash: Ed25519 over the hash bytes (as v4 EdDSA does), PKCS#1 v1.5 over its DigestInfo, ECDSA over the
     * hash (deterministic nonce, RFC 6979). BouncyCastle's lightweight classes: no JCA provider to construct, which
     * saves a build about 0.2 s of start-up (docs/benchmarks.md). The value is in the form BouncyCastle's packet
     * writer takes: EdDSA R and S, 32 bytes each; RSA the integer; ECDSA DER.
     */
    static byte[] sign(int keyAlgorithm, AsymmetricKeyParameter key, byte[] sha512) throws IOException, CryptoException {
        byte[] input = input(keyAlgorithm, sha512);
        switch (keyAlgorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> {
                PKCS1Encoding rsa = new PKCS1Encoding(new RSABlindedEngine());
                rsa.init(true, key);
                return rsa.processBlock(input, 0, input.length);
            }
            case PublicKeyAlgorithmTags.ECDSA -> {
                ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA512Digest()));
                ecdsa.init(true, key);
                BigInteger[] rs = ecdsa.generateSignature(input);
                return StandardDSAEncoding.INSTANCE.encode(((ECPrivateKeyParameters) key).getParameters().getN(), rs[0], rs[1]);
            }
            case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> {
                Ed25519Signer ed25519 = new Ed25519Signer();
                ed25519.init(true, key);
                ed25519.update(input, 0, input.length);
                return ed25519.generateSignature();
            }
            default -> throw new IllegalArgumentException("no raw signature for " + name(keyAlgorithm) + " keys");
        }
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

    /** Loads the JDK's verifier for this key's algorithm and initializes it with the key, as {@link #verify} will. */
    static void prepareVerify(PGPPublicKey pgpKey, PublicKey key) throws GeneralSecurityException {
        Signature.getInstance(jcaAlgorithm(pgpKey.getAlgorithm())).initVerify(key);
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
