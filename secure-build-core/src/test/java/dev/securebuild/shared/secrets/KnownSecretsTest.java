package dev.securebuild.shared.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;

class KnownSecretsTest {

    private static final String CANARY = "c4nary-S3cret\"<&>'\\x";

    @Test
    void aLongValueIsReplacedWhereverItStandsAndInEveryEscapedForm() {
        KnownSecrets secrets = KnownSecrets.empty().add(CANARY);
        assertEquals("pass=[redacted];", secrets.redact("pass=" + CANARY + ";"));
        assertEquals("x[redacted]y", secrets.redact("x" + CANARY + "y"));
        assertEquals("{\"v\":\"[redacted]\"}", secrets.redact("{\"v\":\"c4nary-S3cret\\\"<&>'\\\\x\"}"), "JSON");
        assertEquals("<v>[redacted]</v>", secrets.redact("<v>c4nary-S3cret\"&lt;&amp;&gt;'\\x</v>"), "XML text");
        assertEquals("<a title=\"[redacted]\">", secrets.redact("<a title=\"c4nary-S3cret&quot;&lt;&amp;&gt;&#39;\\x\">"), "HTML attribute");
        assertEquals("[redacted]", secrets.redact(dev.securebuild.shared.text.Printable.of(CANARY)), "plain-text report");
    }

    @Test
    void aShortValueIsReplacedOnlyAsAWholeTokenSoThatDigestsStayWhole() {
        KnownSecrets secrets = KnownSecrets.empty().add("ab12");
        assertEquals("pin [redacted], again [redacted].", secrets.redact("pin ab12, again ab12."));
        String digest = "9f86d081884c7d659a2feaa0c55ab12ad015a3bf4f1b2b0b822cd15d6c15b0f0";
        assertEquals(digest, secrets.redact(digest));
    }

    @Test
    void valuesThatCannotBeToldFromOrdinaryTextAreNotKept() {
        KnownSecrets secrets = KnownSecrets.empty().add("abc").add("123456").add("true").add("FALSE").add("");
        assertTrue(secrets.isEmpty());
        assertEquals("built 123456 bytes in 2026, abc true", secrets.redact("built 123456 bytes in 2026, abc true"));
        assertFalse(KnownSecrets.empty().add("12345678").isEmpty(), "8 digits are redacted anywhere");
    }

    @Test
    void keyMaterialIsRedactedWholeAndLineByLine() {
        String body = "lQdGBGZ1c2VjdXJlLWJ1aWxkLXRlc3Qta2V5LW1hdGVyaWFsLW9ubHktZm9yLXRlc3Rz";
        String armored = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + body + "\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----\n";
        KnownSecrets secrets = KnownSecrets.empty().add(armored);
        assertEquals("[redacted]", secrets.redact(armored.strip()));
        assertEquals("line: [redacted]", secrets.redact("line: " + body));
        assertEquals("-----BEGIN PGP SIGNATURE-----", secrets.redact("-----BEGIN PGP SIGNATURE-----"));
    }

    @Test
    void onlyValuesOfSecretNamesAreTakenFromPropertiesAndTheEnvironment() {
        KnownSecrets secrets = KnownSecrets.empty().addSecretNamed(Map.of("DEPLOY_TOKEN", "tok-abcdefgh", "JAVA_HOME", "/usr/lib/jvm/java-17"));
        assertEquals("[redacted] /usr/lib/jvm/java-17", secrets.redact("tok-abcdefgh /usr/lib/jvm/java-17"));
    }

    @Test
    void aValueHoldingAnotherIsReplacedWhole() {
        KnownSecrets secrets = KnownSecrets.empty().add("abcdefgh").add("abcdefgh-and-more");
        assertEquals("[redacted]", secrets.redact("abcdefgh-and-more"));
    }

    @Test
    void oneBuildSharesOneSetAcrossCallersAndCollectsEachSourceOnce() {
        SessionData data = new DefaultSessionData();
        KnownSecrets.of(data).add("first-secret-value");
        assertEquals("[redacted]", KnownSecrets.of(data).redact("first-secret-value"));
        assertTrue(data.get(KnownSecrets.SESSION_KEY) instanceof java.util.Set, "a JDK type, readable from another class realm");
        assertTrue(KnownSecrets.firstTime(data, "plugin"));
        assertFalse(KnownSecrets.firstTime(data, "plugin"));
        assertTrue(KnownSecrets.firstTime(data, "enforcer"));
    }

    @Test
    void writtenFilesAreRedactedAndUnchangedBytesStayTheSameArray() throws Exception {
        KnownSecrets secrets = KnownSecrets.empty().add(CANARY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        secrets.redacting(o -> o.write(("a " + CANARY + " b").getBytes(StandardCharsets.UTF_8))).writeTo(out);
        assertEquals("a [redacted] b", out.toString(StandardCharsets.UTF_8));
        byte[] clean = "nothing here".getBytes(StandardCharsets.UTF_8);
        assertSame(clean, secrets.redactUtf8(clean));
        assertArrayEquals(clean, KnownSecrets.NONE.redactUtf8(clean));
    }

    @Test
    void aLargeOutputIsRedactedPieceByPieceAsIfWhole() throws Exception {
        KnownSecrets secrets = KnownSecrets.empty().add(CANARY).add("pin7").add("tok-abcdefgh");
        StringBuilder text = new StringBuilder();
        // Values and near misses at every offset around the piece boundaries, separated by characters a cut may use.
        for (int i = 0; text.length() < 3 * RedactingOutputStream.PIECE; i++) {
            text.append(i % 3 == 0 ? CANARY : i % 3 == 1 ? "pin7" : "xpin7y").append(i % 5 == 0 ? "\n" : " ").append("é".repeat(i % 4))
                    .append("tok-abcdefgh,").append(Integer.toHexString(i)).append('\n');
        }
        String whole = secrets.redact(text.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        secrets.redacting(o -> {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at < bytes.length; at += 1000) { // written in small, unaligned slices
                o.write(bytes, at, Math.min(1000, bytes.length - at));
            }
        }).writeTo(out);
        assertEquals(whole, out.toString(StandardCharsets.UTF_8));
        assertFalse(whole.contains("c4nary") || whole.contains(" pin7") || whole.contains("tok-abcdefgh"));
        assertTrue(whole.contains("xpin7y"), "a short value inside a word stays");
    }

    @Test
    void withoutKnownValuesTheOutputIsWrittenAsIs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KnownSecrets.empty().redacting(o -> o.write("a c4nary b".getBytes(StandardCharsets.UTF_8))).writeTo(out);
        assertEquals("a c4nary b", out.toString(StandardCharsets.UTF_8));
    }
}
