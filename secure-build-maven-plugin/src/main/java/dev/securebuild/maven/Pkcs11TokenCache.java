package dev.securebuild.maven;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.inject.Named;
import javax.inject.Singleton;

import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.signer.pkcs11.Pkcs11Token;
import dev.securebuild.shared.signer.pkcs11.TokenLogins;

/**
 * Keeps the tokens that are logged in for the whole build, so that a reactor of a hundred modules (with {@code -T} or
 * not) loads the module and logs in once. Keyed by the location and a digest of the PIN, as {@link SigningKeyCache}
 * is: a JVM that outlives one build (mvnd) must not hand a logged-in token to a later build that gave a wrong PIN. A
 * token whose login has ended (a later build logged in with another PIN) is opened again.
 */
@Named
@Singleton
public class Pkcs11TokenCache {

    private final Map<String, Pkcs11Token> tokens = new ConcurrentHashMap<>();

    public synchronized Pkcs11Token get(Pkcs11Token.Location location, char[] pin, Consumer<Pkcs11Token> onOpen) throws SigningException {
        String key = location + "/" + TokenLogins.pinDigest(pin);
        Pkcs11Token token = tokens.get(key);
        if (token == null || !token.loggedIn()) {
            token = Pkcs11Token.open(location, pin);
            tokens.put(key, token);
            onOpen.accept(token);
        }
        return token;
    }
}
