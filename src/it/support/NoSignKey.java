import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;

/**
 * For the pkcs11 ITs (softhsm.groovy runs it with the JDK's source launcher, SOFTHSM2_CONF set): makes an RSA 2048 key
 * pair on a token whose private key may decrypt but not sign (CKA_SIGN false). Neither pkcs11-tool nor softhsm2-util
 * can make one (their keys always get SoftHSM2's default CKA_SIGN true); the JDK's SunPKCS11 provider sets the
 * attributes of the keys it generates from its configuration. Arguments: module library, slot id, user PIN, label.
 * TEST-ONLY: the PIN is a throwaway token's.
 */
public final class NoSignKey {

    public static void main(String[] args) throws Exception {
        String library = args[0];
        String slot = args[1];
        char[] pin = args[2].toCharArray();
        String label = HexFormat.of().formatHex(args[3].getBytes(StandardCharsets.UTF_8));
        String config = String.join("\n",
                "--name = it-no-sign",
                "library = " + library,
                "slot = " + slot,
                "attributes(generate, *, *) = {",
                "  CKA_TOKEN = true",
                "  CKA_LABEL = 0h" + label,
                "}",
                "attributes(generate, CKO_PRIVATE_KEY, *) = {",
                "  CKA_PRIVATE = true",
                "  CKA_SENSITIVE = true",
                "  CKA_SIGN = false",
                "  CKA_DECRYPT = true",
                "}",
                "attributes(generate, CKO_PUBLIC_KEY, *) = {",
                "  CKA_VERIFY = false",
                "  CKA_ENCRYPT = true",
                "}",
                "");
        Provider provider = Security.getProvider("SunPKCS11").configure(config);
        KeyStore.getInstance("PKCS11", provider).load(null, pin); // logs in
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
        generator.initialize(2048);
        generator.generateKeyPair();
    }
}
