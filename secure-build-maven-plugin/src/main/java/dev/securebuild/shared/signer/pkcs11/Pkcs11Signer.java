package dev.securebuild.shared.signer.pkcs11;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.openpgp.PGPPublicKey;

import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pgp.ExternalKeySignatures;

/**
 * Signs with a key on a PKCS#11 token: the private key never leaves the token. The OpenPGP signature is BouncyCastle's
 * packet around the token's operation on the document's SHA-512 (RSA: CKM_RSA_PKCS over the SHA-512 DigestInfo;
 * ECDSA: CKM_ECDSA over the hash, truncated to the curve's order as ECDSA does). The OpenPGP key is made from the
 * token's public key and a configured creation time, so its fingerprint is the same in every build.
 */
public final class Pkcs11Signer implements Signer {

    private final Pkcs11Token token;
    private final PGPPublicKey pgpKey;
    private final Instant keyCreated;
    private final String userId;
    private final Clock clock;
    private final String fingerprint;
    private byte[] armoredPublicKey;

    public Pkcs11Signer(Pkcs11Token token, Instant keyCreated, String userId, Clock clock) throws SigningException {
        this.token = token;
        this.keyCreated = keyCreated;
        this.userId = userId;
        this.clock = clock;
        if (!token.isRsa()) {
            int bits = ((ECPublicKey) token.publicKey()).getParams().getOrder().bitLength();
            if (bits != 256) {
                throw new SigningException(token.location().describe() + " is an EC key of " + bits + " bits: secure-build signs with ECDSA on P-256");
            }
        }
        this.pgpKey = ExternalKeySignatures.publicKey(token.publicKey(), keyCreated);
        this.fingerprint = ExternalKeySignatures.fingerprint(pgpKey);
    }

    /** The user id of the certificate when none is configured: names the token key, so that it is told apart. */
    public static String defaultUserId(Pkcs11Token.Location location) {
        return "secure-build PKCS#11 key " + (location.keyLabel() != null ? location.keyLabel() : "with id " + location.keyId());
    }

    @Override
    public byte[] sign(MessageDigest documentSha512) throws SigningException {
        return ExternalKeySignatures.signDetached(pgpKey, documentSha512, clock.instant(), this::signHash);
    }

    /** The token's signature over a SHA-512 hash, as OpenPGP carries it. */
    private byte[] signHash(byte[] hash) throws SigningException {
        return token.isRsa() ? token.sign(digestInfo(NISTObjectIdentifiers.id_sha512, hash)) : ecdsa(hash);
    }

    private byte[] ecdsa(byte[] hash) throws SigningException {
        BigInteger order = ((ECPublicKey) token.publicKey()).getParams().getOrder();
        int bytes = (order.bitLength() + 7) / 8;
        // ECDSA uses the leftmost bits of a longer hash; cut here, so that no token has to.
        byte[] input = hash.length > bytes ? Arrays.copyOf(hash, bytes) : hash;
        byte[] rs = token.sign(input);
        if (rs.length != 2 * bytes) {
            throw new SigningException("The token gave an ECDSA signature of " + rs.length + " bytes for " + token.location().describe()
                    + "; expected r and s of " + bytes + " bytes each");
        }
        try {
            return StandardDSAEncoding.INSTANCE.encode(order, new BigInteger(1, Arrays.copyOfRange(rs, 0, bytes)),
                    new BigInteger(1, Arrays.copyOfRange(rs, bytes, rs.length)));
        } catch (IOException e) {
            throw new SigningException("Cannot encode the token's ECDSA signature: " + e.getMessage(), e);
        }
    }

    private static byte[] digestInfo(ASN1ObjectIdentifier algorithm, byte[] hash) throws SigningException {
        try {
            return new DigestInfo(new AlgorithmIdentifier(algorithm, DERNull.INSTANCE), hash).getEncoded("DER");
        } catch (IOException e) {
            throw new SigningException("Cannot encode a DigestInfo: " + e.getMessage(), e);
        }
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** The certificate, self-signed by the token at the key's creation time; made once, when first asked. */
    @Override
    public synchronized byte[] armoredPublicKey() {
        if (armoredPublicKey == null) {
            try {
                armoredPublicKey = ExternalKeySignatures.certificate(pgpKey, userId, keyCreated, this::signHash);
            } catch (SigningException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return armoredPublicKey.clone();
    }

    /** The certificate with another user id (export-public-key's parameter). */
    public byte[] armoredPublicKey(String otherUserId) throws SigningException {
        return ExternalKeySignatures.certificate(pgpKey, otherUserId, keyCreated, this::signHash);
    }

    @Override
    public byte[] signMessage(byte[] message) throws SigningException {
        byte[] sha256 = sha256(message);
        if (token.isRsa()) {
            return token.sign(digestInfo(NISTObjectIdentifiers.id_sha256, sha256));
        }
        return ecdsa(sha256);
    }

    @Override
    public String messageScheme() {
        return token.isRsa() ? "rsa-pkcs1v15-sha256" : "ecdsa-sha2-nistp256";
    }

    @Override
    public PublicKey messagePublicKey() {
        return token.publicKey();
    }

    public Instant keyCreated() {
        return keyCreated;
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
