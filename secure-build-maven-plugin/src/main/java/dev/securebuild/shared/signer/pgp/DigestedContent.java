package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.PGPContentSigner;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;

/**
 * BouncyCastle's content signer and verifier, fed a SHA-512 that has already consumed the document: BouncyCastle
 * writes the signature trailer into it and builds or parses the packet; the document is never hashed a second time.
 * Each instance works on its own clone of the digest, so the caller's digest stays as it was.
 */
final class DigestedContent {

    private DigestedContent() {}

    static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's SHA-512 can be cloned", e);
        }
    }

    private static OutputStream into(MessageDigest digest) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                digest.update((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }
        };
    }

    /** The public-key operation over the finished SHA-512, giving the value in the form BouncyCastle's packet writer takes. */
    @FunctionalInterface
    interface Operation {
        byte[] sign(byte[] sha512) throws Exception;
    }

    /**
     * Signs with the private key, with BouncyCastle's lightweight classes (fast Ed25519, no provider start-up), or with
     * another operation (a hardware token's).
     */
    static final class Signer implements PGPContentSigner {
        private final int type;
        private final PGPPublicKey publicKey;
        private final Operation operation;
        private final MessageDigest digest;
        private byte[] hash;

        Signer(int type, PGPPublicKey publicKey, AsymmetricKeyParameter privateKey, MessageDigest documentSha512) {
            this(type, publicKey, sha512 -> RawSignatures.sign(publicKey.getAlgorithm(), privateKey, sha512), documentSha512);
        }

        Signer(int type, PGPPublicKey publicKey, Operation operation, MessageDigest documentSha512) {
            this.type = type;
            this.publicKey = publicKey;
            this.operation = operation;
            this.digest = copy(documentSha512);
        }

        @Override
        public OutputStream getOutputStream() {
            return into(digest);
        }

        @Override
        public byte[] getDigest() {
            if (hash == null) {
                hash = digest.digest();
            }
            return hash.clone();
        }

        @Override
        public byte[] getSignature() {
            try {
                return operation.sign(getDigest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("The " + RawSignatures.name(publicKey.getAlgorithm()) + " signing operation failed: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public int getHashAlgorithm() {
            return HashAlgorithmTags.SHA512;
        }

        @Override
        public int getKeyAlgorithm() {
            return publicKey.getAlgorithm();
        }

        @Override
        public long getKeyID() {
            return publicKey.getKeyID();
        }
    }

    /** Verifies with the JDK's own providers, so that what BouncyCastle signed is checked by a second implementation. */
    static final class VerifierProvider implements PGPContentVerifierBuilderProvider {
        private final MessageDigest documentSha512;
        private final PublicKeys known;

        /** @param known the certificates the signature's key comes from, which convert each key for the JDK once */
        VerifierProvider(MessageDigest documentSha512, PublicKeys known) {
            this.documentSha512 = documentSha512;
            this.known = known;
        }

        @Override
        public PGPContentVerifierBuilder get(int keyAlgorithm, int hashAlgorithm) throws PGPException {
            if (hashAlgorithm != HashAlgorithmTags.SHA512) {
                throw new PGPException("a SHA-512 digest was given, the signature uses hash algorithm " + hashAlgorithm);
            }
            return publicKey -> {
                PublicKey key = known.jdkKey(publicKey);
                MessageDigest digest = copy(documentSha512);
                return new PGPContentVerifier() {
                    @Override
                    public OutputStream getOutputStream() {
                        return into(digest);
                    }

                    @Override
                    public boolean verify(byte[] expected) {
                        try {
                            return RawSignatures.verify(publicKey, key, digest.digest(), expected);
                        } catch (GeneralSecurityException | IOException e) {
                            return false;
                        }
                    }

                    @Override
                    public int getHashAlgorithm() {
                        return HashAlgorithmTags.SHA512;
                    }

                    @Override
                    public int getKeyAlgorithm() {
                        return keyAlgorithm;
                    }

                    @Override
                    public long getKeyID() {
                        return publicKey.getKeyID();
                    }
                };
            };
        }
    }
}
