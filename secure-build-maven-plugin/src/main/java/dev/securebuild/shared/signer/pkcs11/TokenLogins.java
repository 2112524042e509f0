package dev.securebuild.shared.signer.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_EXPIRED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_INCORRECT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_LEN_RANGE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_PIN_LOCKED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_USER;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;

import dev.securebuild.shared.signer.SigningException;

/** Logging in to tokens: once per token and process, and never with a PIN that the token has not checked. */
public final class TokenLogins {

    private TokenLogins() {}

    /**
     * Which PIN (by its SHA-256) logged this process in to which token. A login belongs to the whole application, so
     * a second login to the same token answers CKR_USER_ALREADY_LOGGED_IN whatever PIN it gives: without this record a
     * later build in the same JVM (mvnd) would be let in with a wrong PIN.
     */
    private static final Map<String, String> LOGINS = new HashMap<>();
    /** Held for a whole login, which reads and writes LOGINS and the token's state together. */
    private static final Object LOCK = new Object();

    static void logIn(Session session, String tokenKey, Pkcs11Token.Location location, char[] pin) throws SigningException {
        String pinDigest = pinDigest(pin);
        synchronized (LOCK) {
            try {
                try {
                    session.login(CKU_USER, pin);
                } catch (PKCS11Exception e) {
                    if (e.getErrorCode() != CKR_USER_ALREADY_LOGGED_IN) {
                        throw e;
                    }
                    if (sameDigest(pinDigest, LOGINS.get(tokenKey))) {
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

    /** Compared in constant time: how long a comparison takes must not tell how much of a PIN's digest was right. */
    private static boolean sameDigest(String digest, String known) {
        return known != null && MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII), known.getBytes(StandardCharsets.US_ASCII));
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
}
