package dev.securebuild.shared.signer.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ALWAYS_AUTHENTICATE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_KEY_TYPE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_SIGN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_EC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_FUNCTION_NOT_PERMITTED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RO_USER_FUNCTIONS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RW_USER_FUNCTIONS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.TokenException;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.location.Location;
import dev.securebuild.shared.text.Printable;

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

    static String shownId(String keyId) {
        try {
            return HexFormat.ofDelimiter(":").formatHex(parseKeyId(keyId));
        } catch (IllegalArgumentException e) {
            return keyId;
        }
    }

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
            throw InvalidSettingException.about(Setting.PKCS11_LIBRARY, "No PKCS#11 module: set " + Setting.PKCS11_LIBRARY.mention()
                    + " to the token's PKCS#11 library (.so, .dylib or .dll)", null);
        }
        Path library = Path.of(location.library());
        if (!Files.isRegularFile(library)) {
            throw InvalidSettingException.about(Setting.PKCS11_LIBRARY, "The PKCS#11 module " + Printable.abbreviated(location.library())
                    + " does not exist (" + Setting.PKCS11_LIBRARY.mention() + ")", null);
        }
        if ((location.keyLabel() == null || location.keyLabel().isBlank()) && (location.keyId() == null || location.keyId().isBlank())) {
            throw InvalidSettingException.about(Setting.PKCS11_KEY_LABEL, "No key label: set " + Setting.PKCS11_KEY_LABEL.mention()
                    + " to the CKA_LABEL of the signing key on the token (or " + Setting.PKCS11_KEY_ID.mention() + " to its CKA_ID)", null);
        }
        if (location.keyId() != null) {
            parseKeyId(location.keyId());
        }
        if (pin == null || pin.length == 0) {
            throw new SigningException("No PIN for the PKCS#11 token: set environment SECURE_BUILD_PKCS11_PIN (or the <password> of the "
                    + "settings.xml server named by serverId)");
        }
        Slot slot = slot(Pkcs11Modules.load(library, location), location);
        Token token = slot.getToken();
        Session session;
        try {
            session = token.openSession(false);
        } catch (PKCS11Exception e) {
            throw new SigningException("Cannot open a session on " + location.where() + ": " + e.getErrorName(), e);
        }
        boolean keep = false;
        try {
            TokenLogins.logIn(session, location.library() + "#" + slot.getSlotID(), location, pin);
            long key = TokenKeys.privateKey(session, location);
            AttributeVector attributes = session.getAttrValues(key, CKA_KEY_TYPE, CKA_SIGN, CKA_ALWAYS_AUTHENTICATE);
            long keyType = attributes.keyType() == null ? -1 : attributes.keyType();
            if (keyType != CKK_RSA && keyType != CKK_EC) {
                throw new SigningException(location.describe() + " is not an RSA or EC key: secure-build signs with RSA and ECDSA P-256 keys on tokens");
            }
            if (!Boolean.TRUE.equals(attributes.sign())) {
                throw new SigningException(location.describe() + " may not sign (its CKA_SIGN is false): create the key with the sign "
                        + "usage (pkcs11-tool --usage-sign)");
            }
            if (Boolean.TRUE.equals(attributes.alwaysAuthenticate())) {
                // Such a key wants the PIN again before every signature: the build would have to keep the PIN for its
                // whole length, which secure-build does not do.
                throw new SigningException(location.describe() + " asks for the PIN before every signature (its CKA_ALWAYS_AUTHENTICATE "
                        + "is true, as for some smart cards' signing keys): secure-build logs in once per build; use a key without it");
            }
            PublicKey publicKey = TokenKeys.publicKey(session, key, keyType, location);
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
                throw InvalidSettingException.about(Setting.PKCS11_TOKEN_LABEL, location.library() + " has " + slots.length + " tokens; choose one with "
                        + Setting.PKCS11_TOKEN_LABEL.mention() + " (or " + Setting.PKCS11_SLOT.mention() + "): " + labels(slots), null);
            }
            if (matching.size() > 1) {
                throw InvalidSettingException.about(Setting.PKCS11_SLOT, matching.size() + " tokens of " + location.library() + " are labelled '"
                        + location.tokenLabel() + "': choose one with " + Setting.PKCS11_SLOT.mention() + ": "
                        + labels(matching.toArray(new Slot[0])), null);
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
            throw InvalidSettingException.invalid(Setting.PKCS11_KEY_ID, text, "the key's CKA_ID in hex, such as 01 or 0a:1b", null);
        }
        return HexFormat.of().parseHex(digits);
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
