package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Date;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyConverter;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;

import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;

/**
 * Makes OpenPGP v4 detached signatures over binary documents, with SHA-512, in this JVM: BouncyCastle builds the
 * packet, with the creation time and the issuer's fingerprint in hashed subpackets as gpg's have, around a SHA-512
 * that the caller's one read of the file already computed.
 */
public final class PgpSigner implements Signer {

    private final SigningKey key;
    private final AsymmetricKeyParameter privateKey;
    private final Clock clock;
    private final byte[] armoredPublicKey;
    /** Made when first asked: the JCA key converter costs start-up that signing files does not need. */
    private PublicKey messagePublicKey;

    public PgpSigner(SigningKey key, Clock clock) throws SigningException {
        this.key = key;
        this.clock = clock;
        int algorithm = key.publicKey().getAlgorithm();
        if (!RawSignatures.supports(algorithm)) {
            throw new SigningException("Key " + key.fingerprint() + " from " + key.source() + " is a " + RawSignatures.name(algorithm)
                    + " key; secure-build signs with Ed25519, RSA and ECDSA keys");
        }
        try {
            this.privateKey = new BcPGPKeyConverter().getPrivateKey(key.privateKey());
            this.armoredPublicKey = Pgp.armor(out -> key.certificate().encode(out, true));
        } catch (PGPException | IOException e) {
            throw new SigningException("Cannot use key " + key.fingerprint() + " from " + key.source() + ": " + KeyRings.safeMessage(e), e);
        }
    }

    @Override
    public byte[] sign(MessageDigest documentSha512) throws SigningException {
        // BouncyCastle's lightweight Ed25519 and RSA are fast; the document's SHA-512 is the JDK's, continued with the trailer.
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                (type, unused) -> new DigestedContent.Signer(type, key.publicKey(), privateKey, documentSha512), key.publicKey());
        try {
            generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(clock.instant()));
            hashed.setIssuerFingerprint(false, key.publicKey());
            generator.setHashedSubpackets(hashed.generate());
            PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
            unhashed.setIssuerKeyID(false, key.publicKey().getKeyID());
            generator.setUnhashedSubpackets(unhashed.generate());
            PGPSignature signature = generator.generate();
            return Pgp.armor(signature::encode);
        } catch (PGPException | IOException | RuntimeException e) {
            throw new SigningException("Signing with key " + key.fingerprint() + " failed: " + KeyRings.safeMessage(e), e);
        }
    }

    @Override
    public String fingerprint() {
        return key.fingerprint();
    }

    @Override
    public byte[] armoredPublicKey() {
        return armoredPublicKey.clone();
    }

    @Override
    public byte[] signMessage(byte[] message) throws SigningException {
        try {
            return MessageSignatures.sign(key.publicKey().getAlgorithm(), privateKey, message);
        } catch (CryptoException | IOException | RuntimeException e) {
            throw new SigningException("Signing with key " + key.fingerprint() + " failed: " + KeyRings.safeMessage(e), e);
        }
    }

    @Override
    public String messageScheme() {
        return MessageSignatures.scheme(key.publicKey().getAlgorithm());
    }

    @Override
    public synchronized PublicKey messagePublicKey() {
        if (messagePublicKey == null) {
            try {
                messagePublicKey = new JcaPGPKeyConverter().getPublicKey(key.publicKey());
            } catch (PGPException e) {
                throw new IllegalStateException("The public key of " + key.fingerprint() + " cannot be converted: " + KeyRings.safeMessage(e), e);
            }
        }
        return messagePublicKey;
    }

    /** Checks a signature of {@link #signMessage} with the JDK, as a verifier that knows only the public key would. */
    public static boolean verifyMessage(String scheme, PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        return MessageSignatures.verify(scheme, key, message, signature);
    }

    public SigningKey key() {
        return key;
    }
}
