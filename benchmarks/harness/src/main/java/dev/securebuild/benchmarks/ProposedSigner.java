package dev.securebuild.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPContentSigner;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyConverter;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.signer.pgp.SigningKey;

/**
 * A prototype of the sign engine's per-file work with the waste taken out, to measure what the suggestions in
 * docs/benchmarks.md would save. Not the plugin's code, and not meant to become it as is.
 *
 * <ul>
 *   <li>One JDK SHA-512 serves the .sha512 sidecar and the signature: the sidecar takes a clone of its state at the end
 *       of the document, the signature's trailer is then hashed into the same digest. BouncyCastle's signer instead
 *       runs two SHA-512 over the document (EdDSA: two JCA digests; RSA: the JCA signature's own digest, which with the
 *       BouncyCastle provider is its pure-Java SHA-512, and another for the two-byte digest prefix).</li>
 *   <li>The public-key operation signs that digest directly (Ed25519 over the hash for v4 EdDSA; PKCS#1 v1.5 over
 *       the SHA-512 DigestInfo for RSA).</li>
 *   <li>The signature is checked right away against the same digest and the public key (a public-key operation, no
 *       second read of the file); the file's size and mtime are compared before and after the read, as
 *       OnePassReader already does.</li>
 * </ul>
 */
final class ProposedSigner {

    private static final byte[] SHA512_DIGEST_INFO = HexFormat.of().parseHex("3051300d060960864801650304020305000440");
    private static final int BUFFER_SIZE = 256 * 1024;

    private final SigningKey key;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Provider bc;
    private final String jcaAlgorithm;

    ProposedSigner(SigningKey key, Provider bc) throws PGPException {
        this.key = key;
        this.bc = bc;
        JcaPGPKeyConverter converter = new JcaPGPKeyConverter().setProvider(bc);
        this.privateKey = converter.getPrivateKey(key.privateKey());
        this.publicKey = converter.getPublicKey(key.publicKey());
        this.jcaAlgorithm = switch (key.publicKey().getAlgorithm()) {
            case PublicKeyAlgorithmTags.EDDSA_LEGACY -> "Ed25519";
            case PublicKeyAlgorithmTags.RSA_GENERAL -> "NONEwithRSA";
            default -> throw new IllegalArgumentException("prototype handles EdDSA (legacy) and RSA keys only");
        };
    }

    /** Hashes and signs one file in one read; returns the armored signature. Writes the three outputs when out is set. */
    byte[] hashAndSign(Path file, Path out) throws IOException, GeneralSecurityException, PGPException, CloneNotSupportedException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256", "SUN");
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512", "SUN");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
            byte[] bytes = buffer.array();
            int read;
            while ((read = channel.read(buffer)) != -1) {
                sha256.update(bytes, 0, read);
                sha512.update(bytes, 0, read);
                buffer.clear();
            }
        }
        String hex256 = HexFormat.of().formatHex(sha256.digest());
        String hex512 = HexFormat.of().formatHex(((MessageDigest) sha512.clone()).digest());

        SharedDigestSigner contentSigner = new SharedDigestSigner(sha512);
        PGPSignatureGenerator generator = new PGPSignatureGenerator((type, pgpKey) -> contentSigner.ofType(type), key.publicKey());
        generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey());
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, new Date());
        hashed.setIssuerFingerprint(false, key.publicKey());
        generator.setHashedSubpackets(hashed.generate());
        PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
        unhashed.setIssuerKeyID(false, key.publicKey().getKeyID());
        generator.setUnhashedSubpackets(unhashed.generate());
        PGPSignature signature = generator.generate();

        // The check after signing, without a second read: the signature against the digest and the public key.
        Signature verifier = Signature.getInstance(jcaAlgorithm, bc);
        verifier.initVerify(publicKey);
        verifier.update(contentSigner.signedInput());
        if (!verifier.verify(contentSigner.rawSignature)) {
            throw new IllegalStateException("the signature just made does not verify");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            signature.encode(armored);
        }
        byte[] asc = bytes.toByteArray();
        if (out != null) {
            String name = file.getFileName().toString();
            AtomicFiles.write(out.resolve(name + ".asc"), asc);
            AtomicFiles.write(out.resolve(name + ".sha256"), hex256.getBytes(StandardCharsets.US_ASCII));
            AtomicFiles.write(out.resolve(name + ".sha512"), hex512.getBytes(StandardCharsets.US_ASCII));
        }
        return asc;
    }

    /** A content signer whose output stream is the SHA-512 that already hashed the document. */
    private final class SharedDigestSigner implements PGPContentSigner {
        private final MessageDigest digest;
        private int type;
        private byte[] hash;
        private byte[] rawSignature;

        SharedDigestSigner(MessageDigest digest) {
            this.digest = digest;
        }

        SharedDigestSigner ofType(int type) {
            this.type = type;
            return this;
        }

        private byte[] hash() {
            if (hash == null) {
                hash = digest.digest();
            }
            return hash;
        }

        byte[] signedInput() {
            if (jcaAlgorithm.equals("Ed25519")) {
                return hash();
            }
            byte[] input = new byte[SHA512_DIGEST_INFO.length + 64];
            System.arraycopy(SHA512_DIGEST_INFO, 0, input, 0, SHA512_DIGEST_INFO.length);
            System.arraycopy(hash(), 0, input, SHA512_DIGEST_INFO.length, 64);
            return input;
        }

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    digest.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    digest.update(b, off, len);
                }
            };
        }

        @Override
        public byte[] getSignature() {
            try {
                Signature signer = Signature.getInstance(jcaAlgorithm, bc);
                signer.initSign(privateKey);
                signer.update(signedInput());
                rawSignature = signer.sign();
                return rawSignature;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] getDigest() {
            return hash();
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
            return key.publicKey().getAlgorithm();
        }

        @Override
        public long getKeyID() {
            return key.publicKey().getKeyID();
        }
    }
}
