package dev.securebuild.shared.signer.pkcs11;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.text.Printable;

/**
 * A PKCS#11 URI (RFC 7512) as HSM vendors, p11-kit, OpenSSL's pkcs11 provider and cosign name a key:
 * {@code pkcs11:token=release;object=signing;id=%01?module-path=/usr/lib/softhsm/libsofthsm2.so}. Only what selects
 * the module, the token and the key is taken; a PIN in the URI is refused, since the URI sits in a POM or a command
 * line where everyone reads it.
 *
 * @param modulePath the module library ({@code module-path}), or null
 * @param token      the token label ({@code token}), or null
 * @param slot       the slot id ({@code slot-id}), or null
 * @param object     the key label ({@code object}), or null
 * @param id         the key's CKA_ID in hex ({@code id}, percent-encoded bytes in the URI), or null
 */
public record Pkcs11Uri(String modulePath, String token, Long slot, String object, String id) {

    private static final String PATH_ATTRIBUTES = "token, slot-id, object, id, type=private";

    /** Parses the URI; the message of an error names the attribute and what was expected. */
    public static Pkcs11Uri parse(String uri) {
        String text = uri.trim();
        if (!text.regionMatches(true, 0, "pkcs11:", 0, 7)) {
            throw invalid("it does not start with pkcs11:");
        }
        String rest = text.substring(7);
        int question = rest.indexOf('?');
        Map<String, String> path = attributes(question < 0 ? rest : rest.substring(0, question), ";");
        Map<String, String> query = attributes(question < 0 ? "" : rest.substring(question + 1), "&");

        for (String name : path.keySet()) {
            if (name.startsWith("pin-")) {
                throw invalid(name + " is not taken: the PIN comes from environment SECURE_BUILD_PKCS11_PIN or the settings.xml "
                        + "server, never from the POM or the command line");
            }
        }
        for (String name : query.keySet()) {
            if (name.startsWith("pin-")) {
                throw invalid(name + " is not taken: the PIN comes from environment SECURE_BUILD_PKCS11_PIN or the settings.xml "
                        + "server, never from the POM or the command line");
            }
            if (!name.equals("module-path")) {
                throw invalid("query attribute " + name + " is not supported; expected module-path");
            }
        }
        for (Map.Entry<String, String> attribute : path.entrySet()) {
            String name = attribute.getKey();
            if (name.equals("type") && !attribute.getValue().equals("private")) {
                throw invalid("type=" + attribute.getValue() + " names no signing key; expected type=private or no type");
            }
            if (!name.equals("type") && !name.equals("token") && !name.equals("slot-id") && !name.equals("object") && !name.equals("id")) {
                throw invalid("path attribute " + name + " is not supported; expected " + PATH_ATTRIBUTES);
            }
        }
        Long slot = null;
        if (path.containsKey("slot-id")) {
            try {
                slot = Long.parseUnsignedLong(path.get("slot-id"));
            } catch (NumberFormatException e) {
                throw invalid("slot-id=" + path.get("slot-id") + " is not a decimal slot number");
            }
        }
        String id = path.containsKey("id") ? HexFormat.ofDelimiter(":").formatHex(path.get("id").getBytes(StandardCharsets.ISO_8859_1)) : null;
        if (id != null && id.isEmpty()) {
            throw invalid("id is empty; expected the key's CKA_ID, such as id=%01");
        }
        return new Pkcs11Uri(query.get("module-path"), path.get("token"), slot, path.get("object"), id);
    }

    /**
     * The location the URI names, completed by the parameters given one by one. A thing named both ways must be the
     * same; otherwise it is an error, not a silent choice.
     */
    public Pkcs11Token.Location merge(String library, String tokenLabel, Long slotId, String keyLabel, String keyId) {
        String mergedId = pick("id", id, Setting.PKCS11_KEY_ID, keyId, (a, b) -> {
            try {
                return Arrays.equals(Pkcs11Token.parseKeyId(a), Pkcs11Token.parseKeyId(b));
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
        return new Pkcs11Token.Location(pick("module-path", modulePath, Setting.PKCS11_LIBRARY, library, String::equals),
                pick("token", token, Setting.PKCS11_TOKEN_LABEL, tokenLabel, String::equals),
                pick("slot-id", slot, Setting.PKCS11_SLOT, slotId, Long::equals),
                pick("object", object, Setting.PKCS11_KEY_LABEL, keyLabel, String::equals), mergedId);
    }

    private static <T> T pick(String attribute, T fromUri, Setting parameter, T given, BiPredicate<T, T> same) {
        if (fromUri != null && given != null && !same.test(fromUri, given)) {
            throw invalid(attribute + " is " + Printable.abbreviated(String.valueOf(fromUri)) + " but " + parameter.mention() + " is "
                    + Printable.abbreviated(String.valueOf(given)) + ": give it once, or the same in both");
        }
        return fromUri != null ? fromUri : given;
    }

    /**
     * The attributes, percent-decoded. A value's bytes are kept as Latin-1 characters so that {@code id}'s raw bytes
     * survive; the text attributes are then read as UTF-8, as RFC 7512 says.
     */
    private static Map<String, String> attributes(String part, String separator) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (part.isEmpty()) {
            return attributes;
        }
        String[] pairs = part.split(separator, -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw invalid("attribute " + (i + 1) + " after the " + (separator.equals(";") ? "scheme" : "?") + " is not name=value");
            }
            String name = pair.substring(0, equals);
            String raw;
            try {
                raw = URLDecoder.decode(pair.substring(equals + 1).replace("+", "%2B"), StandardCharsets.ISO_8859_1);
            } catch (IllegalArgumentException e) {
                throw invalid("the value of " + name + " has a bad percent escape; expected %XX with two hex digits");
            }
            String value = name.equals("id") ? raw : new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            if (attributes.put(name, value) != null) {
                throw invalid(name + " is given twice");
            }
        }
        return attributes;
    }

    /** The URI itself is not shown: it may carry a PIN (pin-value), which is refused but must not reach a log. */
    private static InvalidSettingException invalid(String why) {
        return InvalidSettingException.unusable(Setting.PKCS11_URI, why, null);
    }
}
