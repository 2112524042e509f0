package dev.securebuild.shared.signer.pgp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.text.Printable;

/**
 * Turns secret key material into an unlocked signing key: chooses the key ring (by fingerprint when there are several),
 * chooses its signing-capable (sub)key by key flags, refuses expired and revoked keys, and unlocks it.
 */
public final class SigningKeyLoader {

    private final Instant now;

    public SigningKeyLoader(Instant now) {
        this.now = now;
    }

    /**
     * @param material the secret key, armored, binary or base64
     * @param source where it came from, for messages ("environment SECURE_BUILD_SIGNING_KEY", "file /x/key.asc")
     * @param passphrase null when none was given
     * @param wantedFingerprint null, or the fingerprint of the key ring or the signing subkey to use
     */
    public SigningKey load(byte[] material, String source, char[] passphrase, String wantedFingerprint) throws SigningException {
        KeyRings.Parsed parsed = KeyRings.parse(material, source);
        if (parsed.secretRings().isEmpty()) {
            throw new SigningException(source + " holds only public keys ("
                    + parsed.publicRings().stream().map(r -> Pgp.fingerprint(r.getPublicKey())).collect(Collectors.joining(", "))
                    + "): signing needs the secret key (gpg --armor --export-secret-keys FINGERPRINT)");
        }
        PGPSecretKeyRing ring;
        PGPSecretKey chosen;
        if (wantedFingerprint != null && !wantedFingerprint.isBlank()) {
            String wanted = Pgp.normalizeFingerprint(wantedFingerprint);
            ring = null;
            chosen = null;
            for (PGPSecretKeyRing candidate : parsed.secretRings()) {
                for (PGPSecretKey key : candidate) {
                    if (Pgp.fingerprint(key.getPublicKey()).equals(wanted)) {
                        ring = candidate;
                        chosen = key;
                    }
                }
            }
            if (ring == null) {
                throw InvalidSettingException.about(Setting.KEY_FINGERPRINT, Setting.KEY_FINGERPRINT.mentionElement() + " "
                        + Printable.abbreviated(wanted) + " is not in " + source + ", which holds " + describeRings(parsed.secretRings()), null);
            }
            checkUsable(ring.getPublicKey(), source);
            if (chosen.getPublicKey().isMasterKey()) {
                // The fingerprint names the certificate: sign with its signing (sub)key, as gpg --local-user does.
                chosen = signingKeyOf(ring, source);
            } else {
                checkUsable(chosen.getPublicKey(), source);
                if (!canSign(chosen.getPublicKey(), ring)) {
                    throw new SigningException("Key " + wanted + " in " + source + " cannot sign: its key flags do not allow signing data");
                }
            }
        } else {
            if (parsed.secretRings().size() > 1) {
                throw InvalidSettingException.about(Setting.KEY_FINGERPRINT, source + " holds " + parsed.secretRings().size() + " keys ("
                        + describeRings(parsed.secretRings()) + "): set " + Setting.KEY_FINGERPRINT.mention() + " to choose one", null);
            }
            ring = parsed.secretRings().get(0);
            checkUsable(ring.getPublicKey(), source);
            chosen = signingKeyOf(ring, source);
        }
        PGPPrivateKey privateKey = unlock(chosen, source, passphrase);
        PGPPublicKeyRing certificate = publicRingOf(ring);
        return new SigningKey(privateKey, chosen.getPublicKey(), certificate, source);
    }

    private static PGPPublicKeyRing publicRingOf(PGPSecretKeyRing ring) {
        List<PGPPublicKey> keys = new ArrayList<>();
        ring.getPublicKeys().forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    private static String describeRings(List<PGPSecretKeyRing> rings) {
        return rings.stream().map(r -> Pgp.fingerprint(r.getPublicKey())).collect(Collectors.joining(", "));
    }

    /** The newest valid key that may sign data, as gpg chooses. */
    private PGPSecretKey signingKeyOf(PGPSecretKeyRing ring, String source) throws SigningException {
        List<PGPSecretKey> signing = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (PGPSecretKey key : ring) {
            PGPPublicKey publicKey = key.getPublicKey();
            if (!canSign(publicKey, ring)) {
                continue;
            }
            Optional<String> problem = problemOf(publicKey);
            if (problem.isPresent()) {
                unusable.add(problem.get());
            } else {
                signing.add(key);
            }
        }
        if (signing.isEmpty()) {
            String primary = Pgp.fingerprint(ring.getPublicKey());
            if (!unusable.isEmpty()) {
                throw new SigningException("Key " + primary + " from " + source + " has no usable signing key: "
                        + String.join("; ", unusable));
            }
            throw new SigningException("Key " + primary + " from " + source
                    + " cannot sign: none of its keys has the 'sign data' key flag");
        }
        return signing.stream().max(Comparator.comparing(k -> k.getPublicKey().getCreationTime())).orElseThrow();
    }

    private void checkUsable(PGPPublicKey key, String source) throws SigningException {
        Optional<String> problem = problemOf(key);
        if (problem.isPresent()) {
            throw new SigningException("Refusing to sign with the key from " + source + ": " + problem.get());
        }
    }

    private Optional<String> problemOf(PGPPublicKey key) {
        String fingerprint = Pgp.fingerprint(key);
        if (key.hasRevocation()) {
            return Optional.of("key " + fingerprint + " is revoked");
        }
        long validSeconds = key.getValidSeconds();
        if (validSeconds > 0) {
            Instant expires = key.getCreationTime().toInstant().plusSeconds(validSeconds);
            if (!expires.isAfter(now)) {
                return Optional.of("key " + fingerprint + " expired on " + expires);
            }
        }
        if (key.getCreationTime().toInstant().isAfter(now.plusSeconds(300))) {
            return Optional.of("key " + fingerprint + " was created in the future (" + key.getCreationTime().toInstant() + ")");
        }
        return Optional.empty();
    }

    /** The key flags of the newest self-signature (binding signature for a subkey) say whether a key may sign data. */
    static boolean canSign(PGPPublicKey key, PGPSecretKeyRing ring) {
        if (!isSigningAlgorithm(key.getAlgorithm())) {
            return false;
        }
        PGPSignature newest = null;
        Iterator<PGPSignature> signatures = key.getSignatures();
        long primaryId = ring.getPublicKey().getKeyID();
        while (signatures.hasNext()) {
            PGPSignature signature = signatures.next();
            if (signature.getKeyID() != primaryId || signature.getHashedSubPackets() == null) {
                continue;
            }
            int type = signature.getSignatureType();
            boolean selfSignature = key.isMasterKey()
                    ? signature.isCertification() || type == PGPSignature.DIRECT_KEY
                    : type == PGPSignature.SUBKEY_BINDING;
            if (selfSignature && signature.getHashedSubPackets().getKeyFlags() != 0
                    && (newest == null || signature.getCreationTime().after(newest.getCreationTime()))) {
                newest = signature;
            }
        }
        if (newest == null) {
            // Keys made before key flags existed: a primary key of a signing algorithm signs.
            return key.isMasterKey();
        }
        return (newest.getHashedSubPackets().getKeyFlags() & org.bouncycastle.bcpg.sig.KeyFlags.SIGN_DATA) != 0;
    }

    private static boolean isSigningAlgorithm(int algorithm) {
        return switch (algorithm) {
            case PGPPublicKey.RSA_GENERAL, PGPPublicKey.RSA_SIGN, PGPPublicKey.DSA, PGPPublicKey.ECDSA,
                 PGPPublicKey.EDDSA_LEGACY, PGPPublicKey.Ed25519, PGPPublicKey.Ed448 -> true;
            default -> false;
        };
    }

    private static PGPPrivateKey unlock(PGPSecretKey key, String source, char[] passphrase) throws SigningException {
        String fingerprint = Pgp.fingerprint(key.getPublicKey());
        if (key.isPrivateKeyEmpty()) {
            throw new SigningException("The secret part of key " + fingerprint + " is not in " + source
                    + " (it is a stub, as gpg exports for keys kept on a smartcard or exported without secret keys)");
        }
        boolean protectedKey = key.getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL;
        if (protectedKey && (passphrase == null || passphrase.length == 0)) {
            throw new SigningException("Key " + fingerprint + " from " + source + " is protected by a passphrase and none was given: "
                    + "set environment SECURE_BUILD_SIGNING_PASSPHRASE, or the <passphrase> of the settings server named by serverId");
        }
        try {
            // Lightweight classes, not a JCA provider: see RawSignatures.sign.
            PBESecretKeyDecryptor decryptor = new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(protectedKey ? passphrase : new char[0]);
            PGPPrivateKey privateKey = key.extractPrivateKey(decryptor);
            if (privateKey == null) {
                throw new SigningException("Key " + fingerprint + " from " + source + " has no private key material");
            }
            return privateKey;
        } catch (PGPException | RuntimeException e) {
            throw new SigningException("Cannot unlock key " + fingerprint + " from " + source
                    + ": the passphrase is wrong, or the key is damaged");
        }
    }
}
