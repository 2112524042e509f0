package dev.securebuild.shared.signer.pkcs11;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import dev.securebuild.shared.signer.SigningException;

/**
 * One key on one PKCS#11 token, logged in once: the public key is read from the token, the private key is only ever
 * referred to by its handle, and every signature is the token's. Sessions are pooled, so that several threads sign at
 * once (the module is initialized with the OS's locks); the login holds for every session of the application.
 */
public final class Pkcs11Token {

    /** Where the token is and which key on it signs. The PIN is not part of it. */
    public record Location(String library, String tokenLabel, Long slot, String keyLabel) {
        public String describe() {
            return "key '" + keyLabel + "' on " + (tokenLabel != null ? "token '" + tokenLabel + "'" : "slot " + slot) + " of " + library;
        }
    }

    private final Cryptoki cryptoki;
    private final Location location;
    private final long slot;
    private final long privateKey;
    private final long keyType;
    private final PublicKey publicKey;
    private final ConcurrentLinkedQueue<Long> sessions = new ConcurrentLinkedQueue<>();

    private Pkcs11Token(Cryptoki cryptoki, Location location, long slot, long privateKey, long keyType, PublicKey publicKey) {
        this.cryptoki = cryptoki;
        this.location = location;
        this.slot = slot;
        this.privateKey = privateKey;
        this.keyType = keyType;
        this.publicKey = publicKey;
    }

    /**
     * Loads the module, finds the token, logs in with the PIN and finds the key. Every message says what was looked
     * for and what exists, never the PIN.
     */
    public static Pkcs11Token open(Location location, char[] pin) throws SigningException {
        if (location.library() == null || location.library().isBlank()) {
            throw new SigningException("No PKCS#11 module: set secure-build.pkcs11.library to the token's PKCS#11 library (.so, .dylib or .dll)");
        }
        if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(location.library()))) {
            throw new SigningException("The PKCS#11 module " + location.library() + " does not exist (secure-build.pkcs11.library)");
        }
        if (location.keyLabel() == null || location.keyLabel().isBlank()) {
            throw new SigningException("No key label: set secure-build.pkcs11.keyLabel to the CKA_LABEL of the signing key on the token");
        }
        if (pin == null || pin.length == 0) {
            throw new SigningException("No PIN for the PKCS#11 token: set environment SECURE_BUILD_PKCS11_PIN (or the <password> of the "
                    + "settings.xml server named by serverId)");
        }
        Cryptoki cryptoki;
        try {
            cryptoki = Cryptoki.load(location.library());
        } catch (Cryptoki.Error | UnsatisfiedLinkError e) {
            throw new SigningException("Cannot load the PKCS#11 module " + location.library() + ": " + e.getMessage(), e);
        }
        long slot = slot(cryptoki, location);
        long session;
        try {
            session = cryptoki.openSession(slot);
        } catch (Cryptoki.Error e) {
            throw new SigningException("Cannot open a session on " + where(location) + ": " + e.getMessage(), e);
        }
        boolean keep = false;
        try {
            try {
                cryptoki.login(session, pin);
            } catch (Cryptoki.Error e) {
                String why = switch ((int) e.code) {
                    case (int) Cryptoki.CKR_PIN_INCORRECT, (int) Cryptoki.CKR_PIN_INVALID, (int) Cryptoki.CKR_PIN_LEN_RANGE ->
                            "the token rejected the PIN";
                    case (int) Cryptoki.CKR_PIN_LOCKED -> "the token's PIN is locked (too many wrong PINs)";
                    case (int) Cryptoki.CKR_PIN_EXPIRED -> "the token's PIN has expired";
                    default -> "login failed";
                };
                throw new SigningException("Cannot log in to " + where(location) + ": " + why + " (" + Cryptoki.name(e.code)
                        + "; the PIN comes from environment SECURE_BUILD_PKCS11_PIN or the settings.xml server)", e);
            }
            long key = privateKey(cryptoki, session, location);
            byte[] type = cryptoki.attribute(session, key, Cryptoki.CKA_KEY_TYPE);
            long keyType = type == null ? -1 : ulong(type);
            if (keyType != Cryptoki.CKK_RSA && keyType != Cryptoki.CKK_EC) {
                throw new SigningException(location.describe() + " is not an RSA or EC key: secure-build signs with RSA and ECDSA P-256 keys on tokens");
            }
            byte[] sign = cryptoki.attribute(session, key, Cryptoki.CKA_SIGN);
            if (sign == null || sign.length == 0 || sign[0] == 0) {
                throw new SigningException(location.describe() + " may not sign (its CKA_SIGN is false): create the key with the sign "
                        + "usage (pkcs11-tool --usage-sign)");
            }
            PublicKey publicKey = publicKey(cryptoki, session, key, keyType, location);
            Pkcs11Token token = new Pkcs11Token(cryptoki, location, slot, key, keyType, publicKey);
            token.sessions.add(session);
            keep = true;
            return token;
        } catch (Cryptoki.Error e) {
            throw new SigningException("Cannot use " + location.describe() + ": " + e.getMessage(), e);
        } finally {
            if (!keep) {
                cryptoki.closeSession(session);
            }
        }
    }

    private static String where(Location location) {
        return (location.tokenLabel() != null ? "token '" + location.tokenLabel() + "'" : "slot " + location.slot()) + " of " + location.library();
    }

    private static long slot(Cryptoki cryptoki, Location location) throws SigningException {
        try {
            long[] slots = cryptoki.slotsWithToken();
            if (location.tokenLabel() == null && location.slot() == null) {
                if (slots.length == 1) {
                    return slots[0];
                }
                throw new SigningException(location.library() + " has " + slots.length + " tokens; choose one with secure-build.pkcs11.tokenLabel: "
                        + labels(cryptoki, slots));
            }
            if (location.slot() != null) {
                for (long slot : slots) {
                    if (slot == location.slot()) {
                        return slot;
                    }
                }
                throw new SigningException("Slot " + location.slot() + " of " + location.library() + " holds no token; the tokens are: "
                        + labels(cryptoki, slots));
            }
            for (long slot : slots) {
                if (cryptoki.tokenLabel(slot).equals(location.tokenLabel())) {
                    return slot;
                }
            }
            throw new SigningException("No token labelled '" + location.tokenLabel() + "' in " + location.library() + "; the tokens are: "
                    + labels(cryptoki, slots));
        } catch (Cryptoki.Error e) {
            throw new SigningException("Cannot list the tokens of " + location.library() + ": " + e.getMessage(), e);
        }
    }

    private static String labels(Cryptoki cryptoki, long[] slots) throws Cryptoki.Error {
        List<String> labels = new ArrayList<>();
        for (long slot : slots) {
            labels.add("'" + cryptoki.tokenLabel(slot) + "' (slot " + slot + ")");
        }
        return labels.isEmpty() ? "none" : String.join(", ", labels);
    }

    private static long privateKey(Cryptoki cryptoki, long session, Location location) throws Cryptoki.Error, SigningException {
        List<Long> keys = cryptoki.find(session, Cryptoki.CKO_PRIVATE_KEY, location.keyLabel());
        if (keys.size() == 1) {
            return keys.get(0);
        }
        if (keys.size() > 1) {
            throw new SigningException(keys.size() + " private keys on " + where(location) + " are labelled '" + location.keyLabel()
                    + "': give the signing key a label of its own");
        }
        List<String> labels = new ArrayList<>();
        for (long other : cryptoki.find(session, Cryptoki.CKO_PRIVATE_KEY, null)) {
            byte[] label = cryptoki.attribute(session, other, Cryptoki.CKA_LABEL);
            labels.add(label == null ? "(no label)" : "'" + new String(label, StandardCharsets.UTF_8) + "'");
        }
        throw new SigningException("No private key labelled '" + location.keyLabel() + "' on " + where(location) + "; its private keys are: "
                + (labels.isEmpty() ? "none" : String.join(", ", labels)) + " (secure-build.pkcs11.keyLabel)");
    }

    /**
     * The public key, from the token's public key object with the same label (or, when there is none, from the private
     * key object's public attributes, which many tokens also carry).
     */
    private static PublicKey publicKey(Cryptoki cryptoki, long session, long privateKey, long keyType, Location location)
            throws Cryptoki.Error, SigningException {
        List<Long> candidates = new ArrayList<>(cryptoki.find(session, Cryptoki.CKO_PUBLIC_KEY, location.keyLabel()));
        candidates.add(privateKey);
        for (long object : candidates) {
            try {
                if (keyType == Cryptoki.CKK_RSA) {
                    byte[] modulus = cryptoki.attribute(session, object, Cryptoki.CKA_MODULUS);
                    byte[] exponent = cryptoki.attribute(session, object, Cryptoki.CKA_PUBLIC_EXPONENT);
                    if (modulus != null && exponent != null && modulus.length > 0 && exponent.length > 0) {
                        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(new BigInteger(1, modulus), new BigInteger(1, exponent)));
                    }
                } else {
                    byte[] params = cryptoki.attribute(session, object, Cryptoki.CKA_EC_PARAMS);
                    byte[] point = cryptoki.attribute(session, object, Cryptoki.CKA_EC_POINT);
                    if (params != null && point != null && params.length > 0 && point.length > 0) {
                        return ecPublicKey(params, point);
                    }
                }
            } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
                throw new SigningException("The public key of " + location.describe() + " cannot be read: " + e.getMessage(), e);
            }
        }
        throw new SigningException("No public key for " + location.describe() + ": the token has no public key object labelled '"
                + location.keyLabel() + "' and the private key does not show its public part");
    }

    /** CKA_EC_PARAMS is the curve's DER OID; CKA_EC_POINT the DER OCTET STRING of the uncompressed point (some tokens omit the wrapper). */
    private static PublicKey ecPublicKey(byte[] params, byte[] point) throws GeneralSecurityException, java.io.IOException {
        ASN1Primitive curve = ASN1Primitive.fromByteArray(params);
        if (!(curve instanceof ASN1ObjectIdentifier oid)) {
            throw new GeneralSecurityException("the curve is not named by an OID (CKA_EC_PARAMS)");
        }
        org.bouncycastle.asn1.x9.X9ECParameters curveParameters = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByOID(oid);
        if (curveParameters == null) {
            throw new GeneralSecurityException("unknown curve " + oid.getId());
        }
        int rawLength = 1 + 2 * ((curveParameters.getCurve().getFieldSize() + 7) / 8);
        byte[] encoded = point.length == rawLength ? point : ASN1OctetString.getInstance(point).getOctets();
        SubjectPublicKeyInfo info = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid), encoded);
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(info.getEncoded("DER")));
    }

    private static long ulong(byte[] nativeBytes) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(nativeBytes).order(java.nio.ByteOrder.nativeOrder());
        return nativeBytes.length >= 8 ? buffer.getLong() : buffer.getInt() & 0xFFFFFFFFL;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public boolean isRsa() {
        return keyType == Cryptoki.CKK_RSA;
    }

    public Location location() {
        return location;
    }

    /**
     * The token signs: RSA with CKM_RSA_PKCS over a DigestInfo (the PKCS#1 v1.5 padding is the token's), EC with
     * CKM_ECDSA over a hash (the value is r and s, each as long as the curve's order).
     */
    public byte[] sign(byte[] input) throws SigningException {
        Long session = sessions.poll();
        try {
            if (session == null) {
                session = cryptoki.openSession(slot);
            }
            return cryptoki.sign(session, privateKey, isRsa() ? Cryptoki.CKM_RSA_PKCS : Cryptoki.CKM_ECDSA, input);
        } catch (Cryptoki.Error e) {
            String why = e.code == Cryptoki.CKR_KEY_FUNCTION_NOT_PERMITTED ? ": the token does not let this key sign (CKA_SIGN)" : "";
            throw new SigningException("The token refused to sign with " + location.describe() + why + " (" + e.getMessage() + ")", e);
        } finally {
            if (session != null) {
                sessions.add(session);
            }
        }
    }
}
