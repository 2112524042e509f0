package dev.securebuild.shared.signer.pgp;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyConverter;

import dev.securebuild.shared.io.BoundedFiles;
import dev.securebuild.shared.signer.SigningException;

/** A set of OpenPGP certificates to verify with, looked up by the fingerprint or key ID a signature names. */
public final class PublicKeys {

    private final Map<String, PGPPublicKeyRing> byPrimaryFingerprint = new LinkedHashMap<>();
    /**
     * Keys of these certificates in the JDK's form, for its providers to check signatures with, by the very key object
     * (never by a fingerprint, which two keys could share): each is converted once, not once per signature.
     */
    private final Map<PGPPublicKey, PublicKey> jdkKeys = new IdentityHashMap<>();

    /** More than a KEYS file of a large project holds; a larger key file is not read. */
    public static final int MAX_KEY_FILE_BYTES = 16 * 1024 * 1024;

    public static PublicKeys of(Collection<PGPPublicKeyRing> rings) {
        PublicKeys keys = new PublicKeys();
        rings.forEach(keys::add);
        return keys;
    }

    /** Reads every certificate in a file; secret keys count by their public part. */
    public static PublicKeys read(Path file) throws SigningException {
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_KEY_FILE_BYTES);
        } catch (IOException e) {
            throw new SigningException("Cannot read the key file " + file + ": " + KeyRings.safeMessage(e), e);
        }
        return parse(bytes, "key file " + file);
    }

    public static PublicKeys parse(byte[] bytes, String source) throws SigningException {
        KeyRings.Parsed parsed = KeyRings.parse(bytes, source);
        PublicKeys keys = new PublicKeys();
        parsed.publicRings().forEach(keys::add);
        for (PGPSecretKeyRing secret : parsed.secretRings()) {
            List<PGPPublicKey> publicKeys = new ArrayList<>();
            secret.getPublicKeys().forEachRemaining(publicKeys::add);
            keys.add(new PGPPublicKeyRing(publicKeys));
        }
        return keys;
    }

    public void add(PGPPublicKeyRing ring) {
        byPrimaryFingerprint.putIfAbsent(Pgp.fingerprint(ring.getPublicKey()), ring);
    }

    public void addAll(PublicKeys other) {
        other.byPrimaryFingerprint.values().forEach(this::add);
    }

    public boolean isEmpty() {
        return byPrimaryFingerprint.isEmpty();
    }

    public Collection<String> primaryFingerprints() {
        return byPrimaryFingerprint.keySet();
    }

    /** The certificate whose primary key or one of whose subkeys has this fingerprint. */
    public Optional<PGPPublicKeyRing> certificateOf(String fingerprint) {
        return withFingerprint(fingerprint).map(Found::ring);
    }

    /**
     * The key (primary or subkey) with this fingerprint as a verifier of message signatures needs it (DSSE envelopes,
     * ledger records), or empty when no certificate here holds it.
     */
    public Optional<MessageKey> messageKey(String fingerprint) throws SigningException {
        Optional<Found> found = withFingerprint(fingerprint);
        return found.isEmpty() ? Optional.empty() : Optional.of(MessageKey.of(found.get().key(), found.get().ring()));
    }

    /** The key (primary or subkey) with this fingerprint. */
    Optional<PGPPublicKey> key(String fingerprint) {
        return withFingerprint(fingerprint).map(Found::key);
    }

    /** A key and the certificate that holds it. */
    private record Found(PGPPublicKey key, PGPPublicKeyRing ring) {}

    private Optional<Found> withFingerprint(String fingerprint) {
        String wanted = Pgp.normalizeFingerprint(fingerprint);
        for (PGPPublicKeyRing ring : byPrimaryFingerprint.values()) {
            for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
                PGPPublicKey key = it.next();
                if (Pgp.fingerprint(key).equals(wanted)) {
                    return Optional.of(new Found(key, ring));
                }
            }
        }
        return Optional.empty();
    }

    /** The key (primary or subkey) with this fingerprint, or with this key ID when a signature names no fingerprint. */
    Optional<PGPPublicKey> key(byte[] fingerprint, long keyId) {
        for (PGPPublicKeyRing ring : byPrimaryFingerprint.values()) {
            for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
                PGPPublicKey key = it.next();
                if (fingerprint != null ? key.hasFingerprint(fingerprint) : key.getKeyID() == keyId) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    Optional<PGPPublicKeyRing> ringOf(PGPPublicKey key) {
        return certificateOf(Pgp.fingerprint(key));
    }

    /** The JDK's form of one of these keys, converted the first time it is asked for. */
    PublicKey jdkKey(PGPPublicKey key) throws PGPException {
        synchronized (jdkKeys) {
            PublicKey converted = jdkKeys.get(key);
            if (converted == null) {
                converted = new JcaPGPKeyConverter().getPublicKey(key);
                jdkKeys.put(key, converted);
            }
            return converted;
        }
    }
}
