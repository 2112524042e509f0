package dev.securebuild.shared.signer.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;

import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.text.Printable;

/**
 * Reads OpenPGP key rings from armored or binary bytes, or from either of those wrapped in base64 (the form CI systems
 * that cannot store multi-line secrets need). The parsing is BouncyCastle's; this class only names what went wrong.
 */
final class KeyRings {

    private KeyRings() {}

    record Parsed(List<PGPSecretKeyRing> secretRings, List<PGPPublicKeyRing> publicRings) {}

    static Parsed parse(byte[] material, String source) throws SigningException {
        byte[] bytes = unwrapBase64(material);
        if (bytes.length == 0) {
            throw new SigningException(source + " is empty: expected an OpenPGP key (armored, binary or base64)");
        }
        List<PGPSecretKeyRing> secret = new ArrayList<>();
        List<PGPPublicKeyRing> publicRings = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
            // An armored file may hold several blocks, one after the other (cat a.asc b.asc): read until the end.
            boolean more = true;
            while (more) {
                JcaPGPObjectFactory factory = new JcaPGPObjectFactory(in);
                Object object;
                while ((object = factory.nextObject()) != null) {
                    if (object instanceof PGPSecretKeyRing ring) {
                        secret.add(ring);
                    } else if (object instanceof PGPPublicKeyRing ring) {
                        publicRings.add(ring);
                    } else {
                        throw new SigningException(source + " holds an OpenPGP " + describe(object)
                                + " where a key was expected");
                    }
                }
                more = in instanceof ArmoredInputStream armored && !armored.isEndOfStream();
            }
        } catch (IOException | RuntimeException e) {
            throw new SigningException(source + " is not a readable OpenPGP key (expected an armored '-----BEGIN PGP "
                    + "PRIVATE KEY BLOCK-----', a binary key or its base64): " + safeMessage(e));
        }
        if (secret.isEmpty() && publicRings.isEmpty()) {
            throw new SigningException(source + " holds no OpenPGP key");
        }
        return new Parsed(secret, publicRings);
    }

    private static String describe(Object object) {
        return object.getClass().getSimpleName().replace("PGP", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** BouncyCastle's messages describe the structure, never the key bytes; keep them short. */
    static String safeMessage(Throwable e) {
        String message = e.getMessage();
        // BouncyCastle may quote what it read (an armor header line): shown escaped, it cannot forge a log line.
        return message == null ? e.getClass().getSimpleName() : Printable.of(message);
    }

    private static byte[] unwrapBase64(byte[] material) {
        String text = new String(material, StandardCharsets.US_ASCII).strip();
        if (text.startsWith("-----BEGIN") || text.isEmpty() || !text.matches("[A-Za-z0-9+/=\\s]+")) {
            return material;
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return material;
        }
    }

}
