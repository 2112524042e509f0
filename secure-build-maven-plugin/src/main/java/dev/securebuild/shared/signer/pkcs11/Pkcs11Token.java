package dev.securebuild.shared.signer.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_PARAMS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_POINT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_KEY_TYPE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_SIGN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_EC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_FUNCTION_NOT_PERMITTED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_EXPIRED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_INCORRECT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_LEN_RANGE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_LOCKED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RO_USER_FUNCTIONS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RW_USER_FUNCTIONS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_USER;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.xipki.pkcs11.wrapper.AttributeVector;

import com.sun.jna.NativeLibrary;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.TokenException;

import dev.securebuild.shared.signer.SigningException;

/**
 * One key on one PKCS#11 token, logged in once: the public key is read from the token, the private key is only ever
 * referred to by its handle, and every signature is the token's. Sessions are pooled, so that several threads sign at
 * once (the module is initialized with the OS's locks); the login holds for every session of the application.
 *
 * <p>The calls go through the IAIK PKCS#11 wrapper as XiPKI maintains it ({@code org.xipki:ipkcs11wrapper}). Not the
 * JDK's SunPKCS11 provider: it cannot choose a token by its label, and its KeyStore does not show a private key that has
 * no certificate object next to it, which is how pkcs11-tool, softhsm2-util and the cloud HSMs' tools create keys.
 */
public final class Pkcs11Token {

    /**
     * Where the token is and which key on it signs: by its label (CKA_LABEL), its id (CKA_ID, in hex) or both. The PIN
     * is not part of it.
     */
    public record Location(String library, String tokenLabel, Long slot, String keyLabel, String keyId) {

        public Location(String library, String tokenLabel, Long slot, String keyLabel) {
            this(library, tokenLabel, slot, keyLabel, null);
        }

        public String describe() {
            return describeKey() + " on " + where();
        }

        /** {@code key 'label'}, {@code key with id 01} or {@code key 'label' (id 01)}. */
        public String describeKey() {
            String id = keyId == null ? null : shownId(keyId);
            return keyLabel == null ? "key with id " + id : "key '" + keyLabel + "'" + (id == null ? "" : " (id " + id + ")");
        }

        String where() {
            String token = tokenLabel != null ? "token '" + tokenLabel + "'" + (slot != null ? " in slot " + slot : "")
                    : slot != null ? "slot " + slot : "the token";
            return token + " of " + library;
        }
    }

    private static String shownId(String keyId) {
        try {
            return HexFormat.ofDelimiter(":").formatHex(parseKeyId(keyId));
        } catch (IllegalArgumentException e) {
            return keyId;
        }
    }

    /** A module is initialized once per process (C_Initialize), so each library is loaded once and kept. */
    private static final Map<Path, PKCS11Module> MODULES = new ConcurrentHashMap<>();

    /**
     * Which PIN (by its SHA-256) logged this process in to which token. A login belongs to the whole application, so
     * a second login to the same token answers CKR_USER_ALREADY_LOGGED_IN whatever PIN it gives: without this record a
     * later build in the same JVM (mvnd) would be let in with a wrong PIN.
     */
    private static final Map<String, String> LOGINS = new ConcurrentHashMap<>();

    private final Token token;
    private final Location location;
    private final long privateKey;
    private final long keyType;
    private final PublicKey publicKey;
    private final ConcurrentLinkedQueue<Session> sessions = new ConcurrentLinkedQueue<>();

    private Pkcs11Token(Token token, Location location, long privateKey, long keyType, PublicKey publicKey) {
        this.token = token;
        this.location = location;
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
        Path library = Path.of(location.library());
        if (!Files.isRegularFile(library)) {
            throw new SigningException("The PKCS#11 module " + location.library() + " does not exist (secure-build.pkcs11.library)");
        }
        if ((location.keyLabel() == null || location.keyLabel().isBlank()) && (location.keyId() == null || location.keyId().isBlank())) {
            throw new SigningException("No key label: set secure-build.pkcs11.keyLabel to the CKA_LABEL of the signing key on the token "
                    + "(or secure-build.pkcs11.keyId to its CKA_ID)");
        }
        if (location.keyId() != null) {
            try {
                parseKeyId(location.keyId());
            } catch (IllegalArgumentException e) {
                throw new SigningException(e.getMessage(), e);
            }
        }
        if (pin == null || pin.length == 0) {
            throw new SigningException("No PIN for the PKCS#11 token: set environment SECURE_BUILD_PKCS11_PIN (or the <password> of the "
                    + "settings.xml server named by serverId)");
        }
        Slot slot = slot(module(library, location), location);
        Token token = slot.getToken();
        Session session;
        try {
            session = token.openSession(false);
        } catch (PKCS11Exception e) {
            throw new SigningException("Cannot open a session on " + location.where() + ": " + e.getErrorName(), e);
        }
        boolean keep = false;
        try {
            logIn(session, location.library() + "#" + slot.getSlotID(), location, pin);
            long key = privateKey(session, location);
            AttributeVector attributes = session.getAttrValues(key, CKA_KEY_TYPE, CKA_SIGN);
            long keyType = attributes.keyType() == null ? -1 : attributes.keyType();
            if (keyType != CKK_RSA && keyType != CKK_EC) {
                throw new SigningException(location.describe() + " is not an RSA or EC key: secure-build signs with RSA and ECDSA P-256 keys on tokens");
            }
            if (!Boolean.TRUE.equals(attributes.sign())) {
                throw new SigningException(location.describe() + " may not sign (its CKA_SIGN is false): create the key with the sign "
                        + "usage (pkcs11-tool --usage-sign)");
            }
            PublicKey publicKey = publicKey(session, key, keyType, location);
            Pkcs11Token opened = new Pkcs11Token(token, location, key, keyType, publicKey);
            opened.sessions.add(session);
            keep = true;
            return opened;
        } catch (PKCS11Exception e) {
            throw new SigningException("Cannot use " + location.describe() + ": " + e.getErrorName(), e);
        } finally {
            if (!keep) {
                closeQuietly(session);
            }
        }
    }

    private static PKCS11Module module(Path library, Location location) throws SigningException {
        Path key = library.toAbsolutePath().normalize();
        PKCS11Module module = MODULES.get(key);
        if (module != null) {
            return module;
        }
        synchronized (MODULES) {
            module = MODULES.get(key);
            if (module == null) {
                QuietWrapperLog.install();
                requireFunctionList(key, location);
                try {
                    module = PKCS11Module.getInstance(key.toString());
                    initialize(module);
                } catch (IOException | PKCS11Exception | UnsatisfiedLinkError e) {
                    String why = e instanceof PKCS11Exception p11 ? p11.getErrorName() : e.getMessage();
                    throw new SigningException("Cannot load the PKCS#11 module " + location.library() + ": " + why, e);
                }
                MODULES.put(key, module);
            }
            return module;
        }
    }

    /**
     * Looks C_GetFunctionList up, through JNA, before the wrapper loads the library: the wrapper's native part reports a
     * library without it (any library that is not a PKCS#11 module) with a message read from freed memory, and that can
     * crash the JVM. A library that cannot be loaded at all is reported by the wrapper correctly, but here as well.
     */
    private static void requireFunctionList(Path library, Location location) throws SigningException {
        NativeLibrary loaded;
        try {
            loaded = NativeLibrary.getInstance(library.toString());
        } catch (UnsatisfiedLinkError e) {
            throw new SigningException("Cannot load the PKCS#11 module " + location.library() + ": " + e.getMessage(), e);
        }
        try {
            loaded.getFunction("C_GetFunctionList");
        } catch (UnsatisfiedLinkError e) {
            throw new SigningException("Cannot load the PKCS#11 module " + location.library() + ": it is not a PKCS#11 module (it has no "
                    + "C_GetFunctionList); set secure-build.pkcs11.library to the token's PKCS#11 library", e);
        }
    }

    /** Another class loader of this JVM (a second plugin, a test fixture) may have initialized the module already: that is fine. */
    private static void initialize(PKCS11Module module) throws PKCS11Exception {
        try {
            module.initialize();
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                throw e;
            }
        }
    }

    private static Slot slot(PKCS11Module module, Location location) throws SigningException {
        try {
            Slot[] slots = module.getSlotList(true);
            List<Slot> matching = new ArrayList<>();
            for (Slot slot : slots) {
                slot.setUseUtf8Encoding(true);
                boolean slotMatches = location.slot() == null || slot.getSlotID() == location.slot();
                boolean labelMatches = location.tokenLabel() == null || label(slot).equals(location.tokenLabel());
                if (slotMatches && labelMatches) {
                    matching.add(slot);
                }
            }
            if (matching.size() == 1) {
                return matching.get(0);
            }
            if (location.tokenLabel() == null && location.slot() == null) {
                throw new SigningException(location.library() + " has " + slots.length + " tokens; choose one with secure-build.pkcs11.tokenLabel "
                        + "(or secure-build.pkcs11.slot): " + labels(slots));
            }
            if (matching.size() > 1) {
                throw new SigningException(matching.size() + " tokens of " + location.library() + " are labelled '" + location.tokenLabel()
                        + "': choose one with secure-build.pkcs11.slot: " + labels(matching.toArray(new Slot[0])));
            }
            String wanted = location.tokenLabel() == null ? "Slot " + location.slot() + " of " + location.library() + " holds no token"
                    : "No token labelled '" + location.tokenLabel() + "'" + (location.slot() == null ? " in " : " in slot " + location.slot() + " of ")
                            + location.library();
            throw new SigningException(wanted + "; the tokens are: " + labels(slots));
        } catch (PKCS11Exception e) {
            throw new SigningException("Cannot list the tokens of " + location.library() + ": " + e.getErrorName(), e);
        }
    }

    private static String label(Slot slot) throws PKCS11Exception {
        String label = slot.getToken().getTokenInfo().getLabel();
        return label == null ? "" : label.trim();
    }

    private static String labels(Slot[] slots) throws PKCS11Exception {
        List<String> labels = new ArrayList<>();
        for (Slot slot : slots) {
            labels.add("'" + label(slot) + "' (slot " + slot.getSlotID() + ")");
        }
        return labels.isEmpty() ? "none" : String.join(", ", labels);
    }

    private static void logIn(Session session, String tokenKey, Location location, char[] pin) throws SigningException {
        String pinDigest = pinDigest(pin);
        synchronized (LOGINS) {
            try {
                try {
                    session.login(CKU_USER, pin);
                } catch (PKCS11Exception e) {
                    if (e.getErrorCode() != CKR_USER_ALREADY_LOGGED_IN) {
                        throw e;
                    }
                    if (pinDigest.equals(LOGINS.get(tokenKey))) {
                        return;
                    }
                    // Logged in with another PIN, or by other code of this process: this PIN has to prove itself.
                    session.logout();
                    LOGINS.remove(tokenKey);
                    session.login(CKU_USER, pin);
                }
                LOGINS.put(tokenKey, pinDigest);
            } catch (PKCS11Exception e) {
                long code = e.getErrorCode();
                String why = code == CKR_PIN_INCORRECT || code == CKR_PIN_INVALID || code == CKR_PIN_LEN_RANGE ? "the token rejected the PIN"
                        : code == CKR_PIN_LOCKED ? "the token's PIN is locked (too many wrong PINs)"
                        : code == CKR_PIN_EXPIRED ? "the token's PIN has expired" : "login failed";
                throw new SigningException("Cannot log in to " + location.where() + ": " + why + " (" + e.getErrorName()
                        + "; the PIN comes from environment SECURE_BUILD_PKCS11_PIN or the settings.xml server)", e);
            }
        }
    }

    /** The SHA-256 of the PIN's UTF-8 bytes: what is kept to tell PINs apart, never the PIN. */
    public static String pinDigest(char[] pin) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin == null ? new char[0] : pin));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(bytes);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(bytes.array(), (byte) 0);
        }
    }

    /** The template that finds the key's objects of one class: its label, its id, or both. */
    private static AttributeVector template(AttributeVector objectClass, Location location) {
        if (location.keyLabel() != null) {
            objectClass.label(location.keyLabel());
        }
        if (location.keyId() != null) {
            objectClass.id(parseKeyId(location.keyId()));
        }
        return objectClass;
    }

    private static long privateKey(Session session, Location location) throws PKCS11Exception, SigningException {
        long[] keys = session.findAllObjectsSingle(template(AttributeVector.newPrivateKey(), location));
        if (keys.length == 1) {
            return keys[0];
        }
        if (keys.length > 1) {
            throw new SigningException(keys.length + " private keys on " + location.where() + " match " + location.describeKey()
                    + ": give the signing key a label of its own, or choose it by secure-build.pkcs11.keyId");
        }
        List<String> keysThere = new ArrayList<>();
        for (long other : session.findAllObjectsSingle(AttributeVector.newPrivateKey())) {
            AttributeVector names = session.getAttrValues(other, CKA_LABEL, CKA_ID);
            String label = names.label() == null ? "(no label)" : "'" + names.label() + "'";
            keysThere.add(names.id() == null || names.id().length == 0 ? label : label + " (id " + HexFormat.ofDelimiter(":").formatHex(names.id()) + ")");
        }
        String wanted = (location.keyLabel() != null ? " labelled '" + location.keyLabel() + "'" : "")
                + (location.keyId() != null ? " with id " + shownId(location.keyId()) : "");
        throw new SigningException("No private key" + wanted + " on " + location.where() + "; its private keys are: "
                + (keysThere.isEmpty() ? "none" : String.join(", ", keysThere)) + " (secure-build.pkcs11.keyLabel, secure-build.pkcs11.keyId)");
    }

    /**
     * A CKA_ID as people write it: hex digits, optionally with a {@code 0x} prefix and {@code :} or space between
     * bytes ({@code 01}, {@code 0x0a1b}, {@code 0a:1b}, as pkcs11-tool and p11tool print them).
     */
    public static byte[] parseKeyId(String text) {
        String digits = text.trim();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        digits = digits.replace(":", "").replace(" ", "");
        if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("secure-build.pkcs11.keyId is '" + text + "': expected the key's CKA_ID in hex, such as 01 or 0a:1b");
        }
        return HexFormat.of().parseHex(digits);
    }

    /**
     * The public key, from the token's public key object with the same label (or, when there is none, from the private
     * key object's public attributes, which many tokens also carry).
     */
    private static PublicKey publicKey(Session session, long privateKey, long keyType, Location location)
            throws PKCS11Exception, SigningException {
        List<Long> candidates = new ArrayList<>();
        for (long object : session.findAllObjectsSingle(template(AttributeVector.newPublicKey(), location))) {
            candidates.add(object);
        }
        candidates.add(privateKey);
        for (long object : candidates) {
            try {
                if (keyType == CKK_RSA) {
                    AttributeVector rsa = session.getAttrValues(object, CKA_MODULUS, CKA_PUBLIC_EXPONENT);
                    if (rsa.modulus() != null && rsa.publicExponent() != null && rsa.modulus().signum() > 0) {
                        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.modulus(), rsa.publicExponent()));
                    }
                } else {
                    AttributeVector ec = session.getAttrValues(object, CKA_EC_PARAMS, CKA_EC_POINT);
                    if (ec.ecParams() != null && ec.ecPoint() != null && ec.ecParams().length > 0 && ec.ecPoint().length > 0) {
                        return ecPublicKey(ec.ecParams(), ec.ecPoint());
                    }
                }
            } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
                throw new SigningException("The public key of " + location.describe() + " cannot be read: " + e.getMessage(), e);
            }
        }
        throw new SigningException("No public key for " + location.describe() + ": the token has no public key object of that "
                + (location.keyLabel() != null ? "label" : "id") + " and the private key does not show its public part");
    }

    /** CKA_EC_PARAMS is the curve's DER OID; CKA_EC_POINT the DER OCTET STRING of the uncompressed point (some tokens omit the wrapper). */
    private static PublicKey ecPublicKey(byte[] params, byte[] point) throws GeneralSecurityException, IOException {
        ASN1Primitive curve = ASN1Primitive.fromByteArray(params);
        if (!(curve instanceof ASN1ObjectIdentifier oid)) {
            throw new GeneralSecurityException("the curve is not named by an OID (CKA_EC_PARAMS)");
        }
        X9ECParameters curveParameters = ECNamedCurveTable.getByOID(oid);
        if (curveParameters == null) {
            throw new GeneralSecurityException("unknown curve " + oid.getId());
        }
        int rawLength = 1 + 2 * ((curveParameters.getCurve().getFieldSize() + 7) / 8);
        byte[] encoded = point.length == rawLength ? point : ASN1OctetString.getInstance(point).getOctets();
        SubjectPublicKeyInfo info = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid), encoded);
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(info.getEncoded("DER")));
    }

    private static void closeQuietly(Session session) {
        try {
            session.closeSession();
        } catch (PKCS11Exception e) {
            // The session is of no further use either way.
        }
    }

    /**
     * Whether the token still has this process logged in: a later login with another PIN (a later build in the same
     * JVM) logs the earlier one out, and a token that was removed and put back forgets it.
     */
    public boolean loggedIn() {
        Session session = sessions.poll();
        if (session == null) {
            return true;
        }
        try {
            long state = session.getSessionInfo().getState();
            return state == CKS_RO_USER_FUNCTIONS || state == CKS_RW_USER_FUNCTIONS;
        } catch (PKCS11Exception e) {
            return false;
        } finally {
            sessions.add(session);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public boolean isRsa() {
        return keyType == CKK_RSA;
    }

    public Location location() {
        return location;
    }

    /**
     * The token signs: RSA with CKM_RSA_PKCS over a DigestInfo (the PKCS#1 v1.5 padding is the token's), EC with
     * CKM_ECDSA over a hash (the value is r and s, each as long as the curve's order).
     */
    public byte[] sign(byte[] input) throws SigningException {
        Session session = sessions.poll();
        try {
            if (session == null) {
                session = token.openSession(false);
            }
            return session.signSingle(new Mechanism(isRsa() ? CKM_RSA_PKCS : CKM_ECDSA), privateKey, input);
        } catch (TokenException e) {
            boolean refused = e instanceof PKCS11Exception p11 && p11.getErrorCode() == CKR_KEY_FUNCTION_NOT_PERMITTED;
            String code = e instanceof PKCS11Exception p11 ? p11.getErrorName() : e.getMessage();
            throw new SigningException("The token refused to sign with " + location.describe()
                    + (refused ? ": the token does not let this key sign (CKA_SIGN)" : "") + " (" + code + ")", e);
        } finally {
            if (session != null) {
                sessions.add(session);
            }
        }
    }
}
