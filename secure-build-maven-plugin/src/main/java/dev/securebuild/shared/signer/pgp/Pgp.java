package dev.securebuild.shared.signer.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.HexFormat;
import java.util.Locale;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPPublicKey;

/** What all OpenPGP classes here share: one BouncyCastle provider (never registered globally) and formatting. */
final class Pgp {

    private Pgp() {}

    /**
     * BouncyCastle's JCA provider, made on first use: only generate-key needs it. Constructing it registers hundreds
     * of algorithms (about 0.2 s), which signing and checking avoid. Not added to {@code java.security.Security}: the
     * build's JVM is not ours to change.
     */
    static Provider provider() {
        return ProviderHolder.PROVIDER;
    }

    private static final class ProviderHolder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    /** Removes spaces and a 0x prefix, and upper-cases, so that gpg's grouped output can be pasted as is. */
    static String normalizeFingerprint(String fingerprint) {
        String compact = fingerprint.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.startsWith("0X") ? compact.substring(2) : compact;
    }

    /** Armors without a {@code Version:} header and with LF line ends on every platform, so output is reproducible. */
    static byte[] armor(Encodable encodable) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            encodable.encodeTo(armored);
        }
        String text = bytes.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @FunctionalInterface
    interface Encodable {
        void encodeTo(ArmoredOutputStream out) throws IOException;
    }
}
