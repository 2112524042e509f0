package dev.securebuild.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;

/**
 * Makes the in-process OpenPGP keys that benchmarks/pkcs11.sh compares with the token's keys, of the same kinds:
 * RSA 2048 and ECDSA P-256 (the plugin's generate-key makes only Ed25519 and RSA-3072). Each is an unprotected v4 key,
 * certify and sign, written to DIR/secret-key.asc, DIR/public-key.asc and DIR/fingerprint.txt. BENCHMARK-ONLY keys.
 *
 * <p>Usage: {@code InProcessKeys --type rsa2048|ecdsa-p256 --out DIR [--created 2026-01-01T00:00:00Z]}
 */
public final class InProcessKeys {

    public static void main(String[] args) throws Exception {
        String type = null;
        Path out = null;
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--type" -> type = args[i + 1];
                case "--out" -> out = Path.of(args[i + 1]);
                case "--created" -> created = Instant.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (type == null || out == null) {
            throw new IllegalArgumentException("usage: InProcessKeys --type rsa2048|ecdsa-p256 --out DIR [--created TIME]");
        }
        BouncyCastleProvider provider = new BouncyCastleProvider();
        Date date = Date.from(created);
        PGPKeyPair pair = switch (type) {
            case "rsa2048" -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
                generator.initialize(2048);
                yield new JcaPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), date);
            }
            case "ecdsa-p256" -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair keys = generator.generateKeyPair();
                yield new JcaPGPKeyPair(PublicKeyAlgorithmTags.ECDSA, keys, date);
            }
            default -> throw new IllegalArgumentException("unknown key type " + type + ": rsa2048 or ecdsa-p256");
        };
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, date);
        hashed.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
        hashed.setIssuerFingerprint(false, pair.getPublicKey());
        PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().setProvider(provider).build().get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
                "secure-build benchmark " + type + " (BENCHMARK-ONLY) <bench@secure-build.invalid>", sha1, hashed.generate(), null,
                new JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512).setProvider(provider), null);
        PGPSecretKeyRing secret = generator.generateSecretKeyRing();
        PGPPublicKeyRing certificate = generator.generatePublicKeyRing();
        Files.createDirectories(out);
        Files.write(out.resolve("secret-key.asc"), armor(secret::encode));
        Files.write(out.resolve("public-key.asc"), armor(o -> certificate.encode(o, true)));
        String fingerprint = HexFormat.of().formatHex(certificate.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
        Files.writeString(out.resolve("fingerprint.txt"), fingerprint + "\n");
        System.out.println(type + " " + fingerprint);
    }

    private interface Encoder {
        void encode(OutputStream out) throws IOException;
    }

    private static byte[] armor(Encoder encoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            encoder.encode(armored);
        }
        return bytes.toByteArray();
    }
}
