package dev.securebuild.maven;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.inject.Named;
import javax.inject.Singleton;

import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Token;

/**
 * Keeps the tokens that are logged in for the whole build, so that a reactor of a hundred modules (with {@code -T} or
 * not) loads the module and logs in once. Keyed by the location and a digest of the PIN, as {@link SigningKeyCache}
 * is: a JVM that outlives one build (mvnd) must not hand a logged-in token to a later build that gave a wrong PIN.
 */
@Named
@Singleton
public class Pkcs11TokenCache {

    private final Map<String, Pkcs11Token> tokens = new ConcurrentHashMap<>();

    public synchronized Pkcs11Token get(Pkcs11Token.Location location, char[] pin, Consumer<Pkcs11Token> onOpen) throws SigningException {
        String key = location + "/" + digest(pin);
        Pkcs11Token token = tokens.get(key);
        if (token == null) {
            token = Pkcs11Token.open(location, pin);
            tokens.put(key, token);
            onOpen.accept(token);
        }
        return token;
    }

    private static String digest(char[] pin) {
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
