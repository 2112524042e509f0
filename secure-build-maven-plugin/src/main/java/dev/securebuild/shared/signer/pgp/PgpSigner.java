package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Security;
import java.time.Clock;
import java.util.Date;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;

import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;

/**
 * Makes OpenPGP v4 detached signatures over binary documents, with SHA-512, in this JVM: the signature carries its
 * creation time and the issuer's fingerprint in hashed subpackets, as gpg's do.
 */
public final class PgpSigner implements Signer {

    private final SigningKey key;
    private final Clock clock;
    private final byte[] armoredPublicKey;

    public PgpSigner(SigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
        try {
            this.armoredPublicKey = Pgp.armor(out -> key.certificate().encode(out, true));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the public key " + key.fingerprint(), e);
        }
    }

    @Override
    public DocumentSignature begin() throws SigningException {
        // BouncyCastle does the key operation; the JDK's SHA-512 (intrinsified) hashes the document. The digest
        // provider is set after the provider, which would otherwise take the digest too.
        JcaPGPContentSignerBuilder contentSigner = new JcaPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512)
                .setProvider(Pgp.PROVIDER)
                .setDigestProvider(Security.getProvider("SUN"));
        PGPSignatureGenerator generator = new PGPSignatureGenerator(contentSigner, key.publicKey());
        try {
            generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey());
        } catch (PGPException e) {
            throw new SigningException("Cannot start a signature with key " + key.fingerprint() + ": " + KeyRings.safeMessage(e), e);
        }
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(clock.instant()));
        hashed.setIssuerFingerprint(false, key.publicKey());
        generator.setHashedSubpackets(hashed.generate());
        PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
        unhashed.setIssuerKeyID(false, key.publicKey().getKeyID());
        generator.setUnhashedSubpackets(unhashed.generate());

        return new DocumentSignature() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                generator.update(bytes, offset, length);
            }

            @Override
            public byte[] finish() throws SigningException {
                try {
                    PGPSignature signature = generator.generate();
                    return Pgp.armor(signature::encode);
                } catch (PGPException | IOException e) {
                    throw new SigningException("Signing with key " + key.fingerprint() + " failed: " + KeyRings.safeMessage(e), e);
                }
            }
        };
    }

    @Override
    public String fingerprint() {
        return key.fingerprint();
    }

    @Override
    public byte[] armoredPublicKey() {
        return armoredPublicKey.clone();
    }

    public SigningKey key() {
        return key;
    }
}
