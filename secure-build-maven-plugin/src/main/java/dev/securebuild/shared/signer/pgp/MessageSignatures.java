package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * Plain signatures over a whole message with the key of an OpenPGP certificate, for formats that carry a bare
 * signature rather than an OpenPGP packet (DSSE envelopes, ledger records). The schemes are those that DSSE verifiers
 * such as securesystemslib name: {@code ed25519}, {@code rsa-pkcs1v15-sha256}, {@code ecdsa-sha2-nistp256} (DER).
 * BouncyCastle's lightweight classes sign, the JDK checks.
 */
final class MessageSignatures {

    private MessageSignatures() {}

    static String scheme(int keyAlgorithm) {
        return switch (keyAlgorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> "rsa-pkcs1v15-sha256";
            case PublicKeyAlgorithmTags.ECDSA -> "ecdsa-sha2-nistp256";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> "ed25519";
            default -> throw new IllegalArgumentException("no message signature for " + RawSignatures.name(keyAlgorithm) + " keys");
        };
    }

    static byte[] sign(int keyAlgorithm, AsymmetricKeyParameter key, byte[] message) throws CryptoException, IOException {
        switch (keyAlgorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> {
                RSADigestSigner rsa = new RSADigestSigner(new SHA256Digest());
                rsa.init(true, key);
                rsa.update(message, 0, message.length);
                return rsa.generateSignature();
            }
            case PublicKeyAlgorithmTags.ECDSA -> {
                SHA256Digest sha256 = new SHA256Digest();
                sha256.update(message, 0, message.length);
                byte[] hash = new byte[sha256.getDigestSize()];
                sha256.doFinal(hash, 0);
                ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
                ecdsa.init(true, key);
                BigInteger[] rs = ecdsa.generateSignature(hash);
                return StandardDSAEncoding.INSTANCE.encode(((ECPrivateKeyParameters) key).getParameters().getN(), rs[0], rs[1]);
            }
            case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> {
                Ed25519Signer ed25519 = new Ed25519Signer();
                ed25519.init(true, key);
                ed25519.update(message, 0, message.length);
                return ed25519.generateSignature();
            }
            default -> throw new IllegalArgumentException("no message signature for " + RawSignatures.name(keyAlgorithm) + " keys");
        }
    }

    /** Checks a message signature with the JDK's providers: {@code SHA256withRSA}, {@code SHA256withECDSA}, {@code Ed25519}. */
    static boolean verify(String scheme, PublicKey key, byte[] message, byte[] value) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(switch (scheme) {
            case "rsa-pkcs1v15-sha256" -> "SHA256withRSA";
            case "ecdsa-sha2-nistp256" -> "SHA256withECDSA";
            case "ed25519" -> "Ed25519";
            default -> throw new GeneralSecurityException("unknown signature scheme " + scheme
                    + ": expected ed25519, rsa-pkcs1v15-sha256 or ecdsa-sha2-nistp256");
        });
        signature.initVerify(key);
        signature.update(message);
        return signature.verify(value);
    }
}
