package dev.securebuild.shared.signer.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_PARAMS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_POINT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;

/** Finding the signing key's objects on a token, and reading its public key from them. */
final class TokenKeys {

    private TokenKeys() {}

    /** The template that finds the key's objects of one class: its label, its id, or both. */
    static AttributeVector template(AttributeVector objectClass, Pkcs11Token.Location location) {
        if (location.keyLabel() != null) {
            objectClass.label(location.keyLabel());
        }
        if (location.keyId() != null) {
            objectClass.id(Pkcs11Token.parseKeyId(location.keyId()));
        }
        return objectClass;
    }

    static long privateKey(Session session, Pkcs11Token.Location location) throws PKCS11Exception, SigningException {
        long[] keys = session.findAllObjectsSingle(template(AttributeVector.newPrivateKey(), location));
        if (keys.length == 1) {
            return keys[0];
        }
        if (keys.length > 1) {
            throw InvalidSettingException.about(Setting.PKCS11_KEY_ID, keys.length + " private keys on " + location.where() + " match "
                    + location.describeKey() + ": give the signing key a label of its own, or choose it by " + Setting.PKCS11_KEY_ID.mention(), null);
        }
        List<String> keysThere = new ArrayList<>();
        for (long other : session.findAllObjectsSingle(AttributeVector.newPrivateKey())) {
            AttributeVector names = session.getAttrValues(other, CKA_LABEL, CKA_ID);
            String label = names.label() == null ? "(no label)" : "'" + names.label() + "'";
            keysThere.add(names.id() == null || names.id().length == 0 ? label : label + " (id " + HexFormat.ofDelimiter(":").formatHex(names.id()) + ")");
        }
        String wanted = (location.keyLabel() != null ? " labelled '" + location.keyLabel() + "'" : "")
                + (location.keyId() != null ? " with id " + Pkcs11Token.shownId(location.keyId()) : "");
        throw InvalidSettingException.about(Setting.PKCS11_KEY_LABEL, "No private key" + wanted + " on " + location.where() + "; its private keys are: "
                + (keysThere.isEmpty() ? "none" : String.join(", ", keysThere)) + " (" + Setting.PKCS11_KEY_LABEL.mention() + ", "
                + Setting.PKCS11_KEY_ID.mention() + ")", null);
    }

    /**
     * The public key, from the token's public key object with the same label (or, when there is none, from the private
     * key object's public attributes, which many tokens also carry).
     */
    static PublicKey publicKey(Session session, long privateKey, long keyType, Pkcs11Token.Location location)
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
}
